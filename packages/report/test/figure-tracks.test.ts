import type { Change, FigureChange, PlanDiff } from '@plandiff/model';
import { describe, expect, it } from 'vitest';
import { renderTrackSvg } from '../src/chart-figures.ts';
import { buildFigureTracks, chartableTracks, type FigureTrack } from '../src/figure-tracks.ts';
import { figureLabel, parseFigureNumber, printedRange } from '../src/figure-values.ts';

const ref = (id: string) => ({ id, number: '', heading: '', text: '' });
/** A figure record as the engine writes it: both sides' figure, qualifier, context and task. */
const fig = (
  [fromId, from, fromModifier, fromContext]: [string, string, string, string],
  [toId, to, toModifier, context]: [string, string, string, string],
  unit = '%',
): FigureChange => ({ unit, from, to, fromModifier, toModifier, fromContext, context, fromId, toId });
const change = (changed: FigureChange[], kept: FigureChange[] = []): Change => ({
  depth: 2,
  kind: changed.length ? 'reworded' : 'unchanged',
  moved: false,
  from: [ref(changed[0]?.fromId ?? kept[0]?.fromId ?? '')],
  to: [ref(changed[0]?.toId ?? kept[0]?.toId ?? '')],
  similarity: 0.9,
  wording: [],
  figures: changed,
  ...(kept.length ? { figuresKept: kept } : {}),
});
const diff = (a: number | undefined, b: number, changes: Change[]): PlanDiff => ({
  a: { title: 'plan', ...(a === undefined ? {} : { year: a }), ref: `p@${a}` },
  b: { title: 'plan', year: b, ref: `p@${b}` },
  options: {},
  summary: { unchanged: 0, reworded: 0, merged: 0, split: 0, added: 0, dropped: 0 },
  changes,
});
/** A track as `year:figure+qualifier*` (`*` = a reported change). */
const show = (t: FigureTrack): string =>
  t.points.map((p) => `${p.year}:${figureLabel(p.text, p.modifier, p.context)}${p.changed ? '*' : ''}`).join(' ');

// A growth target as the engine pairs it: 2019 a range, 2021 6%以上 (renumbered 2.3 → 3.2), then 5.5%左右,
// 5%左右, kept 5%左右 through renumberings.
const gdp = (v: string, m: string) => `国内生产总值增长${v}${m}`;
const diffs = [
  diff(2019, 2021, [change([fig(['2.3', '6%', '', gdp('6%－6.5%', '')], ['3.2', '6%', '以上', gdp('6%', '以上')])])]),
  diff(2021, 2022, [
    change([fig(['3.2', '6%', '以上', gdp('6%', '以上')], ['2.3', '5.5%', '左右', gdp('5.5%', '左右')])]),
  ]),
  diff(2022, 2023, [
    change([fig(['2.3', '5.5%', '左右', gdp('5.5%', '左右')], ['2.2', '5%', '左右', gdp('5%', '左右')])]),
  ]),
  diff(2023, 2024, [
    change([], [fig(['2.2', '5%', '左右', gdp('5%', '左右')], ['2.3', '5%', '左右', gdp('5%', '左右')])]),
  ]),
  diff(2024, 2025, [
    change([], [fig(['2.3', '5%', '左右', gdp('5%', '左右')], ['2.2', '5%', '左右', gdp('5%', '左右')])]),
  ]),
];

describe('figures followed across editions, as the engine paired them', () => {
  it('chains changed and kept pairings through renumbered tasks, with the engine’s qualifiers and ranges', () => {
    const tracks = buildFigureTracks(diffs);
    expect(tracks.map(show)).toEqual([
      '2019:6%－6.5% 2021:6%以上* 2022:5.5%左右* 2023:5%左右* 2024:5%左右 2025:5%左右',
    ]);
    expect(tracks[0]!.points.map((p) => p.taskId)).toEqual(['2.3', '3.2', '2.3', '2.2', '2.3', '2.2']);
    expect(tracks[0]!.points[0]).toMatchObject({ value: 6, high: 6.5 });
  });

  it('takes the qualifier from the record, not from the words around the figure', () => {
    // The engine read `以上` although the context prints `左右`: the record wins.
    const odd = [diff(2024, 2025, [change([fig(['1', '5%', '', '增长5%'], ['1', '5%', '以上', '增长5%左右'])])])];
    expect(buildFigureTracks(odd)[0]!.points.map((p) => p.modifier)).toEqual(['', '以上']);
  });

  it('ends a track where the engine pairs the figure no more, and a diff without years breaks every track', () => {
    expect(buildFigureTracks(diffs.slice(0, 3).concat(diffs.slice(4))).map(show)).toEqual([
      '2019:6%－6.5% 2021:6%以上* 2022:5.5%左右* 2023:5%左右*',
      '2024:5%左右 2025:5%左右',
    ]);
    const broken = [...diffs.slice(0, 2), { ...diffs[2]!, a: { title: 'plan', ref: 'x' } }];
    expect(buildFigureTracks(broken).map((t) => t.points.length)).toEqual([3]); // the yearless pair starts nothing
  });

  it('does not continue a track from another task that prints the same figure', () => {
    const other = [
      diffs[0]!,
      diff(2021, 2022, [
        change([fig(['9.9', '6%', '以上', gdp('6%', '以上')], ['2.3', '5.5%', '左右', gdp('5.5%', '左右')])]),
      ]),
    ];
    expect(buildFigureTracks(other).map((t) => t.points.length)).toEqual([2, 2]);
  });

  it('charts tracks of three editions or more with a change and two numbers', () => {
    const tracks = buildFigureTracks(diffs);
    expect(chartableTracks(tracks)).toHaveLength(1);
    expect(chartableTracks(tracks, 7)).toHaveLength(0);
    expect(chartableTracks(buildFigureTracks(diffs.slice(3)))).toHaveLength(0); // kept only: nothing to chart
  });

  it('draws the qualifier next to the value and one dot per edition', () => {
    const [track] = buildFigureTracks(diffs);
    const svg = renderTrackSvg(track!, 'GDP');
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/class="dot changed"/g)).toHaveLength(3);
    expect(svg).toContain('>5.5%左右</text>');
    expect(svg).toContain('>6%以上</text>');
    expect(svg).toContain('<title>2024: 5%左右</title>');
    expect(svg.match(/<line class="range"/g)).toHaveLength(1);
  });
});

describe('reading printed figures', () => {
  it('parses numbers and ranges', () => {
    expect(parseFigureNumber('1.35万亿元')).toEqual({ value: 1.35 });
    expect(parseFigureNumber('6%－6.5%')).toEqual({ value: 6, high: 6.5 });
    expect(parseFigureNumber('6～6.5%')).toEqual({ value: 6, high: 6.5 });
    expect(parseFigureNumber('三千万')).toBeUndefined();
  });
  it('reads a range the context prints from the figure on', () => {
    expect(printedRange('国内生产总值增长6%－6.5%', '6%')).toBe('6%－6.5%');
    expect(printedRange('国内生产总值增长6%左右', '6%')).toBe('6%');
    expect(printedRange('其他', '6%')).toBe('6%');
  });
  it('prints each of the engine’s qualifiers where the plan prints it', () => {
    expect(figureLabel('5%', '左右')).toBe('5%左右');
    expect(figureLabel('4%', '不低于')).toBe('不低于4%');
    expect(figureLabel('6%', '力争/以上', '力争增长6%以上')).toBe('力争6%以上');
    expect(figureLabel('30万人次', '超', '培训超30万人次')).toBe('超30万人次');
    expect(figureLabel('20所', '')).toBe('20所');
  });
});
