import { describe, expect, it } from 'vitest';
import { parseChineseDate } from '../src/index.ts';

describe('parseChineseDate', () => {
  it.each([
    ['二〇一二年二月九日', '2012-02-09'],
    ['二○一二年十二月三十一日', '2012-12-31'],
    ['二零零八年五月十二日', '2008-05-12'],
    ['2012年2月9日', '2012-02-09'],
    ['２０１２年２月９日', '2012-02-09'],
    ['2012 年 2 月 9 日', '2012-02-09'],
    ['2012-02-09', '2012-02-09'],
    ['2012.2.9', '2012-02-09'],
    ['2012/2/9', '2012-02-09'],
    ['２０１２．２．９', '2012-02-09'],
    ['——2024年3月5日在第十四届全国人民代表大会第二次会议上', '2024-03-05'],
    ['发布时间：2013-01-05 10:00', '2013-01-05'],
    ['二〇一二年二月二十日', '2012-02-20'],
    ['2012年2月9号', '2012-02-09'],
  ])('%s → %s', (text, iso) => {
    expect(parseChineseDate(text)).toBe(iso);
  });

  it.each(['2012年2月30日', '2012-13-01', '二〇一二年', '2.15万亿元', '5.11安全大演练', 'PM2.5', '', '第32届'])(
    'finds no date in %s',
    (text) => {
      expect(parseChineseDate(text)).toBeUndefined();
    },
  );

  it('knows leap years', () => {
    expect(parseChineseDate('2012年2月29日')).toBe('2012-02-29');
    expect(parseChineseDate('2013年2月29日')).toBeUndefined();
  });
});
