import type { Lineage, PlanDiff } from '@plandiff/model';
import { renderFigureCharts } from './chart-figures.ts';
import { renderKindsChart } from './chart-kinds.ts';
import { renderSankeyBody } from './chart-sankey.ts';
import { escapeHtml } from './escape.ts';
import { buildFigureTracks, chartableTracks } from './figure-tracks.ts';
import { seriesHeadline } from './headline.ts';
import { renderFilterBar, renderPage } from './html-page.ts';
import { eventLabel, eventMark, KINDS, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, editionsHeading } from './plan-names.ts';
import { emptyCounts } from './sections.ts';
import { buildSeriesData, renderSeriesDataBlocks } from './series-data.ts';
import { pairName, renderSeriesFiguresHtml } from './series-figures.ts';
import { SERIES_JS } from './series-script.ts';
import { goalKinds, lineageYears } from './timeline.ts';

/** How many figures get a chart of their own; the others are listed in one table. */
const FIGURE_CHARTS = 12;
/** Editions listed one per line in the header up to this many; more go in a collapsed list. */
const EDITIONS_SHOWN = 8;

/**
 * Renders a many-year report: a chart of each pair's changes by kind, where each section's tasks went
 * (a Sankey per pair), the figures followed across editions, and a goals × years timeline whose rows
 * and histories the page's script draws from embedded data on demand, so a 70-year series stays small
 * and opens fast.
 */
export function renderSeriesHtml(lineage: Lineage, diffs: readonly PlanDiff[], lang: ReportLang): string {
  const labels = labelsFor(lang);
  const years = lineageYears(lineage);
  const title = `${labels.seriesTitle}${labels.colon}${editionsHeading(lineage.editions, labels, true)}`;
  const rowCounts = emptyCounts();
  for (const goal of lineage.goals) for (const kind of goalKinds(goal, years[0])) rowCounts[kind] += 1;
  const editions = lineage.editions.map((edition) => `<li>${escapeHtml(describePlan(edition, labels))}</li>`);
  const editionList =
    editions.length > EDITIONS_SHOWN
      ? `<details class="editions"><summary>${escapeHtml(`${labels.editions} (${editions.length})`)}</summary><ul>${editions.join('')}</ul></details>`
      : `<ul class="editions">${editions.join('')}</ul>`;
  const tracks = chartableTracks(buildFigureTracks(diffs));
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="headline">${escapeHtml(seriesHeadline(lineage, lang))}</p>`,
    editionList,
    lineage.query
      ? `<p class="meta">${escapeHtml(labels.query)}${escapeHtml(labels.colon)}${escapeHtml(lineage.query)}</p>`
      : '',
    '</header>',
    `<section id="summary"><h2>${escapeHtml(labels.summary)}</h2>`,
    renderKindsChart(diffs, labels, lang),
    '</section>',
    renderFlowSection(diffs, labels),
    `<section id="figures"><h2>${escapeHtml(labels.figures)}</h2>`,
    tracks.length
      ? `<h3>${escapeHtml(labels.figureChart)}</h3><p class="meta">${escapeHtml(labels.figureNote)}</p>${renderFigureCharts(tracks, labels, FIGURE_CHARTS)}`
      : '',
    `<h3>${escapeHtml(labels.allFigures)}</h3>`,
    renderSeriesFiguresHtml(diffs, labels) || `<p class="meta">${escapeHtml(labels.noFigures)}</p>`,
    '</section>',
    `<h2 id="changes">${escapeHtml(labels.timeline)} (${lineage.goals.length} ${escapeHtml(labels.goals)})</h2>`,
    renderLegend(labels, lang),
    renderFilterBar(labels, lang, rowCounts, eventLabel),
    `<noscript><p class="meta">${escapeHtml(labels.noScript)}</p></noscript>`,
    `<p class="meta" id="unpack-failed" hidden>${escapeHtml(labels.noUnpack)}</p>`,
    '<div class="timeline-wrap">',
    `<table class="timeline"><thead><tr><th>${escapeHtml(labels.goal)}</th>${years.map((y) => `<th>${y}</th>`).join('')}</tr></thead>`,
    '<tbody></tbody></table>',
    '<button type="button" id="more" hidden></button></div>',
    renderSeriesDataBlocks(buildSeriesData(lineage, diffs, labels, lang)),
    '<footer>plandiff</footer>',
  ].join('\n');
  return renderPage({ labels, title, body, kind: 'series', script: SERIES_JS });
}

/** The Sankey of one pair at a time: the newest drawn, the others in inert templates until picked. */
function renderFlowSection(diffs: readonly PlanDiff[], labels: Labels): string {
  const last = diffs.length - 1;
  if (last < 0) return '';
  const options = diffs.map(
    (diff, i) => `<option value="${i}"${i === last ? ' selected' : ''}>${escapeHtml(pairName(diff))}</option>`,
  );
  const templates = diffs
    .slice(0, last)
    .map((diff, i) => `<template id="flow-${i}">${renderSankeyBody(diff, labels, pairName(diff))}</template>`);
  return [
    `<section id="flows"><h2>${escapeHtml(labels.flowChart)}</h2>`,
    `<figure class="chart" id="chart-flows"><figcaption><label>${escapeHtml(labels.pair)} `,
    `<select id="flow-pair">${options.join('')}</select></label></figcaption>`,
    `<div id="flow-view">${renderSankeyBody(diffs[last]!, labels, pairName(diffs[last]!))}</div>`,
    `<p class="meta">${escapeHtml(labels.flowNote)}</p></figure>`,
    ...templates,
    '</section>',
  ].join('\n');
}

function renderLegend(labels: Labels, lang: ReportLang): string {
  const items = KINDS.map(
    (kind) =>
      `<span class="timeline k-${kind}"><a class="ev">${escapeHtml(eventMark(kind, lang))}</a> ${escapeHtml(eventLabel(kind, lang))}</span>`,
  );
  return `<p class="meta legend">${escapeHtml(labels.legend)}${escapeHtml(labels.colon)}${items.join(' ')}</p>`;
}
