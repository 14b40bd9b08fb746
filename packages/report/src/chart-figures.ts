import { escapeHtml } from './escape.ts';
import type { FigurePoint, FigureTrack } from './figure-tracks.ts';
import { figureLabel } from './figure-values.ts';
import { fillLabel, type Labels } from './labels.ts';
import { openSvg, px, svgText } from './svg.ts';

const WIDTH = 660;
const HEIGHT = 170;
const M = { left: 50, right: 16, top: 22, bottom: 24 };

/** A track's name: the words around its latest figure (`国内生产总值增长5%左右`). */
export function trackTitle(track: FigureTrack): string {
  return track.points.at(-1)?.context ?? '';
}

/** The midpoint of a point's value (a range counts as its middle). */
const level = (p: FigurePoint): number | undefined =>
  p.value === undefined ? undefined : p.high === undefined ? p.value : (p.value + p.high) / 2;

const round = (n: number): string => String(Math.round(n * 100) / 100);

/** A line chart of one figure over the years: filled dots where it changed, hollow where it stayed. */
export function renderTrackSvg(track: FigureTrack, name: string): string {
  const points = track.points;
  const years = points.map((p) => p.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const values = points.flatMap((p) => [p.value, p.high]).filter((v): v is number => v !== undefined);
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (lo === hi) [lo, hi] = [lo - Math.max(1, Math.abs(lo) * 0.1), hi + Math.max(1, Math.abs(hi) * 0.1)];
  const pad = (hi - lo) * 0.12;
  [lo, hi] = [lo - pad, hi + pad];
  const x = (year: number): number =>
    y0 === y1 ? (M.left + WIDTH - M.right) / 2 : M.left + ((year - y0) / (y1 - y0)) * (WIDTH - M.left - M.right);
  const y = (v: number): number => M.top + (1 - (v - lo) / (hi - lo)) * (HEIGHT - M.top - M.bottom);
  const line = points
    .filter((p) => level(p) !== undefined)
    .map((p, i) => `${i ? 'L' : 'M'}${px(x(p.year))},${px(y(level(p)!))}`)
    .join('');
  const everyYear = points.length <= 14;
  // Value labels: where the figure changed (and at both ends), above the dot, or below when the
  // previous label would overlap; a last label that repeats the one before is left out.
  let lastLabel = { right: -Infinity, text: '', below: false };
  const marks = points.map((p, i) => {
    const v = level(p);
    const label = figureLabel(p.text, p.modifier, p.context);
    const tip = `<title>${escapeHtml(`${p.year}: ${label}`)}</title>`;
    const last = i === points.length - 1;
    const year = everyYear || i === 0 || last || i % Math.ceil(points.length / 10) === 0;
    const tick = year ? svgText(x(p.year), HEIGHT - 6, String(p.year), 'middle', 'tick') : '';
    if (v === undefined) return tick;
    const range =
      p.high === undefined
        ? ''
        : `<line class="range" x1="${px(x(p.year))}" x2="${px(x(p.year))}" y1="${px(y(p.value!))}" y2="${px(y(p.high))}"/>`;
    const previous = points[i - 1];
    const named = i === 0 || p.changed || previous?.modifier !== p.modifier || (last && label !== lastLabel.text);
    let text = '';
    if (named) {
      const anchor = i === 0 ? 'start' : last ? 'end' : 'middle';
      const width = Array.from(label).reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0);
      const left = anchor === 'start' ? x(p.year) : anchor === 'end' ? x(p.year) - width : x(p.year) - width / 2;
      const below = left < lastLabel.right + 4 && !lastLabel.below;
      text = svgText(x(p.year), below ? y(v) + 15 : y(v) - 7, label, anchor, 'val');
      lastLabel = { right: left + width, text: label, below };
    }
    const dot = `<circle class="${p.changed ? 'dot changed' : 'dot'}" cx="${px(x(p.year))}" cy="${px(y(v))}" r="3.5">${tip}</circle>`;
    return `${range}${dot}${text}${tick}`;
  });
  const axis =
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${HEIGHT - M.bottom}"/>` +
    svgText(M.left - 4, y(hi - pad) + 4, round(hi - pad), 'end', 'tick') +
    svgText(M.left - 4, y(lo + pad) + 4, round(lo + pad), 'end', 'tick');
  return `${openSvg(WIDTH, HEIGHT, name, 'track')}${axis}<path class="line" d="${line}"/>${marks.join('')}</svg>`;
}

/** The track's values as a table: one row per year with the figure, its qualifier and its context. */
export function renderTrackTable(track: FigureTrack, labels: Labels): string {
  const rows = track.points.map(
    (p) =>
      `<tr${p.changed ? ' class="changed"' : ''}><td>${p.year}</td><td class="n">${escapeHtml(p.text)}</td>` +
      `<td>${escapeHtml(p.modifier)}</td><td>${escapeHtml(p.context)}</td></tr>`,
  );
  return (
    `<table class="track-table"><thead><tr><th>${escapeHtml(labels.year)}</th><th>${escapeHtml(labels.figure)}</th>` +
    `<th>${escapeHtml(labels.modifier)}</th><th>${escapeHtml(labels.context)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Charts of the figures followed longest, each with its table; the rest are counted in a note. */
export function renderFigureCharts(tracks: readonly FigureTrack[], labels: Labels, limit: number): string {
  const shown = tracks.slice(0, limit);
  const cards = shown.map((track, i) => {
    const title = trackTitle(track);
    const first = track.points[0]!.year;
    const last = track.points.at(-1)!.year;
    const meta = `${track.unit ? `${track.unit} · ` : ''}${first}–${last}`;
    return (
      `<figure class="chart track-card" id="fig-${i}"><figcaption>${escapeHtml(title)} <span class="meta">${escapeHtml(meta)}</span></figcaption>` +
      `<div class="chart-body"><div class="chart-svg">${renderTrackSvg(track, `${title} ${meta}`)}</div>` +
      `<div class="chart-table scroll">${renderTrackTable(track, labels)}</div></div></figure>`
    );
  });
  const rest = tracks
    .slice(limit)
    .map(
      (track) =>
        `<tr><td>${escapeHtml(trackTitle(track))}</td><td>${escapeHtml(track.unit)}</td><td>${escapeHtml(
          track.points.map((p) => `${p.year} ${figureLabel(p.text, p.modifier, p.context)}`).join(' → '),
        )}</td></tr>`,
    );
  const more = rest.length
    ? `<details class="more-tracks"><summary>${escapeHtml(fillLabel(labels.moreTracks, { n: rest.length }))}</summary>` +
      `<table class="tracks"><thead><tr><th>${escapeHtml(labels.context)}</th><th>${escapeHtml(labels.unit)}</th>` +
      `<th>${escapeHtml(labels.trend)}</th></tr></thead><tbody>${rest.join('')}</tbody></table></details>`
    : '';
  return `<div class="track-grid">${cards.join('')}</div>${more}`;
}
