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
});
