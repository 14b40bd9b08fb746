import type { PlanDiff } from '@plandiff/model';
import { kindLabel, labelsFor, type ReportLang } from './labels.ts';
import { taskTitle } from './task-title.ts';

/** Byte-order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
export const BOM = '\uFEFF';

/**
 * Quotes one CSV field per RFC 4180 (fields holding a comma, quote or line break are quoted, quotes
 * doubled). Document text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) gets a leading
 * apostrophe so opening the file in Excel cannot run it.
 */
export function quoteCsvField(value: string, documentText = false): string {
  const safe = documentText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Renders one row per change, with a header row, CRLF line ends and a BOM. */
export function renderDiffCsv(diff: PlanDiff, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const header = [
    labels.kind,
    labels.moved,
    labels.depth,
    labels.fromIds,
    labels.toIds,
    labels.similarity,
    labels.oldHeading,
    labels.newHeading,
    labels.oldText,
    labels.newText,
    labels.figureChanges,
  ].map((cell) => quoteCsvField(cell));
  const rows = diff.changes.map((change) => {
    const heading = (refs: typeof change.from): string => refs.map((ref) => taskTitle(ref)).join(' | ');
    const text = (refs: typeof change.from): string => refs.map((ref) => ref.text).join(' | ');
    const figures = change.figures.map((f) => `${f.context}${labels.colon}${f.from} → ${f.to}`).join('; ');
    return [
      quoteCsvField(kindLabel(change.kind, lang)),
      quoteCsvField(change.moved ? labels.yes : labels.no),
      String(change.depth),
      quoteCsvField(change.from.map((ref) => ref.id).join(' ')),
      quoteCsvField(change.to.map((ref) => ref.id).join(' ')),
      change.similarity.toFixed(2),
      quoteCsvField(heading(change.from), true),
      quoteCsvField(heading(change.to), true),
      quoteCsvField(text(change.from), true),
      quoteCsvField(text(change.to), true),
      quoteCsvField(figures, true),
    ];
  });
  return `${BOM}${[header, ...rows].map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}
