import type { Change, FigureChange, PlanDiff } from '@plandiff/model';
import { describe, expect, it } from 'vitest';
import { renderTrackSvg } from '../src/chart-figures.ts';
import { buildFigureTracks, chartableTracks, type FigureTrack } from '../src/figure-tracks.ts';
import { figureLabel, figureModifier, parseFigureNumber } from '../src/figure-values.ts';

const ref = (id: string, text: string) => ({ id, number: '', heading: '', text });
const change = (from: [string, string], to: [string, string], figures: FigureChange[] = []): Change => ({
  depth: 2,
  kind: figures.length ? 'reworded' : 'unchanged',
  moved: false,
  from: [ref(...from)],
  to: [ref(...to)],
  similarity: 0.9,
  wording: [],
  figures,
});
const diff = (a: number, b: number, changes: Change[]): PlanDiff => ({
  a: { title: 'plan', year: a, ref: `p@${a}` },
  b: { title: 'plan', year: b, ref: `p@${b}` },
  options: {},
  summary: { unchanged: 0, reworded: 0, merged: 0, split: 0, added: 0, dropped: 0 },
  changes,
});
const fig = (from: string, to: string, context: string, unit = '%'): FigureChange => ({ unit, context, from, to });
/** A track as `year:figure+modifier*` (`*` = a reported change), like the compact strings of the engine's tests. */
const show = (t: FigureTrack): string =>
  t.points.map((p) => `${p.year}:${figureLabel(p.text, p.modifier)}${p.changed ? '*' : ''}`).join(' ');

describe('figures followed across editions', () => {
  // A growth target restated, renumbered, changed, kept: 2021 6%以上 → 2022 5.5%左右 → 2023…2025 5%左右.
  const texts = {
    2021: '今年发展主要预期目标是：国内生产总值增长6%以上。',
    2022: '今年发展主要预期目标是：国内生产总值增长5.5%左右。',
    2023: '今年发展主要预期目标是：国内生产总值增长5%左右。',
    2024: '今年发展主要预期目标是：国内生产总值增长5%左右，城镇新增就业1200万人以上。',
    2025: '今年发展主要预期目标是：国内生产总值增长5%左右。',
  };
  const diffs = [
    diff(2021, 2022, [
      change(['2.3', texts[2021]], ['2.3', texts[2022]], [fig('6%', '5.5%', '国内生产总值增长5.5%左右')]),
    ]),
    diff(2022, 2023, [
      change(['2.3', texts[2022]], ['2.2', texts[2023]], [fig('5.5%', '5%', '国内生产总值增长5%左右')]),
    ]),
    diff(2023, 2024, [change(['2.2', texts[2023]], ['2.2', texts[2024]])]),
    diff(2024, 2025, [change(['2.2', texts[2024]], ['2.4', texts[2025]])]),
  ];

  it('chains the reported changes through renumbered tasks and continues where the figure stays', () => {
    const tracks = buildFigureTracks(diffs);
    expect(tracks.map(show)).toEqual(['2021:6%以上 2022:5.5%左右* 2023:5%左右* 2024:5%左右 2025:5%左右']);
    expect(tracks[0]!.points.map((p) => p.taskId)).toEqual(['2.3', '2.3', '2.2', '2.2', '2.4']);
  });

  it('ends a track where the counterpart no longer prints the figure', () => {
    const cut = [
      ...diffs.slice(0, 3),
      diff(2024, 2025, [change(['2.2', texts[2024]], ['2.4', '全年经济增长保持稳定。'])]),
    ];
    expect(buildFigureTracks(cut).map(show)).toEqual(['2021:6%以上 2022:5.5%左右* 2023:5%左右* 2024:5%左右']);
  });

  it('starts a track in the editions before its first change where the figure already stood', () => {
    const late = [
      diff(2023, 2024, [change(['2.2', texts[2024]], ['2.2', texts[2024]])]),
      diff(2024, 2025, [
        change(
          ['2.2', texts[2024]],
          ['2.2', '城镇新增就业1300万人左右。'],
          [fig('1200万人', '1300万人', '城镇新增就业1300万人左右', '万人')],
        ),
      ]),
    ];
    expect(buildFigureTracks(late).map(show)).toEqual(['2023:1200万人以上 2024:1200万人以上 2025:1300万人左右*']);
  });

  it('takes values and qualifiers from the figure record when the engine supplies them', () => {
    const rich = { ...fig('5%', '5%', '国内生产总值增长5%'), fromModifier: '左右', toModifier: '以上', toValue: 5 };
    const tracks = buildFigureTracks([diff(2024, 2025, [change(['1', '增长5%。'], ['1', '增长5%。'], [rich])])]);
    expect(tracks.map(show)).toEqual(['2024:5%左右 2025:5%以上*']);
  });

  it('keeps tracks of three editions or more, with at least two numbers, for charts', () => {
    const tracks = buildFigureTracks(diffs);
    expect(chartableTracks(tracks)).toHaveLength(1);
    expect(chartableTracks(tracks, 6)).toHaveLength(0);
  });

  it('draws the qualifier next to the value and one dot per edition', () => {
    const [track] = buildFigureTracks(diffs);
    const svg = renderTrackSvg(track!, 'GDP');
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg.match(/class="dot changed"/g)).toHaveLength(2);
    expect(svg).toContain('>5.5%左右</text>');
    expect(svg).toContain('>6%以上</text>');
    expect(svg).toContain('<title>2024: 5%左右</title>');
  });
});

describe('reading printed figures', () => {
  it('parses numbers and ranges', () => {
    expect(parseFigureNumber('1.35万亿元')).toEqual({ value: 1.35 });
    expect(parseFigureNumber('6%－6.5%')).toEqual({ value: 6, high: 6.5 });
    expect(parseFigureNumber('6～6.5%')).toEqual({ value: 6, high: 6.5 });
    expect(parseFigureNumber('三千万')).toBeUndefined();
  });
  it('finds the qualifier after or before the figure, and prints it where it belongs', () => {
    expect(figureModifier('国内生产总值增长5%左右', '5%')).toBe('左右');
    expect(figureModifier('教育经费占比不低于4%', '4%')).toBe('不低于');
    expect(figureModifier('教育经费占比不低于', '4%')).toBe('不低于'); // a context of the words before it
    expect(figureModifier('新建公办幼儿园20所', '20所')).toBe('');
    expect(figureLabel('4%', '不低于')).toBe('不低于4%');
    expect(figureLabel('5%', '左右')).toBe('5%左右');
  });
});
