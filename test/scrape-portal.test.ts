// Acceptance 3 of the scraper: the seed plan wrapped in a realistic GBK portal page (banner with
// today's date, navigation, breadcrumb, sidebar of other dated notices, dates in scripts, print/
// share bars, footer) cleans and parses to the same 43 tasks as the seed text, dated 2012-02-09.
// The fixture is made by test/fixtures/scrape/make-portal-seed.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { cleanPage, decodeBytes } from '../packages/scrape/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html');
const SOURCE = { sha256: '0'.repeat(64), encoding: 'gb18030' };

/** The numbered tasks (`1.` … `43.`): units without children that carry an Arabic number. */
function tasks(units: readonly Unit[]): { id: string; number: string; text: string }[] {
  return units.flatMap((u) =>
    u.children.length > 0
      ? tasks(u.children)
      : /^\d+[.．]$/.test(u.number)
        ? [{ id: u.id, number: u.number, text: u.text.replace(/\s+/g, '') }]
        : [],
  );
}

describe('portal page around the seed', () => {
  const bytes = readFileSync(FIXTURE);
  const decoded = decodeBytes(bytes);
  const page = cleanPage(decoded.text, 'http://jyj.luzhou.example.gov.cn/tzgg/201202/t20120209_99.html');

  it('is GBK and decodes from its <meta> charset', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect([decoded.encoding, decoded.encodingSource]).toEqual(['gb18030', 'meta']);
  });

  it('cleans to the notice and the plan, without the site around them', () => {
    expect(page.title).toBe('泸州市教育局关于印发《2012年全市教育工作要点》的通知');
    expect(page.date).toBe('2012-02-09');
    expect(page.docNumber).toBe('泸市教发〔2012〕5号');
    expect(page.issuer).toBe('泸州市教育局');
    expect(page.attachments).toEqual([
      { name: '2012年全市教育工作要点.doc', url: 'http://jyj.luzhou.example.gov.cn/uploads/2012/02/jygzyd2012.doc' },
    ]);
    expect(page.text.startsWith('各区、县教育局，各直属学校、直属单位，局机关各科室：\n')).toBe(true);
    expect(page.text.endsWith('重点工作目标任务圆满完成。')).toBe(true);
    for (const chrome of [
      '当前位置',
      '设为首页',
      '通知公告',
      '打印本页',
      '关闭窗口',
      '分享到',
      '上一篇',
      '友情链接',
      '版权所有',
      'ICP备',
      '网站地图',
      '星期一',
      '浏览次数',
    ])
      expect(page.text, chrome).not.toContain(chrome);
  });

  it('parses to the same 43 tasks as the seed text, dated 2012-02-09', () => {
    const seedText = readFileSync(join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt'), 'utf8');
    const fromSeed = tasks(normalizePlan(seedText, { source: SOURCE }).plan.units);
    const hints = { title: page.title ?? '', issuedOn: page.date ?? '' };
    const parsed = normalizePlan(page.text, { source: SOURCE, hints });
    const fromPage = tasks(parsed.plan.units);
    expect(fromSeed).toHaveLength(43);
    expect(fromPage.map((t) => t.number)).toEqual(fromSeed.map((t) => t.number));
    expect(fromPage).toEqual(fromSeed);
    expect(parsed.plan.units.map((u) => u.number)).toEqual([
      '一、',
      '二、',
      '三、',
      '四、',
      '五、',
      '六、',
      '七、',
      '八、',
    ]);
    expect(parsed.plan.issuedOn).toBe('2012-02-09');
  });
});
