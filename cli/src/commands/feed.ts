import { diffPlans } from '@plandiff/diff';
import type { Plan } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { type FeedEntry, labelsFor, planName, type ReportLang, renderAtomFeed } from '@plandiff/report';
import { explainBadName, listEditions, listSeries, loadRef, logEdition, settleCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { writeResult } from '../output.ts';
import { createProgress } from '../progress.ts';
import { defineCommand } from './command.ts';
import { withYear } from './report.ts';

/** An entry to be: which two plans it compares and when the newer one was stored. */
interface Pending {
  id: string;
  /** The newer side's reference and, for a version, its commit. */
  ref: string;
  commit?: string;
  updated: string;
  older: () => Promise<{ plan: Plan; ref: string }>;
  newer: () => Promise<{ plan: Plan; ref: string }>;
}

/** Tag URIs (RFC 4151) name entries for good: the same edition or version keeps its id in every run. */
const tag = (path: string) => `tag:plandiff.dev,2024:${path}`;

/** `plandiff feed <series>` — an Atom feed with one entry per new edition or version of a series. */
export const feedCommand = defineCommand({
  command: 'feed <series>',
  describe: 'An Atom feed of a stored series: one entry per new edition or version, with what changed',
  builder: (y) =>
    withCorpusOption(y)
      .positional('series', { type: 'string', demandOption: true, describe: 'A series in the corpus (gwr)' })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write the feed to FILE instead of stdout' })
      .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'Language of the labels' })
      .option('limit', {
        type: 'number',
        default: 20,
        requiresArg: true,
        describe: 'Newest entries to include (0 = all); each entry costs one diff',
      })
      .option('url', {
        type: 'string',
        requiresArg: true,
        describe: 'Where the feed will be published (its rel="self" link)',
      })
      .example('$0 feed gwr --out gwr.xml', 'The 20 newest editions and versions of the Government Work Reports')
      .example('$0 feed luzhou-edu --limit 0 --url https://example.org/luzhou.xml', 'Every entry, with a self link')
      .epilogue(
        'An edition entry compares the edition with the one before it; a version entry compares a re-published ' +
          'edition with its previous version (see `plandiff log`). Entry ids stay the same from run to run.',
      ),
  handler: async (args) => {
    if (!(Number.isInteger(args.limit) && args.limit >= 0)) {
      throw new PlandiffError('USAGE', `--limit must be 0 or a positive integer, got ${args.limit}`);
    }
    const bad = explainBadName(args.series, 'series');
    if (bad) throw new PlandiffError('USAGE', `${args.series}: ${bad}`);
    const dir = resolveCorpusDir(args.corpus);
    await settleCorpus(dir);
    const series = args.series;
    const editions = listEditions(dir, series);
    const pending: Pending[] = [];
    for (const [i, stored] of editions.entries()) {
      const ref = `${series}@${stored.edition}`;
      const current = async () => ({ plan: withYear(stored.plan, stored.edition), ref });
      const versions = await logEdition(dir, ref);
      const previous = editions[i - 1];
      const first = versions.at(-1);
      if (previous && first) {
        const prevRef = `${series}@${previous.edition}`;
        pending.push({
          id: tag(`${series}/${stored.edition}`),
          ref,
          updated: first.date,
          older: async () => ({ plan: withYear(previous.plan, previous.edition), ref: prevRef }),
          newer: current,
        });
      }
      // versions[0] is the current one; versions[k] is `ref~k`.
      for (let k = 1; k < versions.length; k++) {
        const newer = versions[k - 1]!;
        const load = async (back: number) => {
          if (back === 0) return current();
          const loaded = await loadRef(dir, `${ref}~${back}`);
          return { plan: withYear(loaded.plan, stored.edition), ref: `${ref}~${back}` };
        };
        pending.push({
          id: tag(`${series}/${stored.edition}/${newer.commit}`),
          ref: k === 1 ? ref : `${ref}~${k - 1}`,
          commit: newer.commit,
          updated: newer.date,
          older: () => load(k),
          newer: () => load(k - 1),
        });
      }
    }
    pending.sort((x, y) => Date.parse(y.updated) - Date.parse(x.updated) || (x.id < y.id ? 1 : -1));
    const chosen = args.limit === 0 ? pending : pending.slice(0, args.limit);
    const lang: ReportLang = args.lang;
    const labels = labelsFor(lang);
    const progress = createProgress(chosen.length);
    const entries: FeedEntry[] = [];
    try {
      for (const [i, item] of chosen.entries()) {
        progress.update(i, `diff ${item.ref}`);
        const [a, b] = [await item.older(), await item.newer()];
        const diff = diffPlans(a.plan, b.plan, { refA: a.ref, refB: b.ref });
        const title = item.commit
          ? `${item.ref} ${labels.feedRevised} (${item.commit.slice(0, 12)})${labels.colon}${planName(diff.b, labels)}`
          : `${item.ref} ${labels.feedEdition}${labels.colon}${planName(diff.b, labels)}`;
        entries.push({ id: item.id, title, updated: item.updated, diff });
      }
    } finally {
      progress.done();
    }
    const info = listSeries(dir).find((s) => s.series === series)?.info ?? {};
    const described = [info.issuer, info.region, info.notes].filter(Boolean).join(' · ');
    const feed = renderAtomFeed({
      id: args.url ?? tag(series),
      title: `plandiff: ${series}${described ? ` (${described})` : ''}`,
      author: info.issuer ?? 'plandiff',
      ...(args.url ? { selfUrl: args.url } : {}),
      entries,
      lang,
    });
    writeResult(feed, args.out);
    if (args.out) process.stderr.write(`wrote ${args.out}: ${entries.length} entries of ${pending.length}\n`);
  },
});
