import { describe, expect, it } from 'vitest';
import { tracePlans } from '../src/index.ts';
import { loadReport } from './helpers/seed-plan.ts';

describe('figures followed across editions', () => {
  it('gives the GDP growth target year by year with its modifier (reports 2013–2019)', () => {
    const years = [2013, 2014, 2015, 2016, 2017, 2018, 2019];
    const lineage = tracePlans(years.map(loadReport), { years });
    const gdp = lineage.figures?.filter((s) => s.points.every((p) => p.context.includes('国内生产总值增长')));
    // Read in corpus/gwr: 7.5%左右, 7.5%左右, 7%左右, 6.5%–7% (the range's first bound), 6.5%左右, 6.5%左右, 6%–6.5%.
    const target = gdp?.find((s) => s.points.length === years.length);
    expect(target?.points.map((p) => [p.year, p.value, p.modifier])).toEqual([
      [2013, 7.5, '左右'],
      [2014, 7.5, '左右'],
      [2015, 7, '左右'],
      [2016, 6.5, ''],
      [2017, 6.5, '左右'],
      [2018, 6.5, '左右'],
      [2019, 6, ''],
    ]);
    expect(target?.unit).toBe('%');
    expect(lineage.goals.some((g) => g.id === target?.goal)).toBe(true);
  });
});
