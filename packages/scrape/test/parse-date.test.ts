import { describe, expect, it } from 'vitest';
import { findDates, parseDateText } from '../src/index.ts';

describe('parseDateText', () => {
  it.each([
    ['二〇一二年二月九日', '2012-02-09'],
    ['二○一二年十二月三十一日', '2012-12-31'],
    ['二零一九年十月二十日', '2019-10-20'],
    ['2012年2月9日', '2012-02-09'],
    ['２０１２年０２月０９日', '2012-02-09'],
    ['发布时间：2012-02-09 16:30', '2012-02-09'],
    ['2012/2/9', '2012-02-09'],
    ['2012.02.09', '2012-02-09'],
    ['/tzgg/2012_02_09/', '2012-02-09'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('rejects impossible dates and bare years', () => {
    expect(parseDateText('2012年2月30日')).toBeUndefined();
    expect(parseDateText('二〇一二年十三月一日')).toBeUndefined();
    expect(parseDateText('2012年')).toBeUndefined();
    expect(parseDateText('电话：0830-3123456')).toBeUndefined();
  });

  it('marks dates followed by a clock time', () => {
    const [a, b] = findDates('2005-04-27 14:32 更新；2005年4月28日 报道');
    expect([a?.iso, a?.withTime, b?.iso, b?.withTime]).toEqual(['2005-04-27', true, '2005-04-28', false]);
  });
});
