import type { Change, PlanDiff, TaskRef } from '@plandiff/model';
import { describe, expect, it } from 'vitest';
import { diffHeadline } from '../src/headline.ts';
import { renderDiffReport } from '../src/index.ts';
import { labelsFor } from '../src/labels.ts';
import { describePlan, editionsHeading, planName } from '../src/plan-names.ts';
import { countSections } from '../src/sections.ts';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
const ref = (id: string, heading: string): TaskRef => ({ id, number: '', heading, text: `${heading}的内容。` });
const change = (kind: Change['kind'], from: TaskRef[], to: TaskRef[], moved = false): Change => ({
  depth: Math.min(...[...from, ...to].map((r) => r.id.split('.').length)),
  kind,
  moved,
  from,
  to,
  similarity: from.length && to.length ? 0.8 : 0,
  wording: [],
  figures: [],
});

/** Fourteen sections; changes listed so that first appearance is not number order (14 before 4). */
function fourteenSections(): PlanDiff {
  const sections = NUMERALS.map((n, i) => ref(String(i + 1), `${n}、第${n}部分`));
  const changes = [
    ...[1, 3, 14, 4, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((i) =>
      change('unchanged', [sections[i - 1]!], [sections[i - 1]!]),
    ),
    change('reworded', [ref('3.1', '旧任务')], [ref('14.1', '新任务')], true),
    change('dropped', [ref('15.1', '只在旧版')], []),
  ];
  const summary = { unchanged: 14, reworded: 1, merged: 0, split: 0, added: 0, dropped: 1 };
  return {
    a: { title: '政府工作报告', year: 2024, ref: 'corpus/gwr/2024.txt' },
    b: { title: '政府工作报告', year: 2025, ref: 'corpus/gwr/2025.txt' },
    options: {},
    summary,
    changes,
  };
}

describe('titles come from the plans, the path appears once', () => {
  const zh = labelsFor('zh');
  it('adds the year to a title that lacks it, keeps a title that states it', () => {
    expect(planName({ title: '政府工作报告', year: 2025, ref: 'x' }, zh)).toBe('2025年政府工作报告');
    expect(planName({ title: '政府工作报告', year: 2025, ref: 'x' }, labelsFor('en'))).toBe('政府工作报告 (2025)');
    expect(planName({ title: '2025年全市教育工作要点', year: 2025, ref: 'x' }, zh)).toBe('2025年全市教育工作要点');
  });
  it('names the path once when the plan has no title', () => {
    expect(describePlan({ title: '', ref: 'plans/a.txt' }, zh)).toBe('plans/a.txt');
    expect(describePlan({ title: '', year: 2019, ref: 'plans/2019.txt' }, zh)).toBe('2019 · plans/2019.txt');
  });
  it('a pair of editions of one plan reads "title year → year", not "title → title"', () => {
    const diff = fourteenSections();
    expect(editionsHeading([diff.a, diff.b], zh)).toBe('政府工作报告 2024 → 2025');
    const md = renderDiffReport(diff, 'md', { lang: 'zh' });
    expect(md.split('\n')[0]).toBe('# 变更报告：政府工作报告 2024 → 2025');
    expect(md.split('corpus/gwr/2024.txt').length).toBe(2); // once
    const html = renderDiffReport(diff, 'html', { lang: 'zh' });
    expect(html).toContain('<title>变更报告：政府工作报告 2024 → 2025</title>');
    expect(html.split('corpus/gwr/2025.txt').length).toBe(2);
  });
  it('different plans keep both names', () => {
    const a = { title: '2024年全市教育工作要点', year: 2024, ref: 'a' };
    const b = { title: '2025年全省教育工作要点', year: 2025, ref: 'b' };
    expect(editionsHeading([a, b], zh)).toBe('2024年全市教育工作要点 → 2025年全省教育工作要点');
  });
});

describe('per-section counts and the Markdown summary', () => {
  const diff = fourteenSections();
  it('sections sort by their number (一…十四), old-only sections last', () => {
    const labels = countSections(diff, labelsFor('zh')).map((s) => s.label);
    expect(labels).toEqual([...NUMERALS.map((n) => `${n}、第${n}部分`), '15（旧版）']);
  });
  it('the Markdown summary counts moves', () => {
    const md = renderDiffReport(diff, 'md', { lang: 'en' });
    expect(md).toContain('| of which moved | 1 |');
    expect(md).toContain('2024 → 2025: 1 dropped, 1 reworded, 14 unchanged; 1 moved');
  });
  it('the headline leaves out kinds that did not occur', () => {
    expect(diffHeadline(diff, 'zh')).toBe('2024 → 2025：删除 1，改写 1，未变 14；移动 1');
  });
});
