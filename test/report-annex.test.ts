import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { computeFlows } from '../packages/report/src/flows.ts';
import { renderDiffReport } from '../packages/report/src/index.ts';
import { labelsFor } from '../packages/report/src/labels.ts';
import { countSections } from '../packages/report/src/sections.ts';

/** A small work report with a list of practical matters (附件1) and a glossary (附件2), for one year. */
const report = (year: number, roads: number, extra: string): string =>
  [
    `${year}年政府工作报告`,
    '一、过去一年工作回顾',
    '经济运行总体平稳，民生保障持续加强，各项事业取得新进展。',
    `二、${year}年重点工作`,
    '（一）扩大有效投资。推进重大项目建设，加快城市更新。',
    '（二）办好民生实事。落实十件民生实事，兜牢民生底线。',
    '附件1',
    `${year}年省十件民生实事`,
    '一、提升农村公路水平。',
    `新建和改造提升农村公路${roads}公里，提高通行能力。`,
    '二、提升养老服务。',
    '建设社区嵌入式养老服务设施，增加养老床位供给。',
    '附件2',
    '名词解释',
    '1.“四好农村路”：',
    '指建好、管好、护好、运营好农村公路。',
    extra,
  ].join('\n');

const plan = (year: number, roads: number, extra: string) =>
  normalizePlan(report(year, roads, extra), {
    source: { path: `gd-${year}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8' },
  }).plan;

describe('annex units in reports', () => {
  const a = plan(2025, 2000, '');
  const b = plan(2026, 2500, '2.“双一流”：\n指世界一流大学和一流学科。');
  const diff = diffPlans(a, b, { refA: 'gd@2025', refB: 'gd@2026' });

  it('the normalizer and the engine keep annexes apart from the body (what the reports rely on)', () => {
    expect(b.annexes?.map((x) => x.kind)).toEqual(['annex', 'glossary']);
    expect(diff.changes.some((c) => c.to.some((r) => r.id.startsWith('A1.')))).toBe(true);
  });

  it('counts each annex as its own section, after the body, named as an annex', () => {
    const zh = countSections(diff, labelsFor('zh'));
    const annexes = zh.filter((s) => s.key.startsWith('bA'));
    expect(annexes.map((s) => s.label)).toEqual(['附件1', '附件2']);
    expect(zh.slice(-2)).toEqual(annexes);
    expect(annexes[0]!.counts.reworded).toBeGreaterThan(0); // the road figure changed
    expect(annexes[1]!.counts.added).toBeGreaterThan(0); // a new glossary entry
    expect(
      countSections(diff, labelsFor('en'))
        .filter((s) => s.key.startsWith('bA'))
        .map((s) => s.label),
    ).toEqual(['Annex 1', 'Annex 2']);
  });

  it('names annexes in the Markdown and HTML section tables and in the Sankey nodes, never as bare ids', () => {
    const md = renderDiffReport(diff, 'md', { lang: 'zh' });
    expect(md).toMatch(/^\| 附件1 \|/m);
    expect(md).toMatch(/^\| 附件2 \|/m);
    expect(md).not.toMatch(/^\| A\d \|/m);
    expect(md).toMatch(/^### 附件1$/m); // the change list's group heading too
    expect(md).toContain('2000公里');
    const html = renderDiffReport(diff, 'html', { lang: 'en' });
    expect(html).toContain('Annex 1');
    const flows = computeFlows(diff, { added: '+', dropped: '-', annex: '附件{n}' });
    expect(flows.right.map((n) => n.label)).toEqual(expect.arrayContaining(['附件1', '附件2']));
    expect(flows.right.map((n) => n.label)).not.toContain('A1');
  });
});
