// Issue 11, point 3: a page's posting date (publishedOn) and the notice's own signing date
// (issuedOn) are kept apart; stamps in page scripts and meta tags are read; two-digit years and
// year-less dates are resolved, with a diagnostic. Pages are built from the seed's real notice
// text and, where a fetch matters, served from a real 127.0.0.1 server.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPage, Fetcher } from '../packages/scrape/src/index.ts';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { SEED_OPENING, seedTask } from './helpers/seed-tasks.ts';

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOTICE = [
  '各区、县教育局，各直属学校、直属单位，局机关各科室：',
  '现将《2012年全市教育工作要点》印发你们，请结合各地、各校、各单位实际，认真抓好贯彻落实。',
  '特此通知',
  '泸州市教育局',
  '二〇一二年二月九日',
];

/** A notice page; `info` is the line under the headline, `head` goes in <head>. */
function page(info: string, head = '', body: readonly string[] = NOTICE): string {
  return `<html><head><title>关于印发2012年全市教育工作要点的通知 - 泸州市教育局</title>${head}</head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg">通知公告</a> <a href="/zwgk">政务公开</a></div>
<div class="art"><h1>关于印发2012年全市教育工作要点的通知</h1><div class="info">${info}</div>
<div class="txt">${body.map((l) => `<p>${l}</p>`).join('\n')}<p>${SEED_OPENING}</p><p>${seedTask(1)}</p></div></div>
<div class="foot">版权所有：泸州市教育局</div></body></html>`;
}

describe('publishedOn and issuedOn', () => {
  it('keeps the posting date and the notice’s signing date apart (served page)', async () => {
    server = await startPageServer({
      '/tzgg/p.html': send(page('发布时间：2012-02-10 09:30 来源：市教育局'), {
        'content-type': 'text/html; charset=utf-8',
      }),
    });
    const f = await new Fetcher({ delayMs: 0, retries: 0 }).fetchPage(`${server.base}/tzgg/p.html`);
    const r = cleanPage(f.text, f.finalUrl);
    expect([r.publishedOn, r.issuedOn, r.date]).toEqual(['2012-02-10', '2012-02-09', '2012-02-10']);
  });

  it('reads the signing date from Arabic numerals and from a 成文日期 label', () => {
    const arabic = NOTICE.map((l) => (l === '二〇一二年二月九日' ? '2012年2月9日' : l));
    expect(cleanPage(page('发布日期：2012-02-13', '', arabic)).issuedOn).toBe('2012-02-09');
    const labelled = page('成文日期：2012年02月08日 发布日期：2012年02月13日', '', NOTICE.slice(0, 3));
    expect([cleanPage(labelled).issuedOn, cleanPage(labelled).publishedOn]).toEqual(['2012-02-08', '2012-02-13']);
  });

  it('has no publishedOn when only the signing date is printed, but date still falls back to it', () => {
    const r = cleanPage(page(''));
    expect([r.publishedOn, r.issuedOn, r.date]).toEqual([undefined, '2012-02-09', '2012-02-09']);
  });
});

describe('stamps outside the visible text', () => {
  it.each([
    ['WeChat `var ct`', '<script>var ct = "1581517074"; var nickname = "泸州教育";</script>', '2020-02-12'],
    [
      'WeChat `var ct` multiplied',
      '<script>var ct = "1581517074" * 1; var msg_title = "泸州教育";</script>',
      '2020-02-12',
    ],
    ['a createTime string', "<script>var createTime = '2020-02-12 22:17';</script>", '2020-02-12'],
    [
      'a publish_time variable',
      '<script>window.DATA = { publish_time: "2019-10-08 16:20:00", id: 5 };</script>',
      '2019-10-08',
    ],
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-29T08:00:00+08:00"}</script>',
      '2021-01-29',
    ],
    ['a millisecond timestamp', '<script>var publishTime = 1581517074000;</script>', '2020-02-12'],
    [
      'meta article:published_time',
      '<meta property="article:published_time" content="2022-02-13T10:00:00+08:00">',
      '2022-02-13',
    ],
    ['meta PubDate', '<meta name="PubDate" content="2012-02-10 09:30">', '2012-02-10'],
    ['meta publishdate', '<meta name="publishdate" content="2018-03-08">', '2018-03-08'],
  ])('reads %s', (_name, head, iso) => {
    expect(cleanPage(page('来源：市教育局', head, NOTICE.slice(0, 3))).publishedOn).toBe(iso);
  });

  it('ignores other dates in scripts (a banner clock, an update stamp)', () => {
    const head = '<script>var updated = "2013-05-05"; var today = new Date("2014-01-01");</script>';
    expect(cleanPage(page('来源：市教育局', head, NOTICE.slice(0, 3))).publishedOn).toBeUndefined();
  });
});

describe('short dates', () => {
  it('reads a two-digit year after a label (18-03-08 → 2018-03-08) and says so', () => {
    const r = cleanPage(page('发布时间：18-03-08 来源：市教育局', '', NOTICE.slice(0, 3)));
    expect(r.publishedOn).toBe('2018-03-08');
    expect(r.diagnostics.find((d) => d.ruleId === 'scrape-date-two-digit-year')?.reason).toContain('2018');
  });

  it('takes a year-less date’s year from the page URL, with a diagnostic', () => {
    const r = cleanPage(
      page('发布时间：10-08 来源：市教育局', '', NOTICE.slice(0, 3)),
      'http://jyj.example.gov.cn/2019/tzgg/123.html',
    );
    expect(r.publishedOn).toBe('2019-10-08');
    const d = r.diagnostics.find((x) => x.ruleId === 'scrape-date-year-inferred');
    expect(d?.reason).toMatch(/10-08.*2019.*URL/);
  });

  it('takes it from the full dates printed on the page when the URL has none', () => {
    const r = cleanPage(
      page(
        '日期：10月8日',
        '',
        NOTICE.map((l) => (l === '二〇一二年二月九日' ? '2019年10月8日' : l)),
      ),
    );
    expect(r.publishedOn).toBe('2019-10-08');
    expect(
      r.diagnostics.some((x) => x.ruleId === 'scrape-date-year-inferred' && x.reason.includes('other dates')),
    ).toBe(true);
  });

  it('gives no date, and says why, when nothing on the page shows the year', () => {
    const html = page('发布时间：10-08', '', NOTICE.slice(0, 3)).replace(/2012年/g, '');
    const r = cleanPage(html);
    expect(r.publishedOn).toBeUndefined();
    expect(r.diagnostics.some((x) => x.ruleId === 'scrape-date-no-year')).toBe(true);
  });
});
