import type { Lineage, PlanDiff } from '@plandiff/model';
import { renderDiffCsv } from './csv.ts';
import { renderDiffHtml } from './html-pair.ts';
import type { ReportLang } from './labels.ts';
import { renderDiffMarkdown } from './markdown.ts';
import { renderSeriesHtml } from './series-html.ts';
import { renderSeriesMarkdown } from './series-markdown.ts';

export { BOM, quoteCsvField } from './csv.ts';
export { type DocxOptions, renderDiffDocx } from './docx.ts';
export { escapeHtml, escapeMarkdown } from './escape.ts';
export { escapeXml, type FeedEntry, type FeedInput, renderAtomFeed, renderEntryHtml } from './feed.ts';
export { diffHeadline, seriesHeadline } from './headline.ts';
export { KINDS, kindLabel, labelsFor, type ReportLang } from './labels.ts';
export { describePlan, editionsHeading, planName } from './plan-names.ts';
export {
  condenseWording,
  type EchoesLabel,
  renderEchoesHtml,
  renderEchoesMarkdown,
  renderEchoesText,
} from './render-echoes.ts';
export { renderSearchJson, renderSearchMarkdown, renderSearchText } from './render-search.ts';
export { renderDiffText, renderLineageText, renderWordingLine, type TextRenderOptions } from './text.ts';

/** Output formats for a pair report. */
export type ReportFormat = 'md' | 'html' | 'json' | 'csv';

/** The JSON Schema a JSON report points at (also shipped in `schemas/diff.schema.json`). */
export const DIFF_SCHEMA_ID = 'https://plandiff.dev/schemas/diff.schema.json';

/** Renders one pair's diff as a report: Markdown, one self-contained HTML page, JSON, or CSV (with BOM). */
export function renderDiffReport(diff: PlanDiff, format: ReportFormat, options: { lang: ReportLang }): string {
  switch (format) {
    case 'md':
      return renderDiffMarkdown(diff, options.lang);
    case 'html':
      return renderDiffHtml(diff, options.lang);
    case 'csv':
      return renderDiffCsv(diff, options.lang);
    case 'json':
      return `${JSON.stringify({ $schema: DIFF_SCHEMA_ID, ...diff }, null, 2)}\n`;
  }
}

/** Renders a many-year report from a lineage and the diffs of its consecutive editions. */
export function renderSeriesReport(
  lineage: Lineage,
  diffs: PlanDiff[],
  format: 'md' | 'html',
  options: { lang: ReportLang },
): string {
  return format === 'md'
    ? renderSeriesMarkdown(lineage, diffs, options.lang)
    : renderSeriesHtml(lineage, diffs, options.lang);
}
