import { describe, expect, it } from 'vitest';
import { inferGenreTitle } from '../src/genre-title.ts';
import { normalizePlan } from '../src/index.ts';

const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };

describe('inferGenreTitle', () => {
  it('names a speech to the deputies a 政府工作报告', () => {
    expect(inferGenreTitle('各位代表：\n\n现在，我代表国务院，向大会报告政府工作。')).toBe('政府工作报告');
    expect(inferGenreTitle('\u200b\n各位代表！\n\n过去一年')).toBe('政府工作报告');
  });
  it('leaves other documents alone', () => {
    expect(inferGenreTitle('各区县教育局：\n\n现将《要点》印发你们。')).toBeUndefined();
    expect(inferGenreTitle('一、总体要求\n\n我们要代表人民')).toBeUndefined();
  });
  it('never overrides a printed title', () => {
    const { plan } = normalizePlan(
      '2019年政府工作报告\n\n各位代表：\n\n一、回顾\n\n过去一年。\n\n二、任务\n\n今年要做。',
      { source },
    );
    expect(plan.title).toBe('2019年政府工作报告');
  });
});
