// Issue 11, point 2: the chrome of news and government pages is removed (editor bylines, QR-code
// prompts, share bars, pagers, recommendation, comment and related-article blocks, statements,
// font switches, tip-off phones, back-home links), each by a named rule; the title is the
// headline, not a breadcrumb, a column name or a badge, and a heading printed over several lines
// is joined. Pages are made here from the seed plan's real text.
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../packages/scrape/src/index.ts';
import { SEED_OPENING, seedHeading, seedTask } from './helpers/seed-tasks.ts';

const BODY = [SEED_OPENING, seedTask(1), seedTask(2), seedTask(3)];
/** A short real line after the body: what the chrome would survive as without its rule. */
const LAST = `（九）${seedHeading(38)}`;

/** A news page whose content element ends with `tail` (the chrome under test), then `after`. */
function news(tail: string, after = ''): string {
  return `<html><head><title>泸州市召开2012年全市教育工作会议_新闻动态_泸州新闻网</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/xw">新闻动态</a> <a href="/tz">通知公告</a></div>
<div class="main"><h1>泸州市召开2012年全市教育工作会议</h1>
<div class="info">2012-02-10 09:30 来源：泸州日报</div>
<div class="content">${[...BODY, LAST].map((p) => `<p>${p}</p>`).join('\n')}
${tail}
</div>${after}</div><div class="foot">版权所有 泸州新闻网</div></body></html>`;
}

describe('chrome lines inside the article are removed by a named rule', () => {
  it.each([
    ['<p>责任编辑：张敏</p>', 'web-editor'],
    ['<p>（责编：李华）</p>', 'web-editor'],
    ['<p>校对：王强</p>', 'web-editor'],
    ['<p>扫描二维码，关注泸州教育</p>', 'web-share'],
    ['<p>扫一扫在手机打开当前页</p>', 'web-share'],
    ['<p>分享</p>', 'web-share'],
    ['<p>点在看</p>', 'web-share'],
    ['<div><a href="?page=2">下一页</a></div>', 'web-pager'],
    ['<p>相关推荐</p>', 'web-related'],
    ['<p><a href="#">换一换</a></p>', 'web-related'],
    ['<p>热门评论</p>', 'web-related'],
    ['<p>网友评论</p>', 'web-related'],
    ['<p>12条评论</p>', 'web-related'],
    ['<p>声明：本文转自泸州日报，版权归原作者所有。</p>', 'web-footer'],
    ['<p>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></p>', 'web-font'],
    ['<p>【字号】</p>', 'web-font'],
    ['<p>报料电话：0830-3123456</p>', 'web-footer'],
    ['<p>返回首页</p>', 'web-tools'],
  ])('%s → %s', (tail, ruleId) => {
    const r = cleanPage(news(tail));
    expect(r.text.split('\n')).toEqual([...BODY, LAST]);
    const line = tail.replace(/<[^>]+>/g, '');
    expect(r.diagnostics.find((d) => d.ruleId === ruleId)?.reason).toContain(line.slice(0, 6));
  });

  it('keeps a real task that merely mentions chrome words', () => {
    const tasks = [
      '推行扫码缴费、网上报名等便民服务，让数据多跑路、群众少跑腿。',
      '加强校园网站ICP备案管理，落实网络安全责任制。',
    ];
    const r = cleanPage(news(tasks.map((t) => `<p>${t}</p>`).join('')));
    expect(r.text.split('\n')).toEqual([...BODY, LAST, ...tasks]);
  });
});

describe('comment, recommendation and related-article blocks are removed', () => {
  const comment = '这次会议很重要，希望各项任务都能落实到位，为孩子们办实事，学校安全工作一定要抓好。';
  const story = '泸州职教园区建设加快推进，计划今年完成主体工程建设并投入使用，届时可容纳学生三万人。';
  it.each([
    [`<div class="comment-box"><p>${comment}</p></div>`, 'web-comments'],
    [`<div id="pinglun"><p>${comment}</p><p>${comment}</p></div>`, 'web-comments'],
    [`<div class="recommend-list"><p>${story}</p></div>`, 'web-recommend'],
    [`<div class="tuijian"><p>${story}</p></div>`, 'web-recommend'],
    [`<div class="related-news"><p>${story}</p></div>`, 'web-related'],
    [`<div class="xgwz"><p>${story}</p></div>`, 'web-related'],
  ])('%s → %s', (after, ruleId) => {
    const r = cleanPage(news('', after));
    expect(r.text.split('\n')).toEqual([...BODY, LAST]);
    expect(r.diagnostics.some((d) => d.ruleId === ruleId)).toBe(true);
  });

  it('ends the body at a comment heading with no telling class', () => {
    const r = cleanPage(news('', `<div><h3>热门评论</h3><p>${comment}</p><p>${comment}</p></div>`));
    expect(r.text.split('\n')).toEqual([...BODY, LAST]);
  });

  it('trusts no class name that would take the whole article away', () => {
    const html = news('').replace('<div class="content">', '<div class="content share-body">');
    expect(cleanPage(html).text.split('\n')).toEqual([...BODY, LAST]);
  });
});

describe('the title is the headline', () => {
  const body = BODY.map((p) => `<p>${p}</p>`).join('');
  const page = (title: string, head: string) => `<html><head><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xw">新闻动态</a> <a href="/tz">通知公告</a> <a href="/zw">政务公开</a></div>
<div class="main">${head}<div class="content">${body}</div></div></body></html>`;
  const NEWS = '泸州市召开2012年全市教育工作会议';
  const NOTICE = '泸州市教育局关于印发《2012年全市教育工作要点》的通知';

  it.each([
    [
      'a breadcrumb <title> (首页 - 新闻动态)',
      page('首页 - 新闻动态', `<div class="crumb">首页 &gt; 新闻动态</div><div class="title">${NEWS}</div>`),
      NEWS,
    ],
    [
      'a breadcrumb <title> (首页 > 通知公告) over a column heading',
      page('首页 > 通知公告', `<h2>通知公告</h2><h3>${NOTICE}</h3>`),
      NOTICE,
    ],
    [
      'a column name in <title> and above the headline',
      page('新闻动态 - 泸州市教育局', `<h2 class="column">新闻动态</h2><h1>${NEWS}</h1>`),
      NEWS,
    ],
    [
      'a column name that is no link, in <title> and over the headline',
      page('新闻动态 - 泸州市教育局', `<div class="lm-title">新闻动态</div><h2>${NEWS}</h2>`).replace(
        '<a href="/xw">新闻动态</a>',
        '',
      ),
      NEWS,
    ],
    [
      'a column heading in the same tag as the headline',
      page('通知公告', `<h2>通知公告</h2><h2>${NOTICE}</h2>`),
      NOTICE,
    ],
    [
      'an empty <title> with the headline in og:title (WeChat)',
      page('', `<div id="activity-name"><strong>${NEWS}</strong></div>`).replace(
        '<head>',
        `<head><meta property="og:title" content="${NEWS}">`,
      ),
      NEWS,
    ],
    ['a 原创 badge element glued on', page(NEWS, `<h1><span class="tag">原创</span>${NEWS}</h1>`), NEWS],
    ['a 原创 badge in <title> and the heading', page(`原创 | ${NEWS}`, `<h1><em>原创</em> ${NEWS}</h1>`), NEWS],
    ['a 【置顶】 badge', page(NEWS, `<h1>【置顶】${NEWS}</h1>`), NEWS],
    [
      'a heading printed over three h1 lines',
      page('泸州市教育局', '<h1>泸州市教育局</h1><h1>关于印发《2012年全市教育工作要点》</h1><h1>的通知</h1>'),
      NOTICE,
    ],
    [
      'a heading printed over three p.title lines',
      page(
        NOTICE,
        '<p class="title">泸州市教育局关于印发</p><p class="title">《2012年全市教育工作要点》</p><p class="title">的通知</p>',
      ),
      NOTICE,
    ],
  ])('%s', (_name, html, title) => {
    const r = cleanPage(html);
    expect(r.title).toBe(title);
    expect(r.text.split('\n')).toEqual(BODY);
  });
});
