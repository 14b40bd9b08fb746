import type { Change, GoalEvent, Lineage, PlanDiff } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { seriesHeadline } from './headline.ts';
import { type ChangeContext, renderChange } from './html-change.ts';
import { renderFilterBar, renderPage } from './html-page.ts';
import { eventLabel, eventMark, KINDS, kindLabel, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, editionsHeading } from './plan-names.ts';
import { emptyCounts, sectionHeadings } from './sections.ts';
import { figureRows, pairName, renderSeriesFiguresHtml } from './series-figures.ts';
import { taskTitle } from './task-title.ts';
import { createChangeFinder, goalKinds, goalTitle, lineageYears, timelineCells } from './timeline.ts';

/** Renders a many-year report: per-pair counts, a goals × years timeline, and each goal's history. */
export function renderSeriesHtml(lineage: Lineage, diffs: readonly PlanDiff[], lang: ReportLang): string {
  const labels = labelsFor(lang);
  const years = lineageYears(lineage);
  const title = `${labels.seriesTitle}${labels.colon}${editionsHeading(lineage.editions, labels, true)}`;
  const rowCounts = emptyCounts();
  for (const goal of lineage.goals) for (const kind of goalKinds(goal, years[0])) rowCounts[kind] += 1;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="headline">${escapeHtml(seriesHeadline(lineage, lang))}</p>`,
    ...lineage.editions.map((edition) => `<p class="meta">${escapeHtml(describePlan(edition, labels))}</p>`),
    lineage.query
      ? `<p class="meta">${escapeHtml(labels.query)}${escapeHtml(labels.colon)}${escapeHtml(lineage.query)}</p>`
      : '',
    '</header>',
    `<section id="summary"><h2>${escapeHtml(labels.summary)}</h2>`,
    renderPairTable(diffs, labels, lang),
    '</section>',
    `<section id="figures"><h2>${escapeHtml(labels.figures)}</h2>`,
    renderSeriesFiguresHtml(diffs, labels) || `<p class="meta">${escapeHtml(labels.noFigures)}</p>`,
    '</section>',
    `<h2 id="changes">${escapeHtml(labels.timeline)} (${lineage.goals.length} ${escapeHtml(labels.goals)})</h2>`,
    renderLegend(labels, lang),
    renderFilterBar(labels, lang, rowCounts, eventLabel),
    renderTimeline(lineage, years, labels, lang),
    `<h2 id="details">${escapeHtml(labels.details)}</h2>`,
    renderDetails(lineage, diffs, labels, lang),
    '<footer>plandiff</footer>',
  ].join('\n');
  return renderPage({ labels, title, body, kind: 'series' });
}

/** Counts per kind for each consecutive pair of editions, and how many figures changed. */
function renderPairTable(diffs: readonly PlanDiff[], labels: Labels, lang: ReportLang): string {
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

function renderLegend(labels: Labels, lang: ReportLang): string {
  const items = KINDS.map(
    (kind) =>
      `<span class="timeline k-${kind}"><a class="ev">${escapeHtml(eventMark(kind, lang))}</a> ${escapeHtml(eventLabel(kind, lang))}</span>`,
  );
  return `<p class="meta legend">${escapeHtml(labels.legend)}${escapeHtml(labels.colon)}${items.join(' ')}</p>`;
}

function renderTimeline(lineage: Lineage, years: readonly number[], labels: Labels, lang: ReportLang): string {
  const head = years.map((year) => `<th>${year}</th>`).join('');
  const rows = lineage.goals.map((goal, g) => {
    const cells = timelineCells(goal, years).map((cell) => {
      if (!cell.event) return cell.alive ? '<td class="span"></td>' : '<td></td>';
      const kind = cell.event.kind;
      const tip = `${cell.year} ${eventLabel(kind, lang)} ${cell.event.units.map((u) => u.id).join(' + ')}`;
      return (
        `<td class="${cell.alive ? 'span' : ''}"><a class="ev k-${kind}" href="#e-${g}-${cell.year}" ` +
        `title="${escapeHtml(tip)}">${escapeHtml(eventMark(kind, lang))}</a></td>`
      );
    });
    return (
      `<tr class="row" id="t-${g}" data-kinds="${goalKinds(goal, years[0]).join(' ')}"><td class="goal">` +
      `<a href="#g-${g}">${escapeHtml(goalTitle(goal))}</a> <span class="gid">${escapeHtml(goal.id)}</span></td>${cells.join('')}</tr>`
    );
  });
  return [
    `<table class="timeline"><thead><tr><th>${escapeHtml(labels.goal)}</th>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function renderDetails(lineage: Lineage, diffs: readonly PlanDiff[], labels: Labels, lang: ReportLang): string {
  const findChange = createChangeFinder(diffs);
  const contexts = new Map<number, ChangeContext>();
  const contextFor = (year: number): ChangeContext => {
    let ctx = contexts.get(year);
    if (!ctx) {
      const diff = diffs.find((d) => d.b.year === year);
      const headings = sectionHeadings(diff?.changes ?? []);
      ctx = {
        lang,
        labels,
        prefix: `y${year}-`,
        used: new Set(),
        detail: true,
        sectionTitle: (side, top) => headings.get(`${side}${top}`),
      };
      contexts.set(year, ctx);
    }
    return ctx;
  };
  const drawn = new Set<Change>();
  return lineage.goals
    .map((goal, g) => {
      const events = goal.events.map((event, k) =>
        renderEvent(g, event, findChange(event, goal.events[k - 1]), contextFor(event.year), drawn),
      );
      return [
        `<details class="goal-detail" id="g-${g}"><summary>${escapeHtml(goalTitle(goal))} `,
        `<span class="gid">${escapeHtml(goal.id)} · ${goal.firstYear}–${goal.lastYear}</span> <a href="#t-${g}">↑</a></summary>`,
        events.join(''),
        '</details>',
      ].join('');
    })
    .join('\n');
}

function renderEvent(
  g: number,
  event: GoalEvent,
  change: Change | undefined,
  ctx: ChangeContext,
  drawn: Set<Change>,
): string {
  const { labels, lang } = ctx;
  const head = `<strong>${event.year}</strong> <span class="badge k-${event.kind}">${escapeHtml(eventLabel(event.kind, lang))}</span>`;
  const sim =
    event.kind === 'reworded' || event.kind === 'merged' || event.kind === 'split'
      ? ` ${escapeHtml(labels.similarity)} ${event.similarity.toFixed(2)}`
      : '';
  let body = '';
  if (change && event.kind !== 'unchanged' && !drawn.has(change)) {
    // A change shared by several goals (a merge) is drawn in full once; the others list its units.
    drawn.add(change);
    body = renderChange(change, 0, { ...ctx, prefix: `${ctx.prefix}g${g}-` });
  } else if (event.kind !== 'unchanged') {
    body = event.units
      .map(
        (unit) =>
          `<p class="text"><span class="tid">${escapeHtml(unit.id)}</span> ` +
          `${escapeHtml(taskTitle(unit))} ${escapeHtml(unit.text)}</p>`,
      )
      .join('');
  }
  return `<div class="event k-${event.kind}" id="e-${g}-${event.year}">${head}${sim}${body}</div>`;
}
