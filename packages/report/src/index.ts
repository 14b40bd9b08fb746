import type { Lineage, PlanDiff } from '@plandiff/model';

/** Output formats for a pair report. */
export type ReportFormat = 'md' | 'html' | 'json' | 'csv';
/** Label language. */
export type ReportLang = 'zh' | 'en';

/** Renders one pair's diff as a report (placeholder until built). */
export function renderDiffReport(_diff: PlanDiff, _format: ReportFormat, _options: { lang: ReportLang }): string {
  throw new Error('renderDiffReport is not built yet');
}

/** Renders a many-year report from a lineage and its consecutive diffs (placeholder until built). */
export function renderSeriesReport(
  _lineage: Lineage,
  _diffs: PlanDiff[],
  _format: 'md' | 'html',
  _options: { lang: ReportLang },
): string {
  throw new Error('renderSeriesReport is not built yet');
}
