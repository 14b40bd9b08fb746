import type { PlanDiff } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { KINDS, kindLabel, type Labels, type ReportLang } from './labels.ts';
import { emptyCounts } from './sections.ts';
import { figureRows, pairName } from './series-figures.ts';
import { chartFigure, openSvg, px, svgText } from './svg.ts';

const ROW = 18;
const BAR = 13;
const LABEL = 118;
const WIDTH = 520;

/**
 * The changes of each consecutive pair of editions by kind: one stacked bar per pair (its length is
 * the number of changes), beside the table of the same counts (and how many figures changed).
 */
export function renderKindsChart(diffs: readonly PlanDiff[], labels: Labels, lang: ReportLang): string {
  const totals = diffs.map((diff) => KINDS.reduce((sum, kind) => sum + (diff.summary[kind] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const span = WIDTH - LABEL - 44;
  const height = diffs.length * ROW + 6;
  const rows = diffs.map((diff, i) => {
    const y = 4 + i * ROW;
    let x = LABEL;
    const name = pairName(diff);
    const segments = KINDS.map((kind) => {
      const n = diff.summary[kind] ?? 0;
      if (n === 0) return '';
      const w = (n / max) * span;
      const seg =
        `<rect class="seg k-${kind}" x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${BAR}">` +
        `<title>${escapeHtml(`${name} ${kindLabel(kind, lang)} ${n}`)}</title></rect>`;
      x += w;
      return seg;
    }).join('');
    return (
      `<g class="pair-bar" data-pair="${i}">${svgText(LABEL - 6, y + BAR - 2, name, 'end')}${segments}` +
      `${svgText(x + 4, y + BAR - 2, String(totals[i]), 'start', 'count')}</g>`
    );
  });
  const svg = `${openSvg(WIDTH, height, labels.kindsChart, 'kinds-chart')}${rows.join('')}</svg>`;
  return chartFigure({
    id: 'chart-kinds',
    caption: labels.kindsChart,
    svg: `${renderKindLegend(lang)}${svg}`,
    table: renderPairTable(diffs, labels, lang),
  });
}

/** The colour key of the kinds. */
export function renderKindLegend(lang: ReportLang): string {
  return `<p class="chart-legend">${KINDS.map((kind) => `<span class="key k-${kind}">${escapeHtml(kindLabel(kind, lang))}</span>`).join(' ')}</p>`;
}

/** Counts per kind for each consecutive pair of editions, and how many figures changed. */
export function renderPairTable(diffs: readonly PlanDiff[], labels: Labels, lang: ReportLang): string {
  const head = KINDS.map((kind) => `<th class="k-${kind}">${escapeHtml(kindLabel(kind, lang))}</th>`).join('');
  const rows = diffs.map((diff, i) => {
    const counts = { ...emptyCounts(), ...diff.summary };
    const cells = KINDS.map((kind) => `<td class="n" data-kind="${kind}">${counts[kind]}</td>`).join('');
    const figures = figureRows(diff).length;
    const link = figures ? `<a href="#f-${i}">${figures}</a>` : '0';
    return `<tr><td>${escapeHtml(pairName(diff))}</td>${cells}<td class="n">${link}</td></tr>`;
  });
  return (
    `<table class="pairs"><thead><tr><th>${escapeHtml(labels.pair)}</th>${head}<th>${escapeHtml(labels.figures)}</th></tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}
