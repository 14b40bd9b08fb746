import { describe, expect, it } from 'vitest';
import { editionYear, inferYear, yearFromName } from '../src/index.ts';

const undated = { title: '工作要点', preamble: '' };

describe('one year rule: inferYear, and editionYear built on it', () => {
  it('reads a bare-year file name as a statement, but never a year inside a hash', () => {
    expect(inferYear({ fileName: 'corpus/gwr/2013.txt' })).toBe(2013);
    expect(inferYear({ fileName: 'seeds/4d3ac2013f.txt' })).toBeUndefined();
    expect(yearFromName('seeds/4d3ac2013f.txt')).toBeUndefined();
  });

  it('takes a four-digit year standing alone in a ref', () => {
    expect(yearFromName('gwr@2012')).toBe(2012);
    expect(yearFromName('12345.txt')).toBeUndefined();
  });

  it('dates a party congress report by its ordinal when it names no year', () => {
    expect(inferYear({ title: '在中国共产党第十九次全国代表大会上的报告' })).toBe(2017);
    expect(inferYear({ title: '在中国共产党第二十次全国代表大会上的报告' })).toBe(2022);
    expect(inferYear({ title: '在中国共产党第八次全国代表大会上的政治报告' })).toBeUndefined();
  });

  it("fills an edition's year: given, else the plan's, else inferred from ref, title and preamble", () => {
    expect(editionYear({ ...undated, year: 2020 }, 'edu@2016')).toBe(2020);
    expect(editionYear(undated, 'edu@2016')).toBe(2016);
    expect(editionYear({ ...undated, title: '2014年工作要点' }, '2012-rev')).toBe(2012);
    expect(editionYear(undated, 'edu@draft', 1999)).toBe(1999);
    expect(editionYear(undated, 'edu@draft')).toBeUndefined();
    expect(editionYear({ title: '', preamble: '现在，我代表国务院，向大会报告2019年工作。' }, 'x')).toBe(2019);
  });
});
