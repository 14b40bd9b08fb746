import { DEFAULT_THRESHOLDS, diffPlans } from '@plandiff/diff';
import { PlandiffError } from '@plandiff/model/errors';
import { renderDiffDocx, renderDiffReport, renderDiffText } from '@plandiff/report';
import { currentIo } from '../io.ts';
import { loadPlan } from '../load-plan.ts';
import { printDiagnostics, useColor, writeResult } from '../output.ts';
import { defineCommand } from './command.ts';

/** `plandiff diff <a> <b>` — aligns the tasks of two plans and reports what changed. */
export const diffCommand = defineCommand({
  command: 'diff <a> <b>',
  describe: 'Compare two plans task by task: unchanged, reworded, merged, split, added, dropped, moved',
  builder: (y) =>
    y
      .positional('a', {
        type: 'string',
        demandOption: true,
        describe: 'Older plan: file, URL or corpus ref (series@2012)',
      })
      .positional('b', { type: 'string', demandOption: true, describe: 'Newer plan: file, URL or corpus ref' })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('format', {
        choices: ['text', 'json', 'md', 'html', 'csv', 'docx'] as const,
        default: 'text' as const,
        describe:
          'text: coloured list for the terminal; json: the PlanDiff record (schemas/diff.schema.json); md/html/csv: reports; docx: the newer plan in Word with the changes tracked',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .option('lang', {
        choices: ['zh', 'en'] as const,
        default: 'zh' as const,
        describe: 'Label language of md/html/csv/docx reports',
      })
      .option('author', {
        type: 'string',
        requiresArg: true,
        default: 'plandiff',
        describe: 'docx: the name Word shows on the tracked changes and comments',
      })
      .option('depth', {
        type: 'number',
        requiresArg: true,
        describe: 'Report changes down to this level only (1 = sections, 2 = items, 3 = paragraphs)',
      })
      .option('min-similarity', {
        type: 'number',
        requiresArg: true,
        describe: `Least similarity (0–1) for two tasks to count as the same task (default ${DEFAULT_THRESHOLDS.minSimilarity}); lower links more, higher reports more added/dropped`,
      })
      .option('punctuation', {
        type: 'boolean',
        default: false,
        describe: 'Report punctuation-only wording changes too',
      })
      .option('explain', {
        type: 'boolean',
        default: false,
        describe:
          'text format: show the links of each change with the rule that made each and its score (docs/diff.md); JSON always carries them',
      })
      .option('unchanged', { type: 'boolean', default: false, describe: 'text format: also list unchanged tasks' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Also print parse warnings about the two plans' })
      .option('corpus', { type: 'string', requiresArg: true, describe: 'Corpus directory for series@edition refs' })
      .example('$0 diff corpus/gwr/2018.txt corpus/gwr/2019.txt', 'What changed between the 2018 and 2019 reports')
      .example(
        '$0 diff gwr@2024 gwr@2025 --corpus ./corpus-repo --depth 2',
        'Item-level changes of two stored editions',
      )
      .example('$0 diff a.txt b.txt --format json --out d.json', 'Machine-readable diff for scripts')
      .example('$0 diff a.txt b.txt --format html --lang en --out d.html', 'A report to share')
      .example(
        '$0 diff gwr@2024 gwr@2025 --format docx --out r.docx',
        'The 2025 plan in Word/WPS: edits as tracked changes, moves/merges/splits as comments',
      )
      .example('$0 diff a.txt b.txt --min-similarity 0.2', 'Stricter matching: fewer, surer links')
      .example(
        '$0 diff corpus/gwr/2024.txt corpus/gwr/2025.txt --depth 2 --explain',
        'Why each item was linked: rule and score',
      ),
  handler: async (args) => {
    const minSimilarity = args.minSimilarity;
    if (minSimilarity !== undefined && !(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new PlandiffError('USAGE', `--min-similarity must be between 0 and 1, got ${minSimilarity}`);
    }
    if (args.depth !== undefined && !(Number.isInteger(args.depth) && args.depth >= 1)) {
      throw new PlandiffError('USAGE', `--depth must be a positive integer, got ${args.depth}`);
    }
    if (args.format === 'docx' && !args.out && currentIo().stdout.isTTY) {
      throw new PlandiffError('USAGE', '--format docx writes a binary Word file: give --out FILE (or redirect stdout)');
    }
    const loadOptions = args.corpus ? { corpus: args.corpus } : {};
    const [a, b] = [await loadPlan(args.a, loadOptions), await loadPlan(args.b, loadOptions)];
    for (const loaded of [a, b]) {
      printDiagnostics(
        args.verbose ? loaded.diagnostics : loaded.diagnostics.filter((d) => d.severity === 'error'),
        loaded.ref,
        !args.verbose,
      );
      if (loaded.plan.units.length === 0)
        throw new PlandiffError('NO_STRUCTURE', `${loaded.ref}: no numbered sections or tasks to compare`);
    }
    const diff = diffPlans(a.plan, b.plan, {
      refA: a.ref,
      refB: b.ref,
      punctuation: args.punctuation,
      ...(minSimilarity !== undefined ? { minSimilarity } : {}),
      ...(args.depth !== undefined ? { depth: args.depth } : {}),
    });
    if (args.format === 'docx') {
      writeResult(await renderDiffDocx(diff, { lang: args.lang, author: args.author }), args.out);
      return;
    }
    let text: string;
    if (args.format === 'json') text = `${JSON.stringify(diff, null, 2)}\n`;
    else if (args.format === 'text')
      text = renderDiffText(diff, {
        color: !args.out && useColor(),
        showUnchanged: args.unchanged,
        explain: args.explain,
      });
    else text = renderDiffReport(diff, args.format, { lang: args.lang });
    writeResult(text, args.out);
  },
});
