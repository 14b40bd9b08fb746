import { describe, expect, it } from 'vitest';
import {
  FURNITURE_ELEMENT_RULES,
  firstMatch,
  TITLE_BADGE,
  WEB_CHROME_OPENERS,
  WEB_CHROME_RULES,
} from '../src/index.ts';

const rule = (line: string) => firstMatch([...WEB_CHROME_OPENERS, ...WEB_CHROME_RULES], line)?.ruleId;

describe('web page chrome rules', () => {
  it.each([
    ['首页 - 新闻动态', 'web-breadcrumb'],
    ['当前位置：首页 > 通知公告', 'web-breadcrumb'],
    ['责任编辑：张敏', 'web-editor'],
    ['校对：王强', 'web-editor'],
    ['扫描二维码', 'web-share'],
    ['点在看', 'web-share'],
    ['下一页', 'web-pager'],
    ['相关推荐 换一换', 'web-related'],
    ['12条评论', 'web-related'],
    ['声明：本文转自泸州日报，版权归原作者所有。', 'web-footer'],
    ['报料电话：0830-3123456', 'web-footer'],
    ['字号：大 中 小', 'web-font'],
    ['返回首页', 'web-tools'],
    ['【打印】 【关闭】', 'web-tools'],
    ['阅读原文', 'web-promo'],
    ['点击进入专题', 'web-promo'],
    ['继续滑动看下一个', 'web-wechat'],
    ['预览时标签不可点', 'web-wechat'],
  ])('%s → %s', (line, id) => {
    expect(rule(line)).toBe(id);
  });

  it('leaves plan lines alone', () => {
    for (const line of ['（九）加强教育宣传工作。', '二、保障措施', '加强校园网站管理，推进教育信息化建设。'])
      expect(rule(line)).toBeUndefined();
  });

  it('names furniture elements by whole class-name parts only', () => {
    const id = (names: string) => firstMatch(FURNITURE_ELEMENT_RULES, names)?.ruleId;
    expect([id('comment-list'), id('tuijian'), id('related-news'), id('bdshare'), id('xgwz')]).toEqual([
      'web-comments',
      'web-recommend',
      'web-related',
      'web-share',
      'web-related',
    ]);
    expect([id('content'), id('article-body'), id('TRS_Editor'), id('main')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('knows title badges', () => {
    expect(['原创', '置顶', '独家'].every((b) => TITLE_BADGE.test(b))).toBe(true);
    expect(TITLE_BADGE.test('原创音乐')).toBe(false);
  });
});
