import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import type { Change, Plan } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

// Item-level outcomes on year pairs other than the 2018→2019 development pair, decided by reading the
// reports (section 三, items （一）…), as a gold annotator would: a unit is linked where most of its
// content went; a split is a unit whose content went to two or more units on the other side.

const load = (year: number): Plan => {
  const path = join(ROOT, 'corpus', 'gwr', `${year}.txt`);
  return normalizePlan(readFileSync(path, 'utf8'), { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } })
    .plan;
};
/** The item heading without its marker and final 。. */
const head = (t: { heading: string; text: string }) =>
  (t.heading || t.text).replace(/^（[一二三四五六七八九十]+）/u, '').replace(/。$/u, '');
/** Changes touching the task items (section 三, depth 2, with paragraphs under them). */
const itemChanges = (changes: Change[]) =>
  changes.filter((c) => c.depth === 2 && [...c.from, ...c.to].some((t) => /^3\.\d+$/.test(t.id) && t.number !== ''));
const line = (c: Change) => `${c.kind}: ${c.from.map(head).join(' + ')} => ${c.to.map(head).join(' + ')}`;

describe('diffPlans on 2013 → 2014 (four broad items become nine narrower ones)', () => {
  const y2013 = load(2013);
  const y2014 = load(2014);
  const forward = itemChanges(diffPlans(y2013, y2014, { wording: false }).changes);
  const lines = forward.map(line);

  it('splits （四）改革开放 into the reform item and the opening-up item', () => {
    // 2013 （四）: 完善社会主义市场经济体制 (财税, 金融, 国企) → 2014 （一）; 开放型经济 → 2014 （二）.
    expect(lines).toContain(
      'split: 以更大的政治勇气和智慧，深入推进改革开放 => 推动重要领域改革取得新突破 + 开创高水平对外开放新局面',
    );
  });

  it('splits （二）农业农村 into agriculture and urbanisation, and （三）民生 into social programmes and livelihoods', () => {
    // 2013 （二）'s two paragraphs: 农业农村 → 2014 （四）; 城镇化 → 2014 （五）.
    expect(lines).toContain(
      'split: 强化农业农村发展基础，推动城乡发展一体化 => 促进农业现代化和农村改革发展 + 推进以人为核心的新型城镇化',
    );
    // 2013 （三）: 教育/医改/文化 → 2014 （七）; 就业/社保/住房 → 2014 （八）.
    expect(lines).toContain(
      'split: 以保障和改善民生为重点，全面提高人民物质文化生活水平 => 加强教育、卫生、文化等社会建设 + 统筹做好保障和改善民生工作',
    );
  });

  it('splits （一）转变发展方式 into domestic demand, innovation and structure, and ecology', () => {
    // 2013 （一）'s paragraphs: 扩大内需 and 区域 → 2014 （三）; 产业结构调整 → 2014 （六）; 生态文明 → 2014 （九）.
    const first = forward.find((c) => c.from.some((t) => head(t) === '加快转变经济发展方式，促进经济持续健康发展'));
    expect(first?.kind).toBe('split');
    expect(first?.to.map(head)).toEqual([
      '增强内需拉动经济的主引擎作用',
      '以创新支撑和引领经济结构优化升级',
      '努力建设生态文明的美好家园',
    ]);
  });

  it('leaves no task item of either year added or dropped, and reads the same backwards', () => {
    expect(forward.filter((c) => c.kind === 'added' || c.kind === 'dropped').map(line)).toEqual([]);
    const backward = itemChanges(diffPlans(y2014, y2013, { wording: false }).changes);
    const pairs = (cs: Change[], flip: boolean) =>
      cs.flatMap((c) => c.from.flatMap((f) => c.to.map((t) => (flip ? `${t.id}>${f.id}` : `${f.id}>${t.id}`)))).sort();
    expect(pairs(backward, true)).toEqual(pairs(forward, false));
    expect(backward.filter((c) => c.kind === 'merged')).toHaveLength(forward.filter((c) => c.kind === 'split').length);
  });
});

describe('diffPlans on 2024 → 2025 (the same ten items, reworded and one moved)', () => {
  it('links every task item one to one, by topic', () => {
    const lines = itemChanges(diffPlans(load(2024), load(2025), { wording: false }).changes)
      .filter((c) => c.from.length && c.to.length)
      .map(line);
    // Headings read from the two reports: each 2024 item has exactly one 2025 successor on the same topic.
    for (const [from, to] of [
      ['着力扩大国内需求，推动经济实现良性循环', '大力提振消费、提高投资效益，全方位扩大国内需求'],
      ['大力推进现代化产业体系建设，加快发展新质生产力', '因地制宜发展新质生产力，加快建设现代化产业体系'],
      ['深入实施科教兴国战略，强化高质量发展的基础支撑', '深入实施科教兴国战略，提升国家创新体系整体效能'],
      ['坚定不移深化改革，增强发展内生动力', '推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用'],
      ['扩大高水平对外开放，促进互利共赢', '扩大高水平对外开放，积极稳外贸稳外资'],
      ['更好统筹发展和安全，有效防范化解重点领域风险', '有效防范化解重点领域风险，牢牢守住不发生系统性风险底线'],
      ['坚持不懈抓好“三农”工作，扎实推进乡村全面振兴', '着力抓好“三农”工作，深入推进乡村全面振兴'],
      ['推动城乡融合和区域协调发展，大力优化经济布局', '推进新型城镇化和区域协调发展，进一步优化发展空间格局'],
      ['加强生态文明建设，推进绿色低碳发展', '协同推进降碳减污扩绿增长，加快经济社会发展全面绿色转型'],
      ['切实保障和改善民生，加强和创新社会治理', '加大保障和改善民生力度，提升社会治理效能'],
    ])
      expect(lines).toContain(`reworded: ${from} => ${to}`);
  });
});

/** The change holding the paragraph that starts with `start` on side A. */
const paragraphChange = (changes: Change[], start: string) =>
  changes.find((c) => c.from.some((t) => t.text.replace(/^\s+/u, '').startsWith(start)));
/** First sentences of a change's B units. */
const starts = (c: Change | undefined) => (c?.to ?? []).map((t) => t.text.replace(/^\s+/u, '').split('。')[0]);

describe('paragraph splits within split items', () => {
  // 2013's 扩大内需 paragraph is cut into 2014's 内需 / 消费 / 投资 paragraphs and its urbanisation paragraph
  // into four: each piece shares only 16–24% of its weighted bigrams with the 2013 whole, so it is the
  // neighbour context (a piece next to one already linked there) and the tf-aware coverage gain that join them.
  it('2013 → 2014: one long paragraph becomes the short paragraphs of the same topic', () => {
    const changes = diffPlans(load(2013), load(2014), { wording: false }).changes;
    // 2013: 扩大内需 … 消费的基础作用和投资的关键作用 (one paragraph) → 2014 （三）: 内需, 消费, 投资.
    const demand = paragraphChange(changes, '要坚定不移地把扩大内需作为经济发展的长期战略方针');
    expect(demand?.kind).toBe('split');
    expect(starts(demand)).toEqual([
      '扩大内需是经济增长的主要动力，也是重大的结构调整',
      '把消费作为扩大内需的主要着力点',
      '把投资作为稳定经济增长的关键',
    ]);
    // 2013: the one urbanisation paragraph → the four paragraphs of 2014 （五） 新型城镇化.
    const towns = paragraphChange(changes, '城镇化是我国现代化建设的历史任务');
    expect(towns?.kind).toBe('split');
    expect(starts(towns)).toHaveLength(4);
    expect(towns?.to.every((t) => t.id.startsWith('3.6.'))).toBe(true);
  });

  it('2024 → 2025: the risk paragraph splits into the local-debt and financial-risk paragraphs', () => {
    const changes = diffPlans(load(2024), load(2025), { wording: false }).changes;
    // 2024 稳妥有序处置风险隐患 covers 房地产, 地方政府债务 and 中小金融机构 risks; 2025 gives each a paragraph.
    const risk = paragraphChange(changes, '稳妥有序处置风险隐患');
    expect(risk?.kind).toBe('split');
    expect(starts(risk)).toEqual(['稳妥化解地方政府债务风险', '积极防范金融领域风险']);
  });
});

describe('diffPlans on 2018 → 2024', () => {
  it('keeps item changes apart: opening-up links to opening-up alone, not fused with another item', () => {
    const items = itemChanges(diffPlans(load(2018), load(2024), { wording: false }).changes);
    // 2018 （八）推动形成全面开放新格局 and 2024 （五）扩大高水平对外开放 are the one opening-up item of each
    // report; their intros once got linked to other items' intros, which fused four items into one change.
    const open = items.find((c) => c.from.some((t) => head(t) === '推动形成全面开放新格局'));
    expect(open?.from.map(head)).toEqual(['推动形成全面开放新格局']);
    expect(open?.to.map(head)).toEqual(['扩大高水平对外开放，促进互利共赢']);
    expect(items.filter((c) => c.from.length > 1 && c.to.length > 1).map(line)).toEqual([]);
  });
});
