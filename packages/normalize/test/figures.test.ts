import { describe, expect, it } from 'vitest';
import { extractFigures } from '../src/index.ts';

describe('extractFigures', () => {
  it('reads numbers with their measure words and context', () => {
    const figures = extractFigures('年内新建、改扩建20所公办幼儿园，财政赤字率拟按3%安排，赤字规模2.15万亿元。');
    expect(figures.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['20所', 20, '所'],
      ['3%', 3, '%'],
      ['2.15万亿元', 2.15, '万亿元'],
    ]);
    expect(figures[0]!.context).toBe('改扩建20所公办幼儿园');
    expect(figures[2]!.context).toBe('赤字规模2.15万亿元');
  });

  it('reads full-width digits and thousands separators', () => {
    expect(extractFigures('增长８．５％，新增1,200万人').map((f) => [f.text, f.value])).toEqual([
      ['８．５％', 8.5],
      ['1,200万人', 1200],
    ]);
  });

  it('skips years, dates, ordinals, list markers and numbers glued to Latin letters', () => {
    expect(extractFigures('13.于2012年2月9日召开第32届会议，PM2.5和M2保持稳定，“9+3”计划')).toEqual([]);
  });

  it('keeps durations that are not years', () => {
    expect(extractFigures('用3年时间完成').map((f) => f.text)).toEqual(['3年']);
  });

  it('reads Chinese-numeral figures as numbers', () => {
    const figures = extractFigures(
      '新建二十所幼儿园，覆盖率提高到百分之八十五，安排三千亿元，发行一万亿元特别国债，建成一百零五所',
    );
    expect(figures.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['二十所', 20, '所'],
      ['百分之八十五', 85, '%'],
      ['三千亿元', 3000, '亿元'],
      ['一万亿元', 1, '万亿元'],
      ['一百零五所', 105, '所'],
    ]);
  });

  it('leaves Chinese numerals of prose alone: counts, years, set phrases', () => {
    expect(
      extractFigures('实施一批项目，坚持两个毫不动摇，二〇二五年，十分重要，千方百计，打好三大攻坚战，用五年时间'),
    ).toEqual([]);
  });

  it('keeps the words that qualify a figure as its modifier', () => {
    const figures = extractFigures(
      '国内生产总值增长5%左右，城镇新增就业1200万人以上，赤字率不低于3%，力争新增就业100万人，增长百分之七',
    );
    expect(figures.map((f) => [f.text, f.modifier])).toEqual([
      ['5%', '左右'],
      ['1200万人', '以上'],
      ['3%', '不低于'],
      ['100万人', '力争'],
      ['百分之七', undefined],
    ]);
  });
});
