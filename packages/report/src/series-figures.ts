import type { FigureChange, PlanDiff, TaskRef } from '@plandiff/model';
import { escapeHtml, escapeMarkdown } from './escape.ts';
import type { Labels } from './labels.ts';
import { markdownTable, markPart } from './markdown.ts';
import { taskTitle } from './task-title.ts';

/** One changed figure with the task it belongs to. */
interface FigureRow {
  ref: TaskRef | undefined;
  figure: FigureChange;
}

/** The changed figures of one diff, in document order. */
export function figureRows(diff: PlanDiff): FigureRow[] {
  return diff.changes.flatMap((change) =>
    change.figures.map((figure) => ({ ref: change.to[0] ?? change.from[0], figure })),
  );
}

/** `2023 → 2024` for a diff. */
export function pairName(diff: PlanDiff): string {
  return `${diff.a.year ?? diff.a.ref} → ${diff.b.year ?? diff.b.ref}`;
}

/** Changed figures (targets) of every consecutive pair, one collapsible table each (`#f-<i>`). */
export function renderSeriesFiguresHtml(diffs: readonly PlanDiff[], labels: Labels): string {
  const head =
    `<thead><tr><th>${escapeHtml(labels.task)}</th><th>${escapeHtml(labels.context)}</th>` +
    `<th>${escapeHtml(labels.oldValue)}</th><th>${escapeHtml(labels.newValue)}</th></tr></thead>`;
  return diffs
    .map((diff, i) => {
      const rows = figureRows(diff).map(
        ({ ref, figure }) =>
          `<tr><td>${ref ? escapeHtml(`${ref.id} ${taskTitle(ref)}`) : ''}</td><td>${escapeHtml(figure.context)}</td>` +
          `<td class="n"><del>${escapeHtml(figure.from)}</del></td><td class="n"><ins>${escapeHtml(figure.to)}</ins></td></tr>`,
      );
      if (rows.length === 0) return '';
      return (
        `<details class="goal-detail" id="f-${i}"><summary>${escapeHtml(pairName(diff))} · ${rows.length}</summary>` +
        `<table class="figures">${head}<tbody>${rows.join('')}</tbody></table></details>`
      );
    })
    .join('\n');
}

/** Changed figures of every consecutive pair as Markdown tables. */
export function renderSeriesFiguresMarkdown(diffs: readonly PlanDiff[], labels: Labels): string[] {
  const out: string[] = [];
  for (const diff of diffs) {
    const rows = figureRows(diff).map(({ ref, figure }) => [
      ref ? `\`${ref.id}\` ${escapeMarkdown(taskTitle(ref))}` : '',
      escapeMarkdown(figure.context),
      markPart({ op: 'delete', text: figure.from }),
      markPart({ op: 'insert', text: figure.to }),
    ]);
    if (rows.length === 0) continue;
    out.push('', `### ${escapeMarkdown(pairName(diff))}`, '');
    out.push(markdownTable([labels.task, labels.context, labels.oldValue, labels.newValue], rows));
  }
  return out;
}
