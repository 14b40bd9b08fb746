import { findEchoes, requireEditions } from '@plandiff/index';
import { PlandiffError } from '@plandiff/model/errors';
import { renderEchoesHtml, renderEchoesMarkdown, renderEchoesText } from '@plandiff/report/echoes';
import { compareEditions, parseRef, validateName } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { loadPlan } from '../load-plan.ts';
import { isCorpusRef } from '../load-ref.ts';
import { useColor, writeResult } from '../output.ts';
import { openSearchIndex } from '../search-index.ts';
import { defineCommand } from './command.ts';

/** Parses `--in gwr` / `--in gwr@2012` / `--in gwr@latest` against the editions the index holds. */
function parseTargets(
  values: readonly string[],
  editions: Map<string, string[]>,
): { series: string; edition?: string }[] {
  return values.map((value) => {
    const at = value.indexOf('@');
    const series = at < 0 ? value : value.slice(0, at);
    if (at < 0) validateName(series, 'series');
    const edition = at < 0 ? undefined : parseRef(value).edition;
    const known = editions.get(series);
    if (!known)
      throw new PlandiffError(
        'STORE_NOT_FOUND',
        `--in ${value}: no series "${series}" (series: ${[...editions.keys()].sort().join(', ')})`,
      );
    if (edition === undefined) return { series };
    const resolved = edition === 'latest' ? known[known.length - 1] : edition;
    if (!resolved || !known.includes(resolved))
      throw new PlandiffError(
        'STORE_NOT_FOUND',
        `--in ${value}: ${series} has no edition ${edition} (editions: ${known.join(', ')})`,
      );
    return { series, edition: resolved };
  });
}

/** `plandiff echoes <ref>` — which tasks of a plan echo units of other series (policy diffusion). */
export const echoesCommand = defineCommand({
  command: 'echoes <ref>',
  describe: 'For each task of a plan, the most similar units in other series, with similarity and wording diff',
  builder: (y) =>
    withCorpusOption(y)
      .positional('ref', {
        type: 'string',
        demandOption: true,
        describe: 'The plan: a corpus reference (luzhou-edu@2012) or a plan file',
      })
      .option('in', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe:
          'Look only in this series or edition (gwr, gwr@2012, gwr@latest); repeatable. Default: every other series',
      })
      .option('limit', { type: 'number', default: 3, requiresArg: true, describe: 'Most echoes shown per task' })
      .option('min', {
        type: 'number',
        requiresArg: true,
        describe: "Least similarity 0–1 (default: the diff engine's floor for linking two units, 0.12)",
      })
      .option('format', {
        choices: ['text', 'json', 'md', 'html'] as const,
        default: 'text' as const,
        describe: 'text: per task its echoes; json: for scripts; md: a table; html: a page with full wording diffs',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .example(
        '$0 echoes luzhou-edu@2012 --in gwr@2012',
        "Which of Luzhou's 2012 education tasks echo the national 2012 report",
      )
      .example(
        '$0 echoes luzhou-edu@2012 --in gwr --format html --out echoes.html',
        'Against every Government Work Report, as a page',
      )
      .example('$0 echoes plan.txt --limit 1', 'A plan file that is not stored, against the whole corpus')
      .epilogue(
        "Tasks are a plan's units without sub-units. Each is scored against the target units with the diff engine's similarity (IDF-weighted character bigrams, figures masked): every target unit when there are at most 20,000, else candidates that the search index finds by the task's rarest bigrams.",
      ),
  handler: async (args) => {
    if (!Number.isInteger(args.limit) || args.limit < 1)
      throw new PlandiffError('USAGE', `--limit ${args.limit}: give a whole number ≥ 1`);
    if (args.min !== undefined && !(args.min >= 0 && args.min <= 1))
      throw new PlandiffError('USAGE', `--min ${args.min}: give a similarity between 0 and 1`);
    const format = args.json ? 'json' : args.format;
    const dir = resolveCorpusDir(args.corpus);
    const own = isCorpusRef(args.ref) ? parseRef(args.ref).series : undefined;
    const loaded = await loadPlan(args.ref, { corpus: dir });
    const opened = await openSearchIndex(dir);
    try {
      requireEditions(opened);
      const editions = new Map<string, string[]>();
      for (const row of opened.db.prepare('SELECT series, edition FROM editions').all() as {
        series: string;
        edition: string;
      }[]) {
        editions.set(row.series, [...(editions.get(row.series) ?? []), row.edition]);
      }
      for (const list of editions.values()) list.sort(compareEditions);
      const targets = parseTargets((args.in ?? []).map(String), editions);
      if (own !== undefined && targets.length === 0 && editions.size === 1)
        throw new PlandiffError(
          'USAGE',
          `the corpus holds only the series ${own}; echoes looks in other series (or name one with --in)`,
        );
      const result = findEchoes(opened.db, loaded.plan, {
        perTask: args.limit,
        ...(args.min === undefined ? {} : { min: args.min }),
        ...(targets.length > 0 ? { in: targets } : {}),
        ...(own !== undefined && targets.length === 0 ? { exclude: own } : {}),
      });
      const label = {
        ref: args.ref,
        title: loaded.plan.title,
        target:
          targets.length > 0
            ? targets.map((t) => (t.edition ? `${t.series}@${t.edition}` : t.series)).join(', ')
            : 'the other series',
      };
      const text =
        format === 'json'
          ? `${JSON.stringify({ corpus: dir, plan: label, ...result }, null, 2)}\n`
          : format === 'md'
            ? renderEchoesMarkdown(result, label)
            : format === 'html'
              ? renderEchoesHtml(result, label)
              : renderEchoesText(result, label, !args.out && useColor());
      writeResult(text, args.out);
    } finally {
      opened.db.close();
    }
  },
});
