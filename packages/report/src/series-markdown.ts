import type { Lineage, PlanDiff } from '@plandiff/model';
import { trackTitle } from './chart-figures.ts';
import { escapeMarkdown } from './escape.ts';
import { buildFigureTracks, chartableTracks } from './figure-tracks.ts';
import { figureLabel } from './figure-values.ts';
import { seriesHeadline } from './headline.ts';
import { eventLabel, eventMark, KINDS, kindLabel, labelsFor, type ReportLang } from './labels.ts';
import { markdownTable, markPart, markWording } from './markdown.ts';
import { describePlan, editionsHeading } from './plan-names.ts';
import { emptyCounts } from './sections.ts';
import { renderSeriesFiguresMarkdown } from './series-figures.ts';
import { taskTitle } from './task-title.ts';
import { createChangeFinder, goalTitle, lineageYears, timelineCells } from './timeline.ts';

/** Renders a many-year report as Markdown: counts per pair, the goals × years table, each goal's events. */
export function renderSeriesMarkdown(lineage: Lineage, diffs: readonly PlanDiff[], lang: ReportLang): string {
  const labels = labelsFor(lang);
  const years = lineageYears(lineage);
  const title = `${labels.seriesTitle}${labels.colon}${editionsHeading(lineage.editions, labels, true)}`;
  const findChange = createChangeFinder(diffs);
  const out = [`# ${escapeMarkdown(title)}`, '', escapeMarkdown(seriesHeadline(lineage, lang)), ''];
  for (const edition of lineage.editions) out.push(`- ${escapeMarkdown(describePlan(edition, labels))}`);
  if (lineage.query) out.push('', `${labels.query}${labels.colon}${escapeMarkdown(lineage.query)}`);
  out.push('', `## ${labels.summary}`, '');
  out.push(
    markdownTable(
      [labels.pair, ...KINDS.map((kind) => kindLabel(kind, lang))],
      diffs.map((diff) => {
        const counts = { ...emptyCounts(), ...diff.summary };
        return [
          escapeMarkdown(`${diff.a.year ?? diff.a.ref} → ${diff.b.year ?? diff.b.ref}`),
          ...KINDS.map((k) => String(counts[k])),
        ];
      }),
      [false, ...KINDS.map(() => true)],
    ),
  );
  const tracks = chartableTracks(buildFigureTracks(diffs));
  const figures = renderSeriesFiguresMarkdown(diffs, labels);
  if (figures.length || tracks.length) out.push('', `## ${labels.figures}`);
  if (tracks.length) {
    out.push('', `### ${labels.figureChart}`, '');
    out.push(
      markdownTable(
        [labels.context, labels.unit, labels.trend],
        tracks.map((track) => [
          escapeMarkdown(trackTitle(track)),
          escapeMarkdown(track.unit),
          escapeMarkdown(
            track.points.map((p) => `${p.year} ${figureLabel(p.text, p.modifier, p.context)}`).join(' → '),
          ),
        ]),
      ),
    );
  }
  if (figures.length)
    out.push('', `### ${labels.allFigures}`, ...figures.map((line) => line.replace(/^### /, '#### ')));
  const legend = KINDS.map((kind) => `${eventMark(kind, lang)} ${eventLabel(kind, lang)}`).join(' / ');
  out.push('', `## ${labels.timeline}`, '', `${labels.legend}${labels.colon}${escapeMarkdown(legend)}`, '');
  out.push(
    markdownTable(
      [labels.goal, ...years.map(String)],
      lineage.goals.map((goal) => [
        `${escapeMarkdown(goalTitle(goal))} \`${goal.id.replace(/`/g, "'")}\``,
        ...timelineCells(goal, years).map((cell) =>
          cell.event ? escapeMarkdown(eventMark(cell.event.kind, lang)) : cell.alive ? '·' : '',
        ),
      ]),
    ),
  );
  out.push('', `## ${labels.details}`);
  for (const goal of lineage.goals) {
    out.push('', `### ${escapeMarkdown(goalTitle(goal))} (${goal.firstYear}–${goal.lastYear})`, '');
    for (const [k, event] of goal.events.entries()) {
      const units = event.units.map((u) => `\`${u.id}\``).join(' + ');
      out.push(`- **${event.year}** ${eventLabel(event.kind, lang)} ${units}`.trimEnd());
      if (event.kind === 'unchanged') continue;
      const change = findChange(event, goal.events[k - 1]);
      const text = change?.wording.length
        ? markWording(change.wording)
        : event.units.map((u) => markPart({ op: 'equal', text: `${taskTitle(u)} ${u.text}`.trim() })).join(' ');
      if (text) out.push('', `  > ${text}`, '');
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
