import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Plan, PlanSchema, type Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

const GWR = join(ROOT, 'corpus', 'gwr');
const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };
const cache = new Map<number, ReturnType<typeof normalizePlan>>();
function parse(year: number): ReturnType<typeof normalizePlan> {
  let result = cache.get(year);
  if (!result) {
    const path = join(GWR, `${year}.txt`);
    result = normalizePlan(readFileSync(path, 'utf8'), { source: { ...source, path: `corpus/gwr/${year}.txt` } });
    cache.set(year, result);
  }
  return result;
}
const all = (units: Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
/** The task section: the top section whose heading names this year's work (三、 in these years). */
const taskSection = (plan: Plan): Unit => plan.units.find((u) => u.number === '三、')!;

const YEARS = readdirSync(GWR)
  .map((name) => /^(\d{4})\.txt$/.exec(name)?.[1])
  .filter((y): y is string => y !== undefined)
  .map(Number);

describe('Government Work Reports (acceptance 2)', () => {
  it.each(YEARS.filter((y) => y >= 1978))('%i parses without errors into a valid tree', (year) => {
    const { plan, diagnostics } = parse(year);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan.units.length).toBeGreaterThan(0);
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    const units = all(plan.units);
    expect(units.every((u) => u.text.trim() === u.text && u.text !== '')).toBe(true);
    expect(units.some((u) => /^[各位代表同志们]+[！!：:]$/u.test(u.text))).toBe(false);
    const json = JSON.stringify(plan);
    for (const chrome of ['Public domain', '维基文库', '本作品是中华人民共和国']) expect(json).not.toContain(chrome);
  });

  it.each([
    [2013, 4],
    [2014, 9],
    [2018, 9],
    [2019, 10],
    [2024, 10],
    [2025, 10],
  ])('%i: the task section 三、 has %i numbered items, each with its paragraphs as children', (year, count) => {
    const section = taskSection(parse(year).plan);
    const items = section.children.filter((u) => u.number !== '');
    expect(items).toHaveLength(count);
    items.forEach((item, i) => {
      expect(item.ordinal).toBe(i + 1);
      expect(item.number).toMatch(/^（[一二三四五六七八九十]+）$/u);
      expect(item.depth).toBe(2);
      expect(item.children.length).toBeGreaterThan(0);
      for (const child of item.children) {
        expect(child).toMatchObject({ depth: 3, number: '', ordinal: 0, children: [] });
      }
    });
  });

  it('2013/2014/2019: the （N） heading is its own paragraph; 2018/2024/2025: heading and intro share one', () => {
    const first = (year: number): Unit => taskSection(parse(year).plan).children.find((u) => u.number !== '')!;
    expect(first(2019).text).toBe('（一）继续创新和完善宏观调控，确保经济运行在合理区间。');
    expect(first(2019).heading).toBe('继续创新和完善宏观调控，确保经济运行在合理区间');
    expect(first(2014).text).toBe('（一）推动重要领域改革取得新突破。');
    expect(first(2013).text).toBe('（一）加快转变经济发展方式，促进经济持续健康发展。');
    expect(first(2018).text.startsWith('（一）深入推进供给侧结构性改革。坚持')).toBe(true);
    expect(first(2018).heading).toBe('深入推进供给侧结构性改革');
    expect(first(2025).heading).toBe('大力提振消费、提高投资效益，全方位扩大国内需求');
    expect(first(2025).children.map((c) => c.heading)).toEqual(['实施提振消费专项行动', '积极扩大有效投资']);
  });

  it('paragraphs before the first item are unnumbered units of the section', () => {
    const intro = taskSection(parse(2019).plan).children[0]!;
    expect(intro).toMatchObject({ id: '3.1', depth: 2, number: '', heading: '今年经济社会发展任务重、挑战多、要求高' });
  });

  it('a salutation (各位代表！) ends the last item: what follows belongs to the section', () => {
    for (const year of [2019, 2024]) {
      const section = taskSection(parse(year).plan);
      const items = section.children.filter((u) => u.number !== '');
      const last = items[items.length - 1]!;
      const after = section.children.slice(section.children.indexOf(last) + 1);
      expect(after.length).toBeGreaterThan(3);
      expect(after.every((u) => u.number === '' && u.depth === 2)).toBe(true);
    }
    const ten2024 = taskSection(parse(2024).plan).children.find((u) => u.number === '（十）')!;
    expect(ten2024.children.map((c) => c.heading)).toEqual([
      '多措并举稳就业促增收',
      '提高医疗卫生服务能力',
      '加强社会保障和服务',
      '丰富人民群众精神文化生活',
      '维护国家安全和社会稳定',
    ]);
    // 2019's （十） opens with a non-topic paragraph; the rule only ends an item after its topic paragraphs begin.
    const ten2019 = taskSection(parse(2019).plan).children.find((u) => u.number === '（十）')!;
    expect(ten2019.children[0]!.heading).toBe('今年财政收支平衡压力加大，但基本民生投入确保只增不减');
    expect(ten2019.children).toHaveLength(6);
  });

  it('2025 has no 各位代表！ separators: the last item ends at the first paragraph that is not a topic paragraph', () => {
    const section = taskSection(parse(2025).plan);
    const ten = section.children.find((u) => u.number === '（十）')!;
    expect(ten.children.map((c) => c.heading)).toEqual([
      '更大力度稳定和扩大就业',
      '强化基本医疗卫生服务',
      '完善社会保障和服务政策',
      '加强精神文明建设',
      '维护国家安全和社会稳定',
    ]);
    const after = section.children.slice(section.children.indexOf(ten) + 1);
    expect(after[0]!.heading).toBe('今年将开展“十五五”规划编制工作');
    expect(after[1]!.heading).toBe('应对新挑战、完成新任务，对政府工作提出新的更高要求');
    expect(after.map((u) => u.heading)).toContain('加强法治政府建设');
    expect(after.every((u) => u.depth === 2 && u.number === '')).toBe(true);
  });

  it('the rule leaves task paragraphs that merely have a comma in their item (2016, 2005)', () => {
    const find = (year: number, number: string, heading: string): Unit =>
      all(parse(year).plan.units).find((u) => u.number === number && u.heading.startsWith(heading))!;
    expect(find(2016, '（八）', '加强政府自身建设').children.map((c) => c.heading)).toEqual([
      '重任千钧惟担当',
      '坚持依法履职，把政府活动全面纳入法治轨道',
      '坚持廉洁履职，深入推进反腐倡廉',
      '坚持勤勉履职，提高执行力和公信力',
      '上下同欲者胜',
    ]);
    const west = find(2005, '（四）', '积极推动区域协调发展').children.map((c) => c.heading);
    expect(west).toHaveLength(6);
    expect(west[4]).toBe('东部地区加快发展，有利于增强国家实力和竞争力，也有利于支持和带动其他地区发展');
  });

  it('repairs layout: PM2.5 broken over lines, full-width indents, whitespace-only lines', () => {
    const texts2019 = all(parse(2019).plan.units).map((u) => u.text);
    expect(texts2019.some((t) => t.includes('PM2.5'))).toBe(true);
    expect(texts2019.some((t) => /PM\s|PM$/u.test(t))).toBe(false);
    const texts2014 = all(parse(2014).plan.units).map((u) => u.text);
    expect(texts2014.some((t) => t.includes('PM2.5'))).toBe(true);
    const texts2013 = all(parse(2013).plan.units).map((u) => u.text);
    expect(texts2013.some((t) => /^[\s\u3000]/u.test(t))).toBe(false);
    const plan2024 = parse(2024).plan;
    expect(plan2024.units.map((u) => u.number)).toEqual(['一、', '二、', '三、']);
    expect(all(plan2024.units).some((u) => u.text.includes('\u2003'))).toBe(false);
  });

  it('reads the title block of recent reports: title, date line, issuer', () => {
    const { plan } = parse(2024);
    expect(plan).toMatchObject({ title: '政府工作报告', issuedOn: '2024-03-05', issuer: '国务院', year: 2024 });
    expect(plan.preamble.startsWith('现在，我代表国务院，向大会报告政府工作')).toBe(true);
    expect(plan.region).toBeUndefined();
  });

  it('1980s reports with unnumbered part headings nest their numbered lists under them', () => {
    const { plan } = parse(1988);
    expect(plan.units.map((u) => u.heading)).toEqual([
      '过去五年国内工作的基本总结',
      '今后五年建设和改革的目标、方针和任务',
      '关于外交工作',
      '结束语',
    ]);
    const second = plan.units[1]!.children.filter((u) => u.number !== '');
    expect(second.map((u) => u.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
