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

// Cases from the audit of the period rule (bench/figure-pairs-audit.ts, docs/diff.md): each failed before
// the fix named in its title.
describe('figure periods: scope of the period words', () => {
  const has = (ps: FigureChange[], from: string, to: string) => ps.some((p) => p.from === from && p.to === to);

  it('a paragraph that opens on its own year (2007年，) is one year inside a five-year review; 年均 reaches only its clause', () => {
    // 2008 1.2: ——经济跨上新台阶。2007年，…年均增长10.6%，…；全国财政收入达到5.13万亿元 → 2009: 财政收入6.13万亿元.
    const ps = pairs(2008, 2009);
    expect(has(ps, '5.13万亿元', '6.13万亿元')).toBe(true);
    // The five-year growth and average still do not pair with one year's.
    expect(has(ps, '65.5%', '9%')).toBe(false);
    expect(has(ps, '10.6%', '19.5%')).toBe(false);
  });

  it('近三年 inside one paragraph does not carry into the next paragraphs of a one-year review', () => {
    // 2016 1.x: 近三年淘汰落后炼钢炼铁产能… ; later 1.15: 农村学生人数又增长10.5% → 2017: 增长21.3%.
    expect(has(pairs(2016, 2017), '10.5%', '21.3%')).toBe(true);
  });

  it('去年 inside a five-year review does not turn the rest of the review into one year', () => {
    // 2017 (2016): 新设7个自贸试验区 is not 2018’s five-year 在上海等省市设立11个自贸试验区.
    const ps = pairs(2017, 2018);
    expect(has(ps, '7个', '11个')).toBe(false);
    expect(has(ps, '2个百分点', '8.1个百分点')).toBe(false);
  });

  it('a value restated in the same words pairs across periods and reports no change', () => {
    // 2010 1.7.4 (one year) and 2011 1.8.4 (the 十一五 review): 实施两年新增4万亿元的投资计划.
    const kept = diffPlans(load(2010), load(2011), { wording: false }).changes.flatMap((c) => c.figuresKept ?? []);
    expect(kept.some((p) => p.from === '4万亿元' && p.context.includes('实施两年新增'))).toBe(true);
  });
});

describe('figure ranges: brackets', () => {
  it('does not pair 2021’s band 不到100万元 with 2022’s band 100万元至300万元', () => {
    const ps = pairs(2021, 2022).filter((p) => p.unit === '万元');
    expect(ps.some((p) => p.to === '100万元至300万元')).toBe(false);
  });
});
