import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanSchema, type Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

const SEED = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
const bytes = readFileSync(SEED);
const text = bytes.toString('utf8');
const source = {
  path: 'seeds/000_4d3ac6cf14e30664.txt',
  sha256: createHash('sha256').update(bytes).digest('hex'),
  encoding: 'utf-8',
};
const { plan, diagnostics } = normalizePlan(text, { source });

/** The 43 task headings, copied from the seed as printed (text after `N.` up to the first `。`). */
const TASKS = [
  '深入学习贯彻党的十七届六中全会精神',
  '进一步加强中小学德育工作',
  '加强校园文化建设',
  '加强语言文字工作',
  '加强教育交流与合作',
  '深入学习贯彻市第七次党代会精神',
  '积极推动“两个加快”',
  '大力实施素质教育',
  '积极促进教育均衡发展',
  '全面推进课堂教学改革',
  '加强招生考试管理工作',
  '促进民办教育规范健康快速发展',
  '大力实施学前教育建设工程',
  '巩固提高“两基”国检成果',
  '大力发展初中阶段教育',
  '做强普通高中教育',
  '加快发展城区义务教育和学前教育',
  '加强教育督导工作',
  '推进教育信息化建设',
  '加强教科研工作',
  '加强职业学校基础能力建设',
  '加快职业教育集团建设进程',
  '组织实施“9+3免费教育计划',
  '推进职业教育与产业发展紧密结合',
  '积极为省属在泸高校发展提供服务',
  '支持和帮助四川三河职业学院改进教育教学管理,促进学院逐步迈入良性发展轨道',
  '支持和帮助泸州职业技术学院做好“省级示范职业院校”建设工作',
  '加强教师队伍思想政治和职业道德建设',
  '加强教师队伍管理',
  '加强中小学校长队伍建设',
  '推进教师素质提升计划',
  '加强职业学校“双师型”教师培养培训',
  '实施家庭经济困难学生资助计划',
  '继续实施义务教育学校标准化建设',
  '实施农村留守儿童寄宿制学校建设工程',
  '加强和改进教育系统党建工作',
  '抓好教育系统党风廉政建设和行风建设',
  '加强教育宣传工作',
  '加强学校安全稳定工作',
  '加强学校后勤管理',
  '加强教育系统法制建设',
  '加强机关自身建设',
  '强化督查督办工作',
];
/** Tasks per section, counted in the seed (1–5, 6–12, 13–20, 21–24, 25–27, 28–32, 33–35, 36–43). */
const PER_SECTION = [5, 7, 8, 4, 3, 5, 3, 8];

describe('the 2012 Luzhou seed (acceptance 1)', () => {
  it('is a valid plan record', () => {
    expect(() => PlanSchema.parse(plan)).not.toThrow();
  });

  it('has 8 sections and 43 tasks with the printed topic sentences as headings', () => {
    expect(plan.units.map((u) => u.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']);
    expect(plan.units.map((u) => u.children.length)).toEqual(PER_SECTION);
    const tasks = plan.units.flatMap((u) => u.children);
    expect(tasks.map((t) => t.heading)).toEqual(TASKS);
    expect(tasks.map((t) => t.number)).toEqual(TASKS.map((_, i) => `${i + 1}.`));
    expect(tasks.map((t) => t.ordinal)).toEqual(TASKS.map((_, i) => i + 1));
    expect(tasks.every((t) => t.depth === 2 && t.children.length === 0)).toBe(true);
    expect(plan.units[0]!.heading).toBe(
      '深入学习贯彻党的十七届六中全会精神,精心打造校园文化,着力提升教育系统文化建设工作水平',
    );
  });

  it('keeps each task text as printed, marker included, and nothing of the next task', () => {
    const first = plan.units[0]!.children[0]!;
    expect(first.id).toBe('1.1');
    expect(first.text.startsWith('1.深入学习贯彻党的十七届六中全会精神。进一步开展专题宣讲')).toBe(true);
    expect(first.text.endsWith('增强教育服务文化大繁荣大发展的主动性、积极性。')).toBe(true);
    const last = plan.units[7]!.children[7]!;
    expect(last.id).toBe('8.8');
    expect(last.text).toBe(
      '43.强化督查督办工作。进一步加强机关行政效能建设,严格目标管理,完善绩效考核,努力提高服务质量。加大督查督办力度,加强重点工作督查指导,确保重大决策部署全面落实、重点工作目标任务圆满完成。',
    );
  });

  it('does not split on numbers that are not list markers', () => {
    const all = (units: Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
    const texts = all(plan.units)
      .map((u) => u.text)
      .join('\n');
    for (const inside of ['“9+3学校', '“5.11安全大演练', '(泸委办发〔2011〕5号)', '第32届全国最佳邮票']) {
      expect(texts).toContain(inside);
    }
  });

  it('reads title, year, date and region from the text', () => {
    expect(plan.title).toBe('2012年全市教育工作要点');
    expect(plan.year).toBe(2012);
    expect(plan.issuedOn).toBe('2012-02-09');
    expect(plan.region).toBe('泸州市');
    expect(plan.attachments).toEqual(['2012年全市教育工作要点']);
  });

  it('keeps the cover notice once, apart from the preamble', () => {
    expect(plan.notice?.recipients).toBe('各区、县教育局,各直属学校、直属单位,局机关各科室');
    expect(plan.notice?.body.startsWith('现将《2012年全市教育工作要点》印发你们')).toBe(true);
    expect(plan.notice?.date).toBe('2012-02-09');
    expect(plan.preamble.startsWith('2012年是泸州教育')).toBe(true);
    expect(plan.preamble.endsWith('以优异成绩迎接党的十八大胜利召开。')).toBe(true);
    const json = JSON.stringify(plan);
    expect(json.split('现将《2012年全市教育工作要点》印发你们').length - 1).toBe(1);
    expect(diagnostics.filter((d) => d.ruleId === 'duplicate-notice')).toHaveLength(1);
  });

  it('leaves no page chrome anywhere in the output, and says what it removed', () => {
    const json = JSON.stringify(plan);
    for (const chrome of ['欢迎光临', '当前位置', '友情链接', '国家高技能人才网', '高技能人才网', '公文公告']) {
      expect(json).not.toContain(chrome);
    }
    expect(diagnostics.filter((d) => d.ruleId.startsWith('chrome-')).length).toBeGreaterThanOrEqual(3);
  });

  it('reports the unbalanced quotes the page really has, and no errors', () => {
    const quotes = diagnostics.filter((d) => d.ruleId === 'unbalanced-quote').map((d) => d.reason);
    expect(quotes.some((r) => r.includes('23.'))).toBe(true);
    expect(quotes.some((r) => r.includes('39.'))).toBe(true);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('finds the figures with their measure words, and not years or list numbers', () => {
    const all = (units: Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
    const figures = all(plan.units).flatMap((u) => u.figures);
    // The seed's only measured numbers: 每天1小时, 16所试点, 20所公办幼儿园, 用3年时间.
    expect(figures.map((f) => f.text).sort()).toEqual(['16所', '1小时', '20所', '3年']);
    const schools = figures.find((f) => f.text === '20所')!;
    expect(schools).toMatchObject({ value: 20, unit: '所' });
    expect(schools.context).toContain('20所公办幼儿园');
  });
});
