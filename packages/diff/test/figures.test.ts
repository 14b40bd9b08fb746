import type { FigureChange } from '@plandiff/model';
import { extractFigures } from '@plandiff/normalize';
import { describe, expect, it } from 'vitest';
import { compareFigures, diffPlans } from '../src/index.ts';
import { loadReport } from './helpers/seed-plan.ts';

const show = (cs: readonly FigureChange[]) => cs.map((c) => `${c.from}${c.fromModifier}→${c.to}${c.toModifier}`);
const compare = (a: string, b: string) => show(compareFigures(extractFigures(a), extractFigures(b)));

describe('compareFigures', () => {
  it('pairs two values that swap places by their context, not by their value', () => {
    expect(
      compare(
        '居民消费价格涨幅3%左右，单位国内生产总值能耗降低2.5%左右。',
        '居民消费价格涨幅2%左右，单位国内生产总值能耗降低3%左右。',
      ),
    ).toEqual(['3%左右→2%左右', '2.5%左右→3%左右']);
  });

  it('pairs a repeated value with its own target', () => {
    // Both sides print 3% twice; only the deficit changes.
    expect(
      compare('赤字率3%，专项债增长3%，城镇调查失业率5.5%。', '赤字率4%，专项债增长3%，城镇调查失业率3%。'),
    ).toEqual(['3%→4%', '5.5%→3%']);
  });

  it('reads Chinese-numeral figures and compares them with digits', () => {
    expect(
      compare('新建二十所公办幼儿园，入园率达到百分之八十五。', '新建30所公办幼儿园，入园率达到百分之九十。'),
    ).toEqual(['二十所→30所', '百分之八十五→百分之九十']);
    expect(compareFigures(extractFigures('新建二十所幼儿园'), extractFigures('新建20所幼儿园'))).toEqual([]);
  });

  it('reports a change of modifier even when the value stays', () => {
    expect(compare('城镇新增就业1100万人左右。', '城镇新增就业1100万人以上。')).toEqual(['1100万人左右→1100万人以上']);
    expect(compare('赤字率3%。', '赤字率不低于3%。')).toEqual(['3%→3%不低于']);
  });
});

describe('figures of the 2024 → 2025 reports', () => {
  it('reports both targets whose values swapped: CPI 3%→2% and energy intensity 2.5%→3%', () => {
    const changes = diffPlans(loadReport(2024), loadReport(2025), { wording: false }).changes;
    const all = changes.flatMap((c) => c.figures);
    expect(all).toContainEqual(expect.objectContaining({ from: '3%', to: '2%', context: '居民消费价格涨幅2%左右' }));
    expect(all).toContainEqual(expect.objectContaining({ from: '2.5%', to: '3%', context: '生产总值能耗降低3%左右' }));
    // The GDP target is printed the same (5%左右) and is kept, not reported.
    const kept = changes.flatMap((c) => c.figuresKept ?? []);
    expect(kept).toContainEqual(
      expect.objectContaining({ from: '5%', to: '5%', toModifier: '左右', context: '国内生产总值增长5%左右' }),
    );
  });
});

describe('compareFigures: brackets', () => {
  it('pairs a range with a bounded value only when their brackets overlap', () => {
    // Disjoint tax bands: below 100 and 100–300.
    expect(compare('所得额不到100万元的部分减半', '所得额100万元至300万元的部分减半')).toEqual([]);
    // Overlapping: at least 6 and 6–6.5; about 6.5 and 6–6.5.
    expect(compare('国内生产总值增长6%－6.5%', '国内生产总值增长6%以上')).toEqual(['6%－6.5%→6%以上']);
    expect(compare('国内生产总值增长6.5%左右', '国内生产总值增长6%－6.5%')).toEqual(['6.5%左右→6%－6.5%']);
  });
});
