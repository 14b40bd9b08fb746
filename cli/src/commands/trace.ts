import { editionYear, tracePlans } from '@plandiff/diff';
import type { Plan } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { renderLineageText } from '@plandiff/report';
import { listEditions, settleCorpus } from '@plandiff/store';
import { resolveCorpusDir } from '../corpus-dir.ts';
import { loadPlan } from '../load-plan.ts';
import { printDiagnostics, useColor, writeResult } from '../output.ts';
import { namesStoredSeries } from '../series-arg.ts';
import { defineCommand } from './command.ts';

/** One edition to trace: its plan, how the user named it, and its year when known. */
interface Edition {
  plan: Plan;
  ref: string;
  year: number | undefined;
}

async function loadEditions(inputs: readonly string[], corpus: string | undefined): Promise<Edition[]> {
  if (namesStoredSeries(inputs)) {
    const series = inputs[0]!;
    await settleCorpus(resolveCorpusDir(corpus));
    return listEditions(resolveCorpusDir(corpus), series).map((e) => ({
      plan: e.plan,
      ref: `${series}@${e.edition}`,
      year: editionYear(e.plan, e.edition, e.year),
    }));
  }
  const out: Edition[] = [];
  for (const ref of inputs) {
    const loaded = await loadPlan(ref, corpus ? { corpus } : {});
    printDiagnostics(
      loaded.diagnostics.filter((d) => d.severity === 'error'),
      ref,
      true,
    );
    out.push({ plan: loaded.plan, ref, year: editionYear(loaded.plan, ref) });
  }
  // Files may come in any order (shell globs sort by name); editions are traced oldest first.
  if (out.every((e) => e.year !== undefined)) out.sort((x, y) => x.year! - y.year!);
  return out;
}

/** `plandiff trace` — follows goals across many editions. */
export const traceCommand = defineCommand({
  command: 'trace <inputs..>',
  describe:
    'Follow goals across editions: when each first appears, every rewording, merge, split, and when it is dropped',
  builder: (y) =>
    y
      .positional('inputs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'A stored series name (gwr), or two or more plan files / URLs / corpus refs in any order',
      })
      .option('from', { type: 'number', requiresArg: true, describe: 'First year to include' })
      .option('to', { type: 'number', requiresArg: true, describe: 'Last year to include' })
      .option('query', {
        type: 'string',
        requiresArg: true,
        describe: 'Only goals whose text contains this phrase in some edition',
      })
      .option('depth', {
        type: 'number',
        requiresArg: true,
        describe: 'Only goals at this level or above (1 = sections, 2 = items, 3 = paragraphs)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('format', {
        choices: ['text', 'json'] as const,
        default: 'text' as const,
        describe: 'text: one block per goal; json: the Lineage record (schemas/lineage.schema.json)',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .option('corpus', {
        type: 'string',
        requiresArg: true,
        describe: 'Corpus directory (default: $PLANDIFF_CORPUS, else ~/.local/share/plandiff/corpus)',
      })
      .example(
        '$0 trace corpus/gwr/20{08..19}.txt corpus/gwr/202{1..5}.txt --query 义务教育',
        'Follow the compulsory-education goal through the reports, no corpus needed',
      )
      .example(
        '$0 trace gwr --from 2013 --to 2019 --corpus ./corpus-repo',
        'Every goal of a stored series over seven years',
      )
      .example('$0 trace gwr --query 专项债券 --format json', 'Machine-readable lineage of one goal'),
  handler: async (args) => {
    const inputs = args.inputs.map(String);
    let editions = await loadEditions(inputs, args.corpus);
    if (args.from !== undefined || args.to !== undefined) {
      if (editions.some((e) => e.year === undefined)) {
        throw new PlandiffError(
          'USAGE',
          '--from/--to need editions with known years (a year in the plan or its file name)',
        );
      }
      editions = editions.filter(
        (e) => (args.from === undefined || e.year! >= args.from) && (args.to === undefined || e.year! <= args.to),
      );
    }
    if (editions.length < 2) {
      throw new PlandiffError(
        'USAGE',
        `trace needs at least two editions, got ${editions.length}${args.from !== undefined || args.to !== undefined ? ' in the --from/--to range' : ''}`,
      );
    }
    const lineage = tracePlans(
      editions.map((e) => e.plan),
      {
        refs: editions.map((e) => e.ref),
        years: editions.map((e) => e.year),
        ...(args.query ? { query: args.query } : {}),
        ...(args.depth !== undefined ? { depth: args.depth } : {}),
        // Progress on stderr, only for a person watching a terminal.
        ...(process.stderr.isTTY
          ? {
              onProgress: (done: number, total: number) =>
                process.stderr.write(done < total ? `\rdiffing editions ${done}/${total}` : '\r\u001b[K'),
            }
          : {}),
      },
    );
    const text =
      args.format === 'json'
        ? `${JSON.stringify(lineage, null, 2)}\n`
        : renderLineageText(lineage, { color: !args.out && useColor() });
    writeResult(text, args.out);
  },
});
