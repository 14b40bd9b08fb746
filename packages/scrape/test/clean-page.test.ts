import { describe, expect, it } from 'vitest';
import { cleanPage } from '../src/index.ts';

const BODY = [
  '一、总体要求',
  '2012年是全市教育工作加快发展、奋力跨越的关键之年，要全面实施素质教育，全面促进教育均衡发展。',
  '1.加强校园文化建设。加强师生爱国主义教育，发挥学校文化育人和文化传承创新作用，提升服务能力。',
  '2.加强语言文字工作。积极推进国家三类城市语言文字评估工作，组织开展规范化示范校评估创建工作。',
  '二、保障措施',
  '3.加强教师队伍建设。坚持把师德建设放在首位，加强教师队伍思想政治和职业道德建设，增强责任意识。',
];

function page(options: { head?: string; beforeBody?: string; afterBody?: string; sidebar?: string } = {}): string {
  return `<html><head><title>关于印发2012年工作要点的通知 - 某某市人民政府</title>${options.head ?? ''}</head><body>
  <div class="top"><a href="/">首页</a> | <a href="/a">政务公开</a> | <a href="/b">办事服务</a> | <a href="/c">互动交流</a></div>
  <div class="side"><ul>${options.sidebar ?? ''}</ul></div>
  <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tz">通知公告</a></div>
  <div class="art"><h1>关于印发2012年工作要点的通知</h1>
  ${options.beforeBody ?? ''}
  <div class="txt">${BODY.map((p) => `<p>${p}</p>`).join('\n')}</div>
  ${options.afterBody ?? ''}
  <div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】 分享到：<a href="#">微博</a></div>
  <p>上一篇：<a href="/x">关于开展安全检查的通知</a></p><p>下一篇：<a href="/y">关于寒假安排的通知</a></p>
  </div>
  <div class="foot"><p>版权所有：某某市人民政府办公室</p><p>蜀ICP备05012345号 网站地图 联系我们</p></div>
  </body></html>`;
}

describe('cleanPage', () => {
  it('keeps the body paragraphs, one a line, and drops navigation, breadcrumb, tools and footer', () => {
    const r = cleanPage(page());
    expect(r.text).toBe(BODY.join('\n'));
  });

  it('keeps body sentences that merely mention chrome words', () => {
    const lines = [
      '4.规范教育网站管理。加强校园网站ICP备案管理，落实网络安全责任制，确保网站安全稳定运行。',
      '5.推进智慧校园建设。推广扫码缴费、网上报名等便民服务，让数据多跑路、群众少跑腿。',
    ];
    const html = page().replace(`<p>${BODY[5]}</p>`, `<p>${BODY[5]}</p>${lines.map((l) => `<p>${l}</p>`).join('')}`);
    expect(cleanPage(html).text).toBe([...BODY, ...lines].join('\n'));
  });

  it('takes the title without the site suffix', () => {
    expect(cleanPage(page()).title).toBe('关于印发2012年工作要点的通知');
  });

  it('finds the date in a 发布时间 line, not in scripts or the sidebar', () => {
    const r = cleanPage(
      page({
        head: '<script>var updated = "2013-05-05";</script>',
        sidebar:
          '<li><a href="/1">关于春季开学的通知</a><span>2012-02-15</span></li><li><a href="/2">关于寒假的通知</a><span>2012-01-20</span></li>',
        beforeBody: '<div class="info">发布时间：2012年2月10日 来源：市教育局 浏览次数：35</div>',
      }),
    );
    expect(r.date).toBe('2012-02-10');
    expect(r.text).not.toContain('发布时间');
  });

  it('reads 〇-numeral sign-off dates, the 文号 and the issuer', () => {
    const r = cleanPage(
      page({
        beforeBody: '<p style="text-align:center">泸市教发〔2012〕5号</p>',
        afterBody: '<p style="text-align:right">泸州市教育局</p><p style="text-align:right">二〇一二年二月九日</p>',
        sidebar: '<li><a href="/1">关于春季开学的通知</a> 2012-02-15</li>',
      }),
    );
    expect(r.date).toBe('2012-02-09');
    expect(r.docNumber).toBe('泸市教发〔2012〕5号');
    expect(r.issuer).toBe('泸州市教育局');
  });

  it('reads a metadata table whose labels and values sit in separate cells', () => {
    const html = `<html><head><title>某某市人民政府门户网站</title>
      <meta name="ArticleTitle" content="某某市教育局关于印发2012年工作要点的通知"></head><body>
      <div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/bs">办事服务</a></div>
      <table class="meta"><tr><td>索引号：</td><td>000014349/2012-00012</td><td>主题分类：</td><td>教育</td></tr>
      <tr><td>发文机关：</td><td>某某市教育局</td><td>成文日期：</td><td>2012年02月09日</td></tr>
      <tr><td>发文字号：</td><td>某市教发〔2012〕5号</td><td>发布日期：</td><td>2012年02月10日</td></tr></table>
      <h1>某某市教育局关于印发2012年工作要点的通知</h1>
      <div class="txt">${BODY.map((p) => `<p>${p}</p>`).join('')}</div>
      <ul class="related"><li><a href="/1">关于春季开学的通知</a> 2012-02-15</li><li><a href="/2">关于寒假的通知</a> 2012-01-20</li></ul>
      </body></html>`;
    const r = cleanPage(html);
    expect(r.title).toBe('某某市教育局关于印发2012年工作要点的通知');
    expect(r.date).toBe('2012-02-10'); // the publication date, not 成文日期 nor the sidebar's
    expect(r.docNumber).toBe('某市教发〔2012〕5号');
    expect(r.issuer).toBe('某某市教育局');
    expect(r.text).toBe(BODY.join('\n'));
  });

  it('lists attachment links with their names, resolved against the page URL', () => {
    const r = cleanPage(
      page({
        afterBody:
          '<p>附件：<a href="/files/plan.doc">1.工作要点.doc</a> <a href="files/table.xlsx">2.任务分解表</a> <a href="/x.html">相关</a></p>',
      }),
      'https://edu.example.gov.cn/tzgg/2012/t20120209_5.html',
    );
    expect(r.attachments).toEqual([
      { name: '1.工作要点.doc', url: 'https://edu.example.gov.cn/files/plan.doc' },
      { name: '2.任务分解表', url: 'https://edu.example.gov.cn/tzgg/2012/files/table.xlsx' },
    ]);
  });

  it('keeps <br> line breaks and joins Chinese lines wrapped in the source', () => {
    const html = `<html><body><div><p>第一段文字，说明全年工作的总体思路和主要目标任务，以及各项重点工作安排。<br>第二段文字，要求各单位结合实际\n    认真抓好贯彻落实，确保各项任务圆满完成。</p></div></body></html>`;
    expect(cleanPage(html).text).toBe(
      '第一段文字，说明全年工作的总体思路和主要目标任务，以及各项重点工作安排。\n第二段文字，要求各单位结合实际认真抓好贯彻落实，确保各项任务圆满完成。',
    );
  });

  it('drops blocks repeated across sibling pages of the same site', () => {
    const notice =
      '<div class="notice"><p>本网站所有信息仅供参考，如需转载请注明出处，并与本网站联系取得授权。</p></div>';
    const html = page({ afterBody: notice });
    expect(cleanPage(html).text).toContain('仅供参考');
    const sibling = `<html><body><div>其他页面的正文内容，介绍另一项工作的安排部署和具体要求，请认真阅读。</div>${notice}</body></html>`;
    const r = cleanPage(html, undefined, { siblings: [sibling, sibling] });
    expect(r.text).not.toContain('仅供参考');
    expect(r.text).toBe(BODY.join('\n'));
  });

  it('survives pages with thousands of unclosed tags', () => {
    const line = '这是一段足够长的正文内容，用来确认深层嵌套的页面也能被正确地清理出来。';
    const html = `<html><body>${'<font><div>'.repeat(5000)}<p>${line}</p></body></html>`;
    expect(cleanPage(html).text).toBe(line);
  });

  it('reports a page without body text', () => {
    const r = cleanPage('<html><body><a href="/">首页</a> <a href="/b">返回</a></body></html>');
    expect(r.text).toBe('');
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('scrape-no-content');
  });
});
