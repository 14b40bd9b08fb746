import { describe, expect, it } from 'vitest';
import { toComparisonForm } from '../src/index.ts';

describe('toComparisonForm', () => {
  it('folds full- and half-width punctuation so , and ， compare equal', () => {
    expect(toComparisonForm('加强，改革')).toBe(toComparisonForm('加强,改革'));
    expect(toComparisonForm('（一）')).toBe(toComparisonForm('(一)'));
    expect(toComparisonForm('“三化”')).toBe(toComparisonForm('"三化"'));
    expect(toComparisonForm('增长３％')).toBe(toComparisonForm('增长3%'));
    expect(toComparisonForm('ＰＭ２．５')).toBe('PM2.5');
  });

  it('removes every kind of whitespace, full-width and U+2003 included', () => {
    expect(toComparisonForm('　　2012 年\u2003全市\n教育\u00a0工作\t要点')).toBe('2012年全市教育工作要点');
  });

  it('keeps the CJK text itself and is idempotent', () => {
    const once = toComparisonForm('二、认真组织实施教育规划纲要，积极服务“156”发展战略；');
    expect(once).toBe('二,认真组织实施教育规划纲要,积极服务"156"发展战略;');
    expect(toComparisonForm(once)).toBe(once);
  });
});
