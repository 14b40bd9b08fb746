import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans, tracePlans } from '../packages/diff/src/index.ts';
import type { FigureChange, Plan } from '../packages/model/src/index.ts';
import { extractFigures, normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

// Figure pairing on the real reports (corpus/gwr): targets are paired by their masked context, ranges
// are one figure, and a five-year total never pairs with one year's figure printed in the same words.

const load = (year: number): Plan => {
  const path = join(ROOT, 'corpus', 'gwr', `${year}.txt`);
  return normalizePlan(readFileSync(path, 'utf8'), { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } })
    .plan;
};
const pairs = (a: number, b: number): FigureChange[] =>
  diffPlans(load(a), load(b), { wording: false }).changes.flatMap((c) => [...c.figures, ...(c.figuresKept ?? [])]);
const gdp = (ps: FigureChange[]) => ps.filter((p) => p.context.includes('国内生产总值增长') && p.unit === '%');

describe('figure ranges', () => {
  it('reads a range as one figure, with its lower value and upper bound', () => {
    // 2019: 国内生产总值增长6%－6.5%; 2016: 6.5%－7%.
    expect(extractFigures('国内生产总值增长6%－6.5%。')).toEqual([
      { text: '6%－6.5%', value: 6, upper: 6.5, unit: '%', context: '国内生产总值增长6%－6.5%' },
    ]);
    expect(extractFigures('增长6-6.5%左右')[0]).toMatchObject({
      text: '6-6.5%',
      value: 6,
      upper: 6.5,
      modifier: '左右',
    });
    expect(extractFigures('提高3%至4%')[0]).toMatchObject({ text: '3%至4%', value: 3, upper: 4 });
    // Not ranges: a change from one value to another, years, a falling pair.
    expect(extractFigures('从54万亿元增加到82.7万亿元').map((f) => f.text)).toEqual(['54万亿元', '82.7万亿元']);
    expect(extractFigures('2021年-2025年')).toEqual([]);
  });

  it('pairs 2018’s 6.5%左右 with 2019’s whole range 6%－6.5%, and 2019’s range with 2021’s 6%以上', () => {
    const a = gdp(pairs(2018, 2019)).filter((p) => p.fromModifier === '左右');
    expect(a.map((p) => `${p.from} → ${p.to}`)).toContain('6.5% → 6%－6.5%');
    const b = gdp(pairs(2019, 2021));
    expect(b.map((p) => `${p.from}${p.fromModifier} → ${p.to}${p.toModifier}`)).toContain('6%－6.5% → 6%以上');
  });

  it('pairs 2021’s GDP target 6%以上 with 2022’s 5.5%左右, not with another figure', () => {
    const changed = diffPlans(load(2021), load(2022), { wording: false }).changes.flatMap((c) => c.figures);
    const target = changed.filter((p) => p.from === '6%' && p.fromModifier === '以上');
    expect(target.map((p) => `${p.fromContext} → ${p.context}`)).toEqual([
      '国内生产总值增长6%以上 → 国内生产总值增长5.5%左右',
    ]);
  });
});

describe('figure periods', () => {
  it('does not pair 2018’s five-year total 6600万人以上 with 2019’s one-year 1361万人', () => {
    // 2018 1.2: 五年来……城镇新增就业6600万人以上; 2019 1.2 (section 过去一年): 城镇新增就业1361万人.
    const jobs = pairs(2018, 2019).filter((p) => p.context.includes('城镇新增就业'));
    expect(jobs.some((p) => p.from === '6600万人' || p.to === '6600万人')).toBe(false);
    // The yearly target still pairs with the yearly target.
    expect(jobs.map((p) => `${p.from}${p.fromModifier} → ${p.to}${p.toModifier}`)).toContain(
      '1100万人以上 → 1100万人以上',
    );
  });

  it('still pairs one year’s figure with the next year’s in the same words', () => {
    // 2021 review 城镇新增就业1186万人 → 2022 review 城镇新增就业1269万人.
    const jobs = pairs(2021, 2022).filter((p) => p.context.includes('城镇新增就业'));
    expect(jobs.map((p) => `${p.from} → ${p.to}`)).toContain('1186万人 → 1269万人');
  });
});

describe('figures across editions', () => {
  it('follows the GDP target 2018–2023 with its range and modifiers, and one year’s jobs figure without the five-year total', () => {
    const years = [2018, 2019, 2021, 2022, 2023];
    const lineage = tracePlans(years.map(load), { years });
    const chain = (word: string) =>
      (lineage.figures ?? [])
        .filter((f) => f.points.some((p) => p.context.includes(word)))
        .map((f) => f.points.map((p) => `${p.year}:${p.text}${p.modifier ?? ''}`));
    expect(chain('国内生产总值增长')).toContainEqual([
      '2018:6.5%左右',
      '2019:6%－6.5%',
      '2021:6%以上',
      '2022:5.5%左右',
      '2023:5%左右',
    ]);
    const jobs = chain('城镇新增就业').flat();
    expect(jobs).toContain('2019:1361万人');
    expect(jobs.some((p) => p.includes('6600万人'))).toBe(false);
  });
});
