import { describe, expect, it } from 'vitest';
import { matchChromeLine as matchChrome, matchChromeParagraph, matchChromeRun } from '../src/index.ts';

describe('page chrome', () => {
  it.each([
    '欢迎光临高技能人才网-最权威的高技能人才培训基地!',
    '当前位置:首页 > 公文公告',
    '您的位置：首页 » 政务公开',
    '友情链接',
    '字体：大 中 小',
    '字号：【大】【中】【小】',
    '打印本页',
    '【打印本页】 【关闭窗口】',
    '分享到：微信 微博 QQ空间',
    '版权所有：某市人民政府 蜀ICP备05001234号',
    'Copyright © 2012 某某网',
    '----国家高技能人才网',
    '浏览次数：1234',
  ])('%s is chrome', (line) => {
    expect(matchChrome(line)).toBeDefined();
  });

  it.each([
    '关闭一批落后小煤矿，淘汰落后产能。',
    '打印机等办公设备集中采购。',
    '——2024年3月5日在第十四届全国人民代表大会第二次会议上',
    '一、加强版权保护',
    '## 1.版权所有权的保护',
  ])('%s is not chrome', (line) => {
    expect(matchChrome(line)).toBeUndefined();
  });

  it('drops licence notices and hosting-site notes as whole paragraphs', () => {
    expect(matchChromeParagraph('本作品是中华人民共和国的法律、法规……属于公有领域。')?.ruleId).toBe('chrome-license');
    expect(matchChromeParagraph('注：中文维基文库社群认为，中华人民共和国公务演讲，不总是具有立法性质。')?.ruleId).toBe(
      'chrome-site-note',
    );
    expect(matchChromeParagraph('Public domainPublic domainfalsefalse')).toBeDefined();
    expect(matchChromeParagraph('加强知识产权保护，完善著作权登记制度。')).toBeUndefined();
  });
});

describe('page chrome as other portals print it', () => {
  it.each([
    ['下载', 'chrome-tools'],
    ['全屏', 'chrome-tools'],
    ['【我要打印】【关闭窗口】', 'chrome-tools'],
    ['无障碍 | 适老化 | 繁体', 'chrome-tools'],
    ['×', 'chrome-tools'],
    ['您现在的位置：首页 > 政务公开', 'chrome-breadcrumb'],
    ['【字号：', 'chrome-font'],
    ['来源：内蒙古日报', 'chrome-meta'],
    ['（来源：青海日报）', 'chrome-meta'],
    ['编辑：何继红', 'chrome-meta'],
    ['【责任编辑：李四】', 'chrome-meta'],
    ['作者：县政府办公室　　浏览次数：1024', 'chrome-meta'],
    ['发布时间：2024-01-20 09:30 来源：县政府办公室', 'chrome-meta'],
    ['2026-02-03 09:02:33', 'chrome-timestamp'],
    ['2026年02月10日 07时41分', 'chrome-timestamp'],
    ['殷勇同志作政府工作报告。本报记者 戴冰摄', 'chrome-photo'],
    ['扫一扫在手机打开当前页', 'chrome-qrcode'],
    ['分享到微信', 'chrome-share'],
    ['相关报道：', 'chrome-links'],
    ['相关附件>>', 'chrome-links'],
    ['上一篇：某某县召开经济工作会议', 'chrome-links'],
    ['》》点击图片进入专题《《', 'chrome-promo'],
    ['abcd39f1fb7f426d9dfb6bd0fa1f2146:', 'chrome-id'],
    ['网站标识码：1234000001', 'chrome-footer'],
  ])('%s → %s', (line, ruleId) => {
    expect(matchChrome(line)?.ruleId).toBe(ruleId);
  });

  it.each([
    '时间：2012年3月5日上午9时',
    '分享发展成果，增进民生福祉。',
    '下载量大幅增长的应用软件纳入监管。',
    '2026年政府工作报告',
    '一、来源于群众的意见建议',
    '中',
  ])('%s is not chrome in the body', (line) => {
    expect(matchChrome(line, false)).toBeUndefined();
  });

  it('reads a font switch or breadcrumb printed one word a line as one run', () => {
    const lines = ['【字号：', '加大', '还原', '减小', '】', '2026年北京市政府工作报告'];
    expect(matchChromeRun(lines, 0)).toMatchObject({ rule: { ruleId: 'chrome-font' }, lines: [0, 1, 2, 3, 4] });
    const crumbs = ['您的位置:', '首页', '>', '云南要闻', '云南要闻', '2026年政府工作报告'];
    expect(matchChromeRun(crumbs, 0)?.lines).toEqual([0, 1, 2, 3, 4]);
    expect(matchChromeRun(['来源:', '四川日报', '【字体：'], 0)?.lines).toEqual([0, 1]);
  });
});
