import type { Lineage, PlanDiff } from '@plandiff/model';
import { countPhrase, fillLabel, KINDS, labelsFor, type ReportLang } from './labels.ts';
import { editionTag } from './plan-names.ts';
import { lineageYears } from './timeline.ts';

/**
 * One line that says what changed between two editions, the interesting kinds first and zeros left
 * out: `2024 → 2025: 4 added, 6 dropped, 70 reworded, 5 merged, 3 split; 7 moved, 12 figures changed`.
 */
export function diffHeadline(diff: PlanDiff, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const counts = KINDS.filter((kind) => (diff.summary[kind] ?? 0) > 0).map((kind) =>
    countPhrase(diff.summary[kind] ?? 0, kind, lang),
  );
  const moved = diff.changes.filter((c) => c.moved).length;
  const figures = diff.changes.reduce((sum, c) => sum + c.figures.length, 0);
  const extras = [
    ...(moved ? [fillLabel(labels.movedN, { n: moved })] : []),
    ...(figures ? [fillLabel(labels.figuresChanged, { n: figures })] : []),
  ];
  const pair = `${editionTag(diff.a, labels)} → ${editionTag(diff.b, labels)}`;
  const body = [
    counts.join(labels.countSep) || countPhrase(0, 'unchanged', lang),
    ...(extras.length ? [extras.join(labels.countSep)] : []),
  ];
  return `${pair}${labels.colon}${body.join(labels.clauseSep)}`;
}

/**
 * One line for a many-year report: its span, how many editions and goals, and the goal events by kind
 * (a goal already there in the first edition does not count as appearing).
 */
export function seriesHeadline(lineage: Lineage, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const years = lineageYears(lineage);
  const first = years[0];
  const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<(typeof KINDS)[number], number>;
  for (const goal of lineage.goals) {
    for (const event of goal.events) if (!(event.kind === 'added' && event.year === first)) counts[event.kind] += 1;
  }
  const events = KINDS.filter((kind) => kind !== 'unchanged' && counts[kind] > 0).map((kind) =>
    countPhrase(counts[kind], kind, lang, true),
  );
  const span = first === undefined ? '' : first === years.at(-1) ? String(first) : `${first}–${years.at(-1)}`;
  const sizes = [
    fillLabel(labels.editionsCount, { n: lineage.editions.length }),
    fillLabel(labels.goalsCount, { n: lineage.goals.length }),
  ].join(labels.countSep);
  return `${span ? `${span}${labels.colon}` : ''}${[sizes, ...(events.length ? [events.join(labels.countSep)] : [])].join(labels.clauseSep)}`;
}
