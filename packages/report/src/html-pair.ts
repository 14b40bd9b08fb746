import type { PlanDiff } from '@plandiff/model';
import { renderSankeyBody } from './chart-sankey.ts';
import { escapeHtml } from './escape.ts';
import { diffHeadline } from './headline.ts';
import { type ChangeContext, renderChange, taskAnchor } from './html-change.ts';
import { renderFilterBar, renderKindTable, renderPage } from './html-page.ts';
import { fillLabel, KINDS, kindLabel, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, editionsHeading, editionTag } from './plan-names.ts';
import { countKinds, countSections, emptyCounts, sectionHeadings } from './sections.ts';

/** Renders one pair's diff as a self-contained HTML page. */
export function renderDiffHtml(diff: PlanDiff, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const title = `${labels.pairTitle}${labels.colon}${editionsHeading([diff.a, diff.b], labels)}`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="headline">${escapeHtml(diffHeadline(diff, lang))}</p>`,
    `<p class="meta">${escapeHtml(labels.oldSide)}${escapeHtml(labels.colon)}${escapeHtml(describePlan(diff.a, labels))}</p>`,
    `<p class="meta">${escapeHtml(labels.newSide)}${escapeHtml(labels.colon)}${escapeHtml(describePlan(diff.b, labels))}</p></header>`,
    renderPairSections(diff, labels, lang, ''),
    `<footer>${escapeHtml(labels.generated)}${escapeHtml(JSON.stringify(diff.options))}</footer>`,
  ].join('\n');
  return renderPage({ labels, title, body });
}

/** The summary, figures table, filters and change rows of one diff; `prefix` keeps anchors unique. */
export function renderPairSections(diff: PlanDiff, labels: Labels, lang: ReportLang, prefix: string): string {
  const headings = sectionHeadings(diff.changes, labels.annex, diff);
  const ctx: ChangeContext = {
    lang,
    labels,
    prefix,
    used: new Set(),
    sectionTitle: (side, top) => headings.get(`${side}${top}`),
  };
  const summary = { ...emptyCounts(), ...diff.summary };
  return [
    `<section id="${prefix}summary"><h2>${escapeHtml(labels.summary)}</h2><div class="summary-grid">`,
    renderKindTable(labels, lang, summary, diff.changes.filter((c) => c.moved).length),
    renderSectionTable(diff, labels, lang, prefix),
    '</div></section>',
    `<section id="${prefix}flows"><h2>${escapeHtml(labels.flowChart)}</h2><figure class="chart" id="${prefix}chart-flows">`,
    `<figcaption>${escapeHtml(fillLabel(labels.flowChartOf, { pair: `${editionTag(diff.a, labels)} → ${editionTag(diff.b, labels)}` }))}</figcaption>`,
    renderSankeyBody(diff, labels, `${editionTag(diff.a, labels)} → ${editionTag(diff.b, labels)}`),
    `<p class="meta">${escapeHtml(labels.flowNote)}</p></figure></section>`,
    `<section id="${prefix}figures"><h2>${escapeHtml(labels.figures)}</h2>`,
    renderFigureTable(diff, labels, prefix),
    '</section>',
    `<h2 id="${prefix}changes">${escapeHtml(labels.changes)}</h2>`,
    renderFilterBar(labels, lang, countKinds(diff.changes)),
    `<div class="rows">`,
    ...diff.changes.map((change, index) => renderChange(change, index, ctx)),
    '</div>',
  ].join('\n');
}

function renderSectionTable(diff: PlanDiff, labels: Labels, lang: ReportLang, prefix: string): string {
  const sections = countSections(diff, labels);
  const head = KINDS.map((kind) => `<th class="k-${kind}">${escapeHtml(kindLabel(kind, lang))}</th>`).join('');
  const rows = sections.map((section) => {
    const cells = KINDS.map((kind) => `<td class="n">${section.counts[kind] || ''}</td>`).join('');
    const total = KINDS.reduce((sum, kind) => sum + section.counts[kind], 0);
    return (
      `<tr data-section="${escapeHtml(section.key)}"><td><a href="#${prefix}c-${section.first}">${escapeHtml(section.label)}</a></td>` +
      `${cells}<td class="n">${total}</td></tr>`
    );
  });
  return [
    `<table class="sections"><caption>${escapeHtml(labels.bySection)}</caption>`,
    `<thead><tr><th>${escapeHtml(labels.section)}</th>${head}<th>${escapeHtml(labels.total)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function renderFigureTable(diff: PlanDiff, labels: Labels, prefix: string): string {
  const rows: string[] = [];
  diff.changes.forEach((change, index) => {
    const ref = change.to[0] ?? change.from[0];
    const side = change.to[0] ? 'b' : 'a';
    for (const figure of change.figures) {
      const task = ref
        ? `<a href="#${escapeHtml(taskAnchor(prefix, side, ref.id))}">${escapeHtml(`${ref.id} ${ref.number}${ref.heading}`.trim())}</a>`
        : `<a href="#${prefix}c-${index}">#${index}</a>`;
      rows.push(
        `<tr><td>${task}</td><td>${escapeHtml(figure.context)}</td><td class="n"><del>${escapeHtml(figure.from)}</del></td>` +
          `<td class="n"><ins>${escapeHtml(figure.to)}</ins></td><td>${escapeHtml(figure.unit)}</td></tr>`,
      );
    }
  });
  if (rows.length === 0) return `<p class="meta">${escapeHtml(labels.noFigures)}</p>`;
  return [
    '<table class="figures"><thead><tr>',
    `<th>${escapeHtml(labels.task)}</th><th>${escapeHtml(labels.context)}</th><th>${escapeHtml(labels.oldValue)}</th>`,
    `<th>${escapeHtml(labels.newValue)}</th><th>${escapeHtml(labels.unit)}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}
