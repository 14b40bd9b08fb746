import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan, renderOutline } from '../packages/normalize/src/index.ts';
import { expectFixture } from './helpers/expect-fixture.ts';
import { ROOT } from './helpers/run-cli.ts';

/**
 * Ten provincial 2026 Government Work Reports exactly as scraped (test/fixtures/normalize/provincial-2026,
 * source and licence in its README) → expected/<file>.md, the outline the normalizer gives.
 * `UPDATE=1 npx vitest run test/normalize-provincial.test.ts` rewrites the outlines; review the diff.
 */
const DIR = join(ROOT, 'test', 'fixtures', 'normalize', 'provincial-2026');
const FILES = readdirSync(DIR)
  .filter((n) => n.endsWith('.txt'))
  .sort();
const SOURCES = new Map(
  readFileSync(join(DIR, 'SOURCES.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t'))
    .map(([file, province, year, , published]) => [
      file!,
      { province: province!, year: Number(year), published: published! },
    ]),
);
const cache = new Map<string, ReturnType<typeof normalizePlan>>();
const parse = (file: string) => {
  let result = cache.get(file);
  if (!result) {
    result = normalizePlan(readFileSync(join(DIR, file), 'utf8'), {
      source: { path: file, sha256: '0'.repeat(64), encoding: 'utf-8' },
    });
    cache.set(file, result);
  }
  return result;
};
const all = (units: readonly Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
const bodyTexts = (plan: Plan): string[] => [...plan.preamble.split('\n'), ...all(plan.units).map((u) => u.text)];

/** Page clutter as portals print it: tools, breadcrumbs, meta lines, trailers, captions, ids. */
const CLUTTER =
  /^(相关(报道|附件|文档|链接|新闻)|责任编辑|编辑[:：]|来源[:：]|（来源|时间[:：]|扫一扫|分享|打印|下载|全屏|收藏|【?字[号体]|您的位置|首页$|>$|×$|\|$|[0-9a-f]{16,})|本报记者.{0,12}摄|》》点击|^(加大|还原|减小|大|中|小|】)$/u;

/** Annexes each report prints after its body: label, and how many units each holds. */
const ANNEXES: Record<string, Array<[label: string, kind: string, units: number]>> = {
  '内蒙古自治区.txt': [['附件', 'annex', 10]],
  '四川省.txt': [['名词解释', 'glossary', 20]],
  '广东省.txt': [
    ['附件1', 'annex', 11],
    ['附件2', 'glossary', 13],
  ],
};

describe('provincial 2026 reports as scraped (issue 10)', () => {
  it('has the ten development files with their sources', () => {
    expect(FILES).toHaveLength(10);
    expect([...SOURCES.keys()].sort()).toEqual(FILES);
  });

  it.each(FILES)('%s: outline as expected', (file) => {
    const md = renderOutline(parse(file).plan);
    const path = join(DIR, 'expected', file.replace(/\.txt$/u, '.md'));
    expectFixture(md, path);
  });

  it.each(FILES)('%s: title, year, region, date and speaker from the front matter', (file) => {
    const { plan } = parse(file);
    const source = SOURCES.get(file)!;
    expect(plan.title).toContain('政府工作报告');
    expect(plan.year).toBe(source.year);
    expect(plan.region).toBe(source.province);
    // Delivered at the congress, before the page published it: the meeting date, not the page's.
    expect(plan.issuedOn! <= source.published).toBe(true);
    expect(plan.issuedOn!.startsWith('2026-0')).toBe(true);
    expect(plan.speaker).toMatch(/^[\u4e00-\u9fff]{2,3}$/u);
    expect(plan.preamble.startsWith('现在，我代表')).toBe(true);
  });

  it.each(FILES)('%s: no page clutter in the plan, each removal named by a rule', (file) => {
    const { plan, diagnostics } = parse(file);
    expect(bodyTexts(plan).filter((t) => CLUTTER.test(t))).toEqual([]);
    const last = plan.units[plan.units.length - 1]!;
    const lastText = all([last]).pop()!.text;
    expect(lastText).not.toBe(plan.title);
    const removed = diagnostics.filter((d) => /^(chrome|clutter)-/u.test(d.ruleId));
    const raw = readFileSync(join(DIR, file), 'utf8').split('\n');
    // Every clutter line the page printed is named by a diagnostic that covers its line.
    raw.forEach((line, i) => {
      if (!CLUTTER.test(line.trim())) return;
      const named = removed.some((d) => d.place!.line <= i + 1 && i + 1 <= (d.place!.endLine ?? d.place!.line));
      expect(named, `line ${i + 1}: ${line}`).toBe(true);
    });
    expect(removed.every((d) => d.place !== undefined && d.severity === 'info')).toBe(true);
    expect(diagnostics.filter((d) => d.ruleId === 'unaccounted-text')).toEqual([]);
  });

  it.each(FILES)('%s: annexes and glossaries apart from the body', (file) => {
    const { plan } = parse(file);
    const expected = ANNEXES[file] ?? [];
    expect((plan.annexes ?? []).map((a) => [a.label, a.kind, a.units.length])).toEqual(expected);
    expect(all(plan.units).filter((u) => /^(附件\s*\d*$|名词解释$)/u.test(u.text))).toEqual([]);
    for (const annex of plan.annexes ?? []) {
      expect(all(annex.units).every((u) => u.id.startsWith(`A${plan.annexes!.indexOf(annex) + 1}.`))).toBe(true);
    }
  });

  it('rejoins a sentence broken at bold spans (广东: “十五五”时期经济社会发展的 / 主要目标 / 是：…)', () => {
    const texts = all(parse('广东省.txt').plan.units).map((u) => u.text);
    expect(texts.some((t) => t.startsWith('“十五五”时期经济社会发展的主要目标是：地区生产总值'))).toBe(true);
    expect(texts).not.toContain('主要目标');
    expect(texts.some((t) => t.includes('以PM2.5浓度持续下降为主线'))).toBe(true);
  });

  it('joins topic sentences printed on their own line to their body (青海: 生态底色更加亮丽。)', () => {
    const units = all(parse('青海省.txt').plan.units);
    const topic = units.find((u) => u.heading === '生态底色更加亮丽')!;
    expect(topic.text.startsWith('生态底色更加亮丽。始终坚持生态优先')).toBe(true);
  });
});
