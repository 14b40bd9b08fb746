import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { computeFlows } from '../packages/report/src/flows.ts';
import { renderDiffDocx, renderDiffReport } from '../packages/report/src/index.ts';
import { labelsFor } from '../packages/report/src/labels.ts';
import { countSections } from '../packages/report/src/sections.ts';
import { paragraphText, readParagraphs, unzipDocx } from './helpers/docx.ts';

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

  it('counts each annex as its own section, after the body, named as an annex with its own title', () => {
    const zh = countSections(diff, labelsFor('zh'));
    const annexes = zh.filter((s) => s.key.startsWith('bA'));
    expect(annexes.map((s) => s.label)).toEqual(['附件1 2026年省十件民生实事', '附件2 名词解释']);
    expect(zh.slice(-2)).toEqual(annexes);
    expect(annexes[0]!.counts.reworded).toBeGreaterThan(0); // the road figure changed
    expect(annexes[1]!.counts.added).toBeGreaterThan(0); // a new glossary entry
    expect(
      countSections(diff, labelsFor('en'))
        .filter((s) => s.key.startsWith('bA'))
        .map((s) => s.label),
    ).toEqual(['Annex 1 2026年省十件民生实事', 'Annex 2 名词解释']);
    // Each side is named by its own plan's annex titles (the old list was 2025's).
    expect(countSections(diffPlans(b, a), labelsFor('zh')).find((s) => s.key === 'bA1')?.label).toBe(
      '附件1 2025年省十件民生实事',
    );
  });

  it('carries the annex titles in the JSON and names an untitled annex by its number only', () => {
    const json = JSON.parse(renderDiffReport(diff, 'json', { lang: 'zh' })) as { b: { annexes?: unknown } };
    expect(json.b.annexes).toEqual([
      { label: '附件1', title: '2026年省十件民生实事' },
      { label: '附件2', title: '名词解释' },
    ]);
    const bare = { ...diff, b: { ...diff.b, annexes: [{ label: '附件1', title: '附件1' }] } };
    const labels = countSections(bare, labelsFor('zh')).filter((s) => s.key.startsWith('bA'));
    expect(labels.map((s) => s.label)).toEqual(['附件1', '附件2']);
  });

  it('puts each annex heading with its title before its tasks in the Word document, once', async () => {
    const files = unzipDocx(await renderDiffDocx(diff, { lang: 'zh', date: new Date('2026-01-01T00:00:00Z') }));
    const lines = readParagraphs(files['word/document.xml']!).map((p) => paragraphText(p, 'accept'));
    const first = lines.indexOf('附件1 2026年省十件民生实事');
    expect(first).toBeGreaterThan(lines.findIndex((t) => t.includes('办好民生实事')));
    expect(lines.indexOf('附件1 2026年省十件民生实事', first + 1)).toBe(-1);
    expect(lines.slice(first + 1).some((t) => t.includes('提升农村公路水平'))).toBe(true);
    expect(lines.indexOf('附件2 名词解释')).toBeGreaterThan(first);
  });

  it('names annexes in the Markdown and HTML section tables and in the Sankey nodes, never as bare ids', () => {
    const md = renderDiffReport(diff, 'md', { lang: 'zh' });
    expect(md).toMatch(/^\| 附件1 2026年省十件民生实事 \|/m);
    expect(md).toMatch(/^\| 附件2 名词解释 \|/m);
    expect(md).not.toMatch(/^\| A\d \|/m);
    expect(md).toMatch(/^### 附件1 2026年省十件民生实事$/m); // the change list's group heading too
    expect(md).toContain('2000公里');
    const html = renderDiffReport(diff, 'html', { lang: 'en' });
    expect(html).toContain('Annex 1 2026年省十件民生实事');
    expect(html).toContain('Annex 2 名词解释');
    const flows = computeFlows(diff, { added: '+', dropped: '-', annex: '附件{n}' });
    expect(flows.right.map((n) => n.label)).toEqual(
      expect.arrayContaining(['附件1 2026年省十件民生实事', '附件2 名词解释']),
    );
    expect(flows.right.map((n) => n.label)).not.toContain('A1');
  });
});
