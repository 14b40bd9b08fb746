import { traceSeries, withEditionYear } from '@plandiff/diff';
import type { Lineage, Plan, PlanDiff } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { type ReportLang, renderSeriesReport } from '@plandiff/report';
import { listEditions, settleCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { loadPlan } from '../load-plan.ts';
import { printDiagnostics, writeResult } from '../output.ts';
import { createProgress, type Progress } from '../progress.ts';
import { namesStoredSeries } from '../series-arg.ts';
import { defineCommand } from './command.ts';

/** One edition a report covers: its plan and how to refer to it. */
export interface ReportEdition {
  plan: Plan;
  ref: string;
}

/** The consecutive diffs of a run of editions and the goals traced through them. */
export interface SeriesComparison {
  diffs: PlanDiff[];
  lineage: Lineage;
}

/** A plan with its year filled from the edition (normalize's editionYear, the one rule) when the text did not state one. */
export const withYear = withEditionYear;

/**
 * Loads the editions a report covers, oldest first: a whole series from the corpus (one name), or
 * plan files / corpus references / URLs given directly; then keeps those within --from/--to.
 */
export async function loadReportEditions(
  inputs: readonly string[],
  options: { corpus?: string | undefined; from?: number | undefined; to?: number | undefined },
): Promise<ReportEdition[]> {
  let editions: ReportEdition[];
  const only = inputs[0];
  if (only && namesStoredSeries(inputs)) {
    await settleCorpus(resolveCorpusDir(options.corpus));
    editions = listEditions(resolveCorpusDir(options.corpus), only).map((stored) => ({
      plan: withYear(stored.plan, stored.edition),
      ref: `${only}@${stored.edition}`,
    }));
  } else {
    editions = [];
    for (const input of inputs) {
      const loaded = await loadPlan(input, options.corpus ? { corpus: options.corpus } : {});
      printDiagnostics(loaded.diagnostics, input, true);
      if (loaded.plan.units.length === 0)
        throw new PlandiffError('NO_STRUCTURE', `${loaded.ref}: no numbered sections or tasks to report on`);
      editions.push({ plan: withYear(loaded.plan, input.split(/[\\/@]/).at(-1) ?? ''), ref: loaded.ref });
    }
    if (editions.every((e) => e.plan.year !== undefined))
      editions.sort((a, b) => (a.plan.year ?? 0) - (b.plan.year ?? 0));
  }
  const kept = editions.filter(
    ({ plan }) =>
      plan.year === undefined ||
      ((options.from === undefined || plan.year >= options.from) &&
        (options.to === undefined || plan.year <= options.to)),
  );
  if (kept.length < 2) {
    const range =
      options.from !== undefined || options.to !== undefined
        ? ` between ${options.from ?? '…'} and ${options.to ?? '…'}`
        : '';
    throw new PlandiffError(
      'USAGE',
      `a report needs at least two editions; found ${kept.length}${range} in ${inputs.join(' ')}`,
    );
  }
  return kept;
}

/**
 * Diffs each consecutive pair of editions (word-level wording included, for the details) and chains
 * those same diffs into goals with the diff engine's lineage builder, so nothing is diffed twice.
 */
export function compareSeries(
  editions: readonly ReportEdition[],
  options: { progress?: Progress; query?: string | undefined; depth?: number | undefined } = {},
): SeriesComparison {
  options.progress?.update(0, `diff ${editions[0]?.ref ?? ''} → ${editions[1]?.ref ?? ''}`);
  return traceSeries(
    editions.map((e) => e.plan),
    {
      wording: true,
      refs: editions.map((e) => e.ref),
      onProgress: (done, total) =>
        options.progress?.update(
          done,
          done < total ? `diff ${editions[done]!.ref} → ${editions[done + 1]!.ref}` : 'tracing goals',
        ),
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.depth === undefined ? {} : { depth: options.depth }),
    },
  );
}

/** `plandiff report` — a many-year report (timeline of goals plus every change) as HTML or Markdown. */
export const reportCommand = defineCommand({
  command: 'report <inputs..>',
  describe: 'Report how a series changed over many years: a goals × years timeline and every change (HTML or Markdown)',
  builder: (y) =>
    withCorpusOption(y)
      .positional('inputs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'A series name in the corpus, or two or more plan files / corpus refs (series@edition)',
      })
      .option('from', { type: 'number', requiresArg: true, describe: 'First year to include' })
      .option('to', { type: 'number', requiresArg: true, describe: 'Last year to include' })
      .option('format', {
        choices: ['html', 'md'] as const,
        default: 'html' as const,
        describe: 'html: one self-contained page (works offline, from file://); md: Markdown for git hosts',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write the report to FILE instead of stdout' })
      .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: 'Language of the labels' })
      .option('depth', {
        type: 'number',
        requiresArg: true,
        describe: 'Only follow goals down to this depth (1 = sections, 2 = items, …)',
      })
      .option('query', {
        type: 'string',
        requiresArg: true,
        describe: 'Only follow goals whose text contains this phrase',
      })
      .example(
        '$0 report gwr --from 2012 --to 2025 --out gwr.html',
        'Timeline of the Government Work Reports 2012–2025',
      )
      .example(
        '$0 report corpus/gwr/2023.txt corpus/gwr/2024.txt corpus/gwr/2025.txt --format md',
        'Plan files directly',
      )
      .example('$0 report gwr --query 义务教育 --lang en --out edu.html', 'Follow only goals mentioning 义务教育')
      .epilogue('For one pair of editions with every change side by side, use `plandiff diff A B --format html`.'),
  handler: async (args) => {
    const editions = await loadReportEditions(args.inputs.map(String), args);
    const progress = createProgress(editions.length);
    let comparison: SeriesComparison;
    try {
      comparison = compareSeries(editions, { progress, query: args.query, depth: args.depth });
    } finally {
      progress.done();
    }
    const lang: ReportLang = args.lang;
    writeResult(renderSeriesReport(comparison.lineage, comparison.diffs, args.format, { lang }), args.out);
    if (args.out) {
      process.stderr.write(
        `wrote ${args.out}: ${editions.length} editions, ${comparison.lineage.goals.length} goals\n`,
      );
    }
  },
});
