import { describe, expect, it } from 'vitest';
import { matchChromeLine as matchChrome, matchChromeParagraph } from '../src/index.ts';

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
