import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { foldVariants, normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

/**
 * The same document from a second source (issue 10, points 5, 7, 8): hard-wrapped as text copied
 * from a PDF, headings laid out differently, traditional instead of simplified characters. Each
 * pair must parse to the same tree and diff as unchanged.
 */
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const parse = (text: string, path = 'input.txt') =>
  normalizePlan(text, { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } });
const all = (units: readonly Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
const changed = (a: Plan, b: Plan) => diffPlans(a, b).changes.filter((c) => c.kind !== 'unchanged' || c.moved);
/** Without the wiki licence notice after a shipped report (chrome of the first source only). */
const report = (year: number) => {
  const text = read(`corpus/gwr/${year}.txt`);
  const end = text.indexOf('本作品是中华人民共和国的');
  return end > 0 ? text.slice(0, end) : text;
};
/** Every line cut into lines of `width` characters, as a PDF copy or a plain-text mirror prints it. */
const wrap = (text: string, width: number) =>
  text
    .split('\n')
    .map((line) => line.match(new RegExp(`.{1,${width}}`, 'gu'))?.join('\n') ?? line)
    .join('\n');
const shape = (plan: Plan) => all(plan.units).map((u) => `${u.id} ${u.number}${u.heading}`);

describe('hard-wrapped text is rejoined', () => {
  const seed = read('seeds/000_4d3ac6cf14e30664.txt');

  it('the seed wrapped at 30 characters a line gives the seed’s 8 sections, 43 tasks and title', () => {
    const wrapped = wrap(seed, 30);
    expect(wrapped.split('\n').length).toBeGreaterThan(200);
    const a = parse(seed).plan;
    const b = parse(wrapped).plan;
    expect(b.title).toBe('2012年全市教育工作要点');
    expect(b.units).toHaveLength(8);
    expect(b.units.flatMap((u) => u.children)).toHaveLength(43);
    expect(shape(b)).toEqual(shape(a));
    expect(b.year).toBe(2012);
    expect(changed(a, b)).toEqual([]);
  });

  // A paragraph whose last line fills the width exactly looks wrapped and joins the next: rare (about
  // one paragraph in the width), so nearly every unit of a wrapped report comes out unchanged.
  it('the ten provincial reports wrapped at 30 characters: at least 97% of their units unchanged', () => {
    let total = 0;
    let same = 0;
    for (const name of [
      '云南省',
      '内蒙古自治区',
      '北京市',
      '吉林省',
      '四川省',
      '广东省',
      '江苏省',
      '湖北省',
      '福建省',
      '青海省',
    ]) {
      const text = read(`test/fixtures/normalize/provincial-2026/${name}.txt`);
      const a = parse(text).plan;
      const b = parse(wrap(text, 30)).plan;
      expect(b.title).toBe(a.title);
      const d = diffPlans(a, b, { wording: false });
      total += d.changes.length;
      same += d.changes.filter((c) => c.kind === 'unchanged' && !c.moved).length;
    }
    expect(same / total).toBeGreaterThanOrEqual(0.97);
  });

  it('江苏 wrapped at 30 characters diffs as unchanged against itself', () => {
    const text = read('test/fixtures/normalize/provincial-2026/江苏省.txt');
    const a = parse(text).plan;
    const b = parse(wrap(text, 30)).plan;
    expect(shape(b)).toEqual(shape(a));
    expect(changed(a, b)).toEqual([]);
  });
});

describe('traditional and simplified characters compare as equal (opencc)', () => {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

  it('1957 converted to traditional diffs as unchanged against the shipped simplified text', () => {
    const text = report(1957);
    const traditional = toTraditional(text);
    expect(traditional).not.toBe(text);
    const a = parse(text).plan;
    const b = parse(traditional).plan;
    expect(shape(b).length).toBe(shape(a).length);
    const d = diffPlans(a, b);
    // OpenCC's simplified-to-traditional phrases also normalise a few words (好象 → 好像); character
    // folds cannot undo those, so at most 1% of the units may differ, and then by a character.
    const differing = d.changes.filter((c) => c.kind !== 'unchanged' || c.moved);
    expect(differing.length).toBeLessThanOrEqual(Math.ceil(d.changes.length / 100));
    expect(differing.every((c) => c.kind === 'reworded' && c.similarity >= 0.99)).toBe(true);
    expect(d.changes.length).toBeGreaterThan(100);
  });

  it('the shipped traditional 1954 diffs as unchanged against its simplified copy', () => {
    const text = report(1954);
    const a = parse(text).plan;
    const b = parse(toSimplified(text)).plan;
    expect(a.units.length).toBeGreaterThan(20);
    expect(changed(a, b)).toEqual([]);
  });

  it('folds 要點 to 要点 and reads a traditional title', () => {
    expect(foldVariants('工作要點與計劃')).toBe('工作要点与计划');
    const { plan } = parse(
      '二〇一九年全市教育工作要點\n一、加強黨的建設\n全面落實從嚴治黨主體責任。\n二、推進均衡發展',
    );
    expect(plan).toMatchObject({ title: '二〇一九年全市教育工作要點', year: 2019 });
  });
});

describe('headings laid out by a second source', () => {
  it('1983 with its heading lines indented like paragraphs and glued to them keeps its sections', () => {
    const text = report(1983);
    // Each heading line printed with the paragraph indent and no blank line before its first paragraph.
    const heading = /^(过去五年的回顾|今后五年的主要任务|结束语)$/u;
    const lines = text.split('\n');
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (heading.test(line)) {
        out.push(`\u3000\u3000${line}`);
        while (i + 1 < lines.length && lines[i + 1]!.trim() === '') i++;
        continue;
      }
      out.push(lines[i]!);
    }
    const b = parse(out.join('\n')).plan;
    const a = parse(text).plan;
    expect(b.units.map((u) => u.heading)).toEqual(a.units.map((u) => u.heading));
    expect(b.preamble).toBe(a.preamble);
    expect(changed(a, b)).toEqual([]);
  });

  it('1960 numbers its parts with bare 一 … 四 lines: four parts, not refused', () => {
    const { plan, diagnostics } = parse(report(1960));
    expect(plan.units.map((u) => u.number)).toEqual(['一', '二', '三', '四']);
    expect(plan.units.every((u) => u.children.length > 0)).toBe(true);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('bare numeral lines with the heading on the next line, or after a space, read the same', () => {
    const body = '过去一年，我们做了大量工作，成绩显著。';
    const own = parse(`各位代表：\n现在，我作报告。\n一\n过去一年的工作\n${body}\n二\n今年的任务\n${body}`).plan;
    const spaced = parse(`各位代表：\n现在，我作报告。\n一　过去一年的工作\n${body}\n二　今年的任务\n${body}`).plan;
    expect(own.units.map((u) => [u.number, u.heading])).toEqual([
      ['一', '过去一年的工作'],
      ['二', '今年的任务'],
    ]);
    expect(spaced.units.map((u) => [u.number, u.heading])).toEqual(own.units.map((u) => [u.number, u.heading]));
  });

  it('1954 and 1975 print no numbering at all: headed paragraphs instead of a refusal', () => {
    for (const year of [1954, 1975]) {
      const { plan, diagnostics } = parse(report(year));
      expect(plan.units.length).toBeGreaterThan(20);
      expect(plan.units.every((u) => u.number === '' && u.heading !== '' && u.depth === 1)).toBe(true);
      expect(diagnostics.some((d) => d.ruleId === 'no-numbering')).toBe(true);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('2002 opens its body with a heading line: that section is a unit, not preamble', () => {
    const { plan } = parse(report(2002));
    expect(plan.units[0]!.text).toBe('首先报告２００１年的工作');
    expect(plan.units[0]!.children.length).toBeGreaterThan(5);
    expect(plan.preamble).toBe('现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协各位委员提出意见。');
  });

  it('lines holding only zero-width or whitespace characters are ignored (2017, 2021)', () => {
    for (const year of [2017, 2021]) {
      const text = report(year);
      const noisy = text.replace(/\n\n/gu, '\n\u200b\n\u2060\n\ufeff\n');
      const a = parse(text).plan;
      const b = parse(noisy).plan;
      expect(shape(b)).toEqual(shape(a));
      expect(all(b.units).some((u) => /^[\s\u200b\u2060\ufeff]*$/u.test(u.text))).toBe(false);
    }
  });
});

describe('the year a report is about', () => {
  it('2000 reviews 1999 in its first heading but is the 2000 report, also without a file year', () => {
    expect(parse(report(2000), 'site-b/report.txt').plan.year).toBe(2000);
  });

  it('full-width and Chinese-numeral years are read', () => {
    expect(parse('２０１５年全县农业工作要点\n一、稳定粮食生产\n二、发展特色产业').plan.year).toBe(2015);
    expect(parse('二〇一五年全县农业工作要点\n一、稳定粮食生产\n二、发展特色产业').plan.year).toBe(2015);
  });
});
