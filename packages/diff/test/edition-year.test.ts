import { describe, expect, it } from 'vitest';
import type { Plan } from '../../model/src/index.ts';
import { normalizePlan } from '../../normalize/src/index.ts';
import { editionYear, withEditionYear, yearFromName } from '../src/index.ts';

const plan = (text: string): Plan =>
  normalizePlan(text, { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } }).plan;
const UNDATED = plan('工作要点\n一、加强建设\n1. 推进改造\n二、深化改革\n1. 推进评价\n');

describe('one rule for the year of an edition (used by report, feed, demo, trace and the index)', () => {
  it('reads a year from a file name or ref, not from other digits', () => {
    expect(yearFromName('corpus/gwr/2019.txt')).toBe(2019);
    expect(yearFromName('gwr@2012')).toBe(2012);
    expect(yearFromName('2012-rev')).toBe(2012);
    expect(yearFromName('freed')).toBeUndefined();
    expect(yearFromName('12345.txt')).toBeUndefined();
  });

  it("fills a plan's missing year from its ref, and keeps a year its text states", () => {
    expect(UNDATED.year).toBeUndefined();
    expect(withEditionYear(UNDATED, 'edu@2016').year).toBe(2016);
    expect(withEditionYear(UNDATED, 'edu@draft')).toBe(UNDATED);
    const dated = { ...UNDATED, year: 2020 };
    expect(withEditionYear(dated, 'edu@2016').year).toBe(2020);
    expect(editionYear(UNDATED, 'x', 1999)).toBe(1999);
  });
});
