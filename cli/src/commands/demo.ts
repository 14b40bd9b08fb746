import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plan } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { renderOutline, yearFromName } from '@plandiff/normalize';
import { diffHeadline, type ReportLang, renderDiffReport, renderSeriesReport, seriesHeadline } from '@plandiff/report';
import { importSources, initCorpus, listEditions, type SourceInput } from '@plandiff/store';
import { writeDemoEchoes } from '../demo-echoes.ts';
import { createProgress } from '../progress.ts';
import { storeNormalizer } from '../store-normalizer.ts';
import { defineCommand } from './command.ts';
import { compareSeries, type ReportEdition, withYear } from './report.ts';

/** The repository checkout this CLI runs from: the demo's inputs ship with it. */
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SEED = join(REPO, 'seeds', '000_4d3ac6cf14e30664.txt');
const GWR_DIR = join(REPO, 'corpus', 'gwr');
/** Government Work Reports the demo imports (2020 is absent from the shipped corpus). */
const GWR_YEARS = Array.from({ length: 18 }, (_, i) => 2008 + i).filter((year) => year !== 2020);

/** What the demo wrote. */
interface DemoFile {
  label: string;
  path: string;
  /** What the file shows, in one line (a report's headline). */
  headline?: string;
}

function readSource(path: string, series: string, label: string): SourceInput {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new PlandiffError('INPUT_MISSING', `${path}: demo input missing; run the demo from a full plandiff checkout`);
  }
  const year = yearFromName(basename(path))?.toString();
  return { bytes, kind: 'txt', series, label, fileName: basename(path), ...(year ? { editionFallback: year } : {}) };
}

/** `plandiff demo` — the main job end to end: import, outline, a pair report and a many-year report. */
export const demoCommand = defineCommand({
  command: 'demo',
  describe: 'Import the seed and the 2008–2025 Government Work Reports into a scratch corpus and write example reports',
  builder: (y) =>
    y
      .option('out', { type: 'string', default: 'demo-out', requiresArg: true, describe: 'Folder for the reports' })
      .option('corpus', {
        type: 'string',
        requiresArg: true,
        describe: 'Corpus to import into (default: a new scratch corpus in the temp folder)',
      })
      .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'Language of the labels' })
      .example('$0 demo', 'Write ./demo-out/{luzhou-edu-2012-outline.md, gwr-2024-2025.html, gwr-2012-2025.html}')
      .example('$0 demo --out /tmp/pd --lang en', 'English labels, another folder'),
  handler: async (args) => {
    const out = resolve(args.out);
    const lang: ReportLang = args.lang;
    const corpus = args.corpus ? resolve(args.corpus) : mkdtempSync(join(tmpdir(), 'plandiff-demo-'));
    const steps = createProgress(GWR_YEARS.length + 1);
    const files: DemoFile[] = [];
    try {
      steps.update(0, `importing ${GWR_YEARS.length + 1} plans into ${corpus}`);
      await initCorpus(corpus);
      const inputs = [
        readSource(SEED, 'luzhou-edu', 'seeds/000_4d3ac6cf14e30664.txt'),
        ...GWR_YEARS.map((year) => readSource(join(GWR_DIR, `${year}.txt`), 'gwr', `corpus/gwr/${year}.txt`)),
      ];
      await importSources(corpus, inputs, {
        normalizer: storeNormalizer,
        command: 'demo',
        seriesInfo: {
          gwr: { issuer: '国务院', notes: 'Government Work Reports' },
          'luzhou-edu': { region: '四川省泸州市' },
        },
      });
      mkdirSync(out, { recursive: true });

      const [seed] = listEditions(corpus, 'luzhou-edu');
      if (!seed) throw new PlandiffError('INTERNAL', 'the seed was not imported');
      files.push({
        ...write(out, `luzhou-edu-${seed.edition}-outline.md`, renderOutline(seed.plan), 'seed outline (Markdown)'),
        headline: describeOutline(seed.plan),
      });

      const editions: ReportEdition[] = listEditions(corpus, 'gwr')
        .filter((stored) => Number.parseInt(stored.edition, 10) >= 2012)
        .map((stored) => ({ plan: withYear(stored.plan, stored.edition), ref: `gwr@${stored.edition}` }));
      const skipped = GWR_YEARS.length - editions.length;
      const { diffs, lineage } = compareSeries(editions, {
        progress: { ...steps, update: (done, label) => steps.update(done + 1 + skipped, label) },
      });
      const last = diffs.at(-1);
      if (!last) throw new PlandiffError('INTERNAL', 'no Government Work Report pairs to compare');
      const pairName = `gwr-${last.a.year ?? 'a'}-${last.b.year ?? 'b'}.html`;
      files.push({
        ...write(
          out,
          pairName,
          renderDiffReport(last, 'html', { lang }),
          `${last.a.year}→${last.b.year} report (HTML)`,
        ),
        headline: diffHeadline(last, 'en'),
      });
      const span = `${editions[0]?.plan.year ?? 'first'}–${editions.at(-1)?.plan.year ?? 'last'}`;
      const seriesName = `gwr-${span.replace('–', '-')}.html`;
      files.push({
        ...write(
          out,
          seriesName,
          renderSeriesReport(lineage, diffs, 'html', { lang }),
          `${span} multi-year report (HTML)`,
        ),
        headline: seriesHeadline(lineage, 'en'),
      });
      const echoes = await writeDemoEchoes(corpus, out);
      files.push({ label: echoes.label, path: echoes.path, headline: echoes.line });
    } finally {
      steps.done();
    }
    const width = Math.max(...files.map((f) => f.label.length));
    process.stdout.write(`plandiff demo wrote ${files.length} files to ${out}:\n`);
    for (const file of files) {
      process.stdout.write(`  ${file.label.padEnd(width)}  ${pathToFileURL(file.path).href}\n`);
      if (file.headline) process.stdout.write(`  ${' '.repeat(width)}  ${file.headline}\n`);
    }
    process.stdout.write(
      'Open the .html files in any browser (paste the file:// address, or e.g. `xdg-open`/`open` the file); ' +
        'they are single self-contained pages and work offline.\n' +
        `The scratch corpus is ${corpus} (a git repository); try \`plandiff list --corpus ${corpus}\`.\n`,
    );
  },
});

/** The size of an outline: how many sections and units in all. */
function describeOutline(plan: Plan): string {
  let units = 0;
  const walk = (list: Plan['units']): void => {
    for (const unit of list) {
      units += 1;
      walk(unit.children);
    }
  };
  walk(plan.units);
  return `${plan.title || 'plan'}: ${plan.units.length} sections, ${units} numbered units`;
}

function write(dir: string, name: string, text: string, label: string): DemoFile {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { label, path };
}
