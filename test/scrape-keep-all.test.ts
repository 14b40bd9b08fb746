// Issue 11, point 1: nothing of the main text is lost. Pages are built from the seed plan's real
// tasks, served from a real 127.0.0.1 server (or given to cleanPage directly): a short last task
// numbered in another style and the sections after it survive, task tables become numbered lines
// in reading order, and the block account names the rule behind every block it dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { accountBlocks } from '../packages/scrape/src/block-account.ts';
import { collectBlocks } from '../packages/scrape/src/blocks.ts';
import { parseHtml } from '../packages/scrape/src/dom.ts';
import { cleanPage, Fetcher } from '../packages/scrape/src/index.ts';
import { gbk, type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { SEED_OPENING, seedHeading, seedTask } from './helpers/seed-tasks.ts';

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A government article page: nav, breadcrumb, headline, info line, the body, tools and footer. */
function portal(body: string, inside = ''): string {
  return `<html><head><meta charset="gbk"><title>2012年全市教育工作要点 - 泸州市教育局</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/tzgg">通知公告</a> | <a href="/bs">办事服务</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg">通知公告</a></div>
<div class="article"><h1>2012年全市教育工作要点</h1>
<div class="info">发布时间：2012-02-09 来源：市教育局 浏览次数：128</div>
<div class="content">
${body}${inside}
</div>
<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
</div>
<div class="foot"><p>版权所有：泸州市教育局</p><p>蜀ICP备05012345号</p></div></body></html>`;
}

/** The last task short and numbered （九）, then 二、保障措施 and the section after it. */
const LINES = [
  SEED_OPENING,
  '一、主要任务',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(seedTask),
  `（九）${seedHeading(38)}`,
  '二、保障措施',
  `（一）${seedHeading(39)}`,
  `（二）${seedHeading(40)}`,
  '三、工作要求',
  `（一）${seedHeading(42)}`,
  `（二）${seedHeading(43)}`,
];

async function fetchClean(html: string) {
  server = await startPageServer({ '/p.html': send(gbk(html), { 'content-type': 'text/html' }) });
  const fetched = await new Fetcher({ delayMs: 0, retries: 0, timeoutMs: 3000 }).fetchPage(`${server.base}/p.html`);
  return cleanPage(fetched.text, fetched.finalUrl);
}

describe('every block of the main text lands in the output, in order', () => {
  it('keeps a short, differently numbered last task and the sections after it (served page)', async () => {
    const r = await fetchClean(portal(LINES.map((l) => `<p>${l}</p>`).join('\n')));
    expect(r.text.split('\n')).toEqual(LINES);
    expect(r.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it('keeps them when the body is one element hard-wrapped with <br>', async () => {
    const r = await fetchClean(portal(`<div>${LINES.join('<br>\n')}</div>`));
    expect(r.text.split('\n')).toEqual(LINES);
  });

  it('reads a task table as numbered lines in reading order, between the paragraphs around it', async () => {
    const rows = [39, 40, 41, 42].map(
      (n, i) => `<tr><td>${i + 1}</td><td>${seedHeading(n)}</td><td>市教育局</td></tr>`,
    );
    const html = portal(
      `<p>${SEED_OPENING}</p><p>${seedTask(1)}</p>
<table border="1"><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>${rows.join('\n')}</table>
<p>${seedTask(2)}</p>`,
    );
    const r = await fetchClean(html);
    expect(r.text.split('\n')).toEqual([
      SEED_OPENING,
      seedTask(1),
      ...[39, 40, 41, 42].map((n, i) => `${i + 1}. ${seedHeading(n)} 市教育局`),
      seedTask(2),
    ]);
  });

  it('reads a page that is only a task table (cells with paragraphs, Han numbering cells)', () => {
    const cells = [39, 40, 41].map(
      (n, i) =>
        `<tr><td><p>${'一二三'[i]}</p></td><td><p>${seedTask(n).replace(/^\d+\./u, '')}</p></td><td><p>市教育局</p><p>各区县</p></td></tr>`,
    );
    const r = cleanPage(portal(`<table>${cells.join('')}</table>`));
    expect(r.text.split('\n')).toEqual(
      [39, 40, 41].map((n, i) => `${'一二三'[i]}、${seedTask(n).replace(/^\d+\./u, '')} 市教育局 各区县`),
    );
  });

  it('gives the normalizer numbered tasks from the table rows', () => {
    const rows = [39, 40, 41].map(
      (n, i) => `<tr><td>${i + 1}</td><td>${seedTask(n).replace(/^\d+\./u, '')}</td><td>市教育局</td></tr>`,
    );
    const html = portal(
      `<p>${SEED_OPENING}</p><p>一、重点任务</p><table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>${rows.join('')}</table><p>二、保障措施</p><p>${seedTask(2).replace(/^\d+\./u, '（一）')}</p>`,
    );
    const { plan } = normalizePlan(cleanPage(html).text, { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } });
    const first = plan.units[0];
    expect(first?.number).toBe('一、');
    expect(first?.children.filter((u) => /^\d\.$/u.test(u.number)).map((u) => [u.number, u.heading])).toEqual(
      [39, 40, 41].map((n, i) => [`${i + 1}.`, seedHeading(n).replace(/。$/u, '')]),
    );
    expect(plan.units[1]?.number).toBe('二、');
  });

  it('does not read a layout table (a page column per cell) as one line', () => {
    const html = `<html><body><table><tr><td><a href="/a">通知公告</a><br><a href="/b">政务公开</a></td>
<td>${[1, 2, 3, 4, 5].map((n) => `<p>${seedTask(n)}</p>`).join('')}</td></tr></table></body></html>`;
    expect(cleanPage(html).text.split('\n')).toEqual([1, 2, 3, 4, 5].map(seedTask));
  });
});

describe('the block account', () => {
  it('names the rule that dropped each block of the article element, with its source line', () => {
    const inside = `<div class="editor">（责任编辑：王敏）</div><div class="bdshare">分享到：<a href="#">微信</a></div>`;
    const html = portal(LINES.map((l) => `<p>${l}</p>`).join('\n'), inside);
    const r = cleanPage(html);
    const byRule = new Map(r.diagnostics.map((d) => [d.ruleId, d]));
    expect(byRule.get('web-editor')?.reason).toContain('责任编辑：王敏');
    expect(byRule.get('web-share')?.reason).toContain('分享到');
    expect(byRule.get('scrape-title')?.reason).toContain('2012年全市教育工作要点');
    const editorLine = html.split('\n').findIndex((l) => l.includes('责任编辑')) + 1;
    expect(byRule.get('web-editor')?.place).toEqual({ line: editorLine });
    expect(r.diagnostics.some((d) => d.ruleId === 'scrape-block-unaccounted')).toBe(false);
  });

  it('reports a block that was neither kept nor dropped by a rule, and kept text missing from the output', () => {
    const html = `<html><body><div id="c"><p>${seedTask(1)}</p><p>${seedTask(2)}</p><p>${seedTask(3)}</p></div></body></html>`;
    const blocks = collectBlocks(parseHtml(html)).blocks;
    const container = blocks[0]?.owner.parent;
    if (!container) throw new Error('no container');
    const text = [seedTask(1), seedTask(3)].join('\n');
    const silent = accountBlocks(html, blocks, container, [0, 2], [undefined, undefined, undefined], text);
    expect(silent).toMatchObject([{ ruleId: 'scrape-block-unaccounted', severity: 'warning' }]);
    expect(silent[0]?.reason).toContain(seedTask(2).slice(0, 20));
    const reordered = accountBlocks(
      html,
      blocks,
      container,
      [0, 1, 2],
      [],
      [seedTask(2), seedTask(1), seedTask(3)].join('\n'),
    );
    expect(reordered.map((d) => d.ruleId)).toEqual(['scrape-block-order']);
  });
});
