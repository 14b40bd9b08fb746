import { escapeHtml } from './escape.ts';

/** A coordinate for SVG: at most one decimal, no trailing `.0`, so charts stay small and diffable. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Cuts a label to `max` characters with an ellipsis (the full text goes in a `<title>`). */
export function clipLabel(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Opens an inline SVG chart that screen readers announce as one image with a name; the data itself
 * is in the table beside it.
 */
export function openSvg(width: number, height: number, name: string, className: string): string {
  return (
    `<svg class="${className}" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" ` +
    `role="img" aria-label="${escapeHtml(name)}" xmlns="http://www.w3.org/2000/svg">`
  );
}

/** A text element; `anchor` is SVG's text-anchor. */
export function svgText(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', cls = ''): string {
  const klass = cls ? ` class="${cls}"` : '';
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}"${klass}>${escapeHtml(text)}</text>`;
}

/** A chart and its table side by side in one figure; the table is the chart's data for copying and for screen readers. */
export function chartFigure(options: {
  id: string;
  caption: string;
  svg: string;
  table: string;
  note?: string;
}): string {
  const note = options.note ? `<p class="meta">${escapeHtml(options.note)}</p>` : '';
  return (
    `<figure class="chart" id="${escapeHtml(options.id)}"><figcaption>${escapeHtml(options.caption)}</figcaption>` +
    `<div class="chart-body"><div class="chart-svg">${options.svg}</div><div class="chart-table">${options.table}</div></div>${note}</figure>`
  );
}
