import { describe, expect, it } from 'vitest';
import { dateInUrl } from '../src/short-date-resolve.ts';

describe('dateInUrl', () => {
  it('reads the stamps government CMSs put in paths', () => {
    expect(dateInUrl('http://x.gov.cn/201202/t20120209_99.html')).toBe('2012-02-09');
    expect(dateInUrl('http://x.gov.cn/art/2017/5/12/art_1_2.html')).toBe('2017-05-12');
  });

  it('skips an id shaped like a stamp that is no calendar day', () => {
    expect(dateInUrl('http://x.gov.cn/col/c20190231/index.html')).toBeUndefined();
    expect(dateInUrl('http://x.gov.cn/t20120200_5.html')).toBeUndefined();
    expect(dateInUrl('http://x.gov.cn/c20190231/t20190305_1.html')).toBe('2019-03-05');
  });
});
