import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { renderDiffReport } from '../packages/report/src/index.ts';
import { labelsFor } from '../packages/report/src/labels.ts';
import { describePlan, editionsHeading, planName } from '../packages/report/src/plan-names.ts';

const zh = labelsFor('zh');
const en = labelsFor('en');

/** A short plan body; the tests take its title away to see what the reports fall back to. */
const body = (year: number, extra: string) =>
  [`${year}年工作要点`, '一、总体要求', '坚持稳中求进工作总基调。', '二、重点任务', `推进产业升级。${extra}`].join(
    '\n',
  );

const untitled = (year: number, extra: string, region?: string) => {
  const { plan } = normalizePlan(body(year, extra), {
    source: { path: `plans/${year}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8' },
  });
  return { ...plan, title: '', ...(region ? { region } : {}) };
};

describe('an untitled plan is named by title, then region + year + genre, then its reference', () => {
  it('prefers the title, then a name built from region, year and genre, then the year, then the ref', () => {
    const base = { title: '', ref: 'gd@2026' };
    expect(planName({ ...base, title: '政府工作报告', year: 2026, region: '广东省' }, zh)).toBe('2026年政府工作报告');
    expect(planName({ ...base, year: 2026, region: '广东省', genre: '政府工作报告' }, zh)).toBe(
      '2026年广东省政府工作报告',
    );
    expect(planName({ ...base, year: 2026, region: '广东省', genre: '政府工作报告' }, en)).toBe(
      '广东省 政府工作报告 (2026)',
    );
    expect(planName({ ...base, year: 2026, genre: '政府工作报告' }, zh)).toBe('2026年政府工作报告');
    expect(planName({ ...base, region: '广东省' }, zh)).toBe('广东省');
    expect(planName({ ...base, year: 2026 }, zh)).toBe('2026');
    expect(planName(base, zh)).toBe('gd@2026');
    expect(describePlan({ ...base, year: 2026, region: '广东省' }, zh)).toBe('2026年广东省 · gd@2026');
  });

  it('two untitled editions of one region read "region genre year → year", not the file names', () => {
    const a = { title: '', year: 2025, ref: 'a.txt', region: '广东省', genre: '政府工作报告' };
    const b = { ...a, year: 2026, ref: 'b.txt' };
    expect(editionsHeading([a, b], zh)).toBe('广东省政府工作报告 2025 → 2026');
  });

  it('a real normalize → diff pair without titles: the region reaches the report header from the plan', () => {
    const a = untitled(2025, '', '广东省');
    const b = untitled(2026, '加快发展新质生产力。', '广东省');
    const diff = diffPlans(a, b, { refA: 'gd@2025', refB: 'gd@2026' });
    expect(diff.a.region).toBe('广东省');
    const md = renderDiffReport(diff, 'md', { lang: 'zh' });
    expect(md.split('\n')[0]).toBe('# 变更报告：广东省 2025 → 2026');
    expect(md).toContain('2025年广东省 · gd@2025');
    // Without a region the edition refs name the pair, never an empty title.
    const bare = diffPlans(untitled(2025, ''), untitled(2026, ''), { refA: 'gd@2025', refB: 'gd@2026' });
    const header = renderDiffReport(bare, 'md', { lang: 'zh' }).split('\n')[0];
    expect(header).not.toMatch(/：\s*→|：$/);
    expect(header).toMatch(/2025|gd@2025/);
  });
});
