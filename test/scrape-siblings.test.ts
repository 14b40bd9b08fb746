// Issue 11, point 1 (residual): the body goes on into the elements after the one that scored
// best — the rest of the article in sibling <div>s, or a page split into several TRS_Editor parts —
// while the lines are plan-like, and stops at a sidebar, a related-news list, tools and footer.
// Task-table header rows (序号 | 工作任务 | 责任单位) are dropped with a diagnostic (point 1/2
// residual). Pages are built from the seed plan's real text; some are served from 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { cleanPage, Fetcher } from '../packages/scrape/src/index.ts';
import { gbk, type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { SEED_OPENING, seedHeading, seedTask } from './helpers/seed-tasks.ts';

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A two-column government page: the article in the main column, a sidebar beside it. */
function page(article: string, side = ''): string {
  return `<html><head><meta charset="gbk"><title>2012年全市教育工作要点 - 泸州市教育局</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/tzgg">通知公告</a></div>
<div class="wrap"><div class="main"><div class="article"><h1>2012年全市教育工作要点</h1>
<div class="info">发布时间：2012-02-13 来源：市教育局</div>
${article}
<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>
</div></div>
<div class="side">${side}</div></div>
<div class="foot"><p>版权所有：泸州市教育局</p><p>蜀ICP备05012345号</p></div></body></html>`;
}

const HEAD = [SEED_OPENING, '一、主要任务', ...[1, 2, 3, 4, 5, 6, 7, 8].map(seedTask)];
const TAIL = [
  `（九）${seedHeading(38)}`,
  '二、保障措施',
  `1. ${seedHeading(39)}`,
  `2. ${seedHeading(40)}`,
  // A sign-off whose issuer line is no office name the sign-off pattern knows, then the date.
  '泸州市教育和体育工作领导小组',
  '二〇一二年二月九日',
];
const p = (lines: readonly string[]) => lines.map((l) => `<p>${l}</p>`).join('\n');
const divs = (lines: readonly string[]) => lines.map((l) => `<div>${l}</div>`).join('\n');

async function fetchClean(html: string) {
  server = await startPageServer({ '/p.html': send(gbk(html), { 'content-type': 'text/html' }) });
  const fetched = await new Fetcher({ delayMs: 0, retries: 0, timeoutMs: 3000 }).fetchPage(`${server.base}/p.html`);
  return cleanPage(fetched.text, fetched.finalUrl);
}

const warnings = (r: ReturnType<typeof cleanPage>) => r.diagnostics.filter((d) => d.severity === 'warning');

describe('the body continues into the elements after it', () => {
  it('follows the section after the last task in sibling elements (served page)', async () => {
    const html = page(
      `<div class="content"><div>${p(HEAD)}</div>\n${divs(TAIL.slice(0, 2))}\n${p(TAIL.slice(2))}</div>`,
    );
    const r = await fetchClean(html);
    expect(r.text.split('\n')).toEqual([...HEAD, ...TAIL]);
    expect(warnings(r)).toEqual([]);
    expect(r.issuedOn).toBe('2012-02-09');
    // The normalizer sees the last task and the section after it as units.
    const { plan } = normalizePlan(r.text, { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } });
    expect(plan.units.map((u) => u.number)).toEqual(['一、', '二、']);
    expect(JSON.stringify(plan.units[0])).toContain(seedHeading(38).replace(/。$/u, ''));
    expect(plan.units[1]?.children.map((u) => u.number).filter((n) => n !== '')).toEqual(['1.', '2.']);
  });

  it('joins a page split into several content parts', async () => {
    // The long paragraphs all sit in the first part; the short tail in the parts after it.
    const parts = [HEAD, TAIL.slice(0, 3), TAIL.slice(3)];
    const html = page(
      parts
        .map((lines, i) => `<div class="TRS_Editor" id="part${i + 1}">${p(lines)}</div>`)
        .join('\n<div class="img"><img src="a.jpg"></div>\n'),
    );
    const r = await fetchClean(html);
    expect(r.text.split('\n')).toEqual([...HEAD, ...TAIL]);
    expect(warnings(r)).toEqual([]);
  });

  it('does not pull in a related-news list or a sidebar after the article', () => {
    const related = `<div class="box"><h3>相关新闻</h3><ul>${[1, 2, 3]
      .map((n) => `<li><a href="/n${n}">${n}. 市教育局召开第${n}次工作会议</a></li>`)
      .join('')}</ul></div>`;
    const side = `<h3>热点排行</h3><ol>${['全市中小学开学工作会议召开', '我市启动教师培训计划', '教育督导检查工作部署']
      .map((t, i) => `<li>${i + 1}. ${t}</li>`)
      .join('')}</ol>`;
    const html = page(`<div class="content"><div>${p(HEAD)}</div>\n${divs(TAIL.slice(0, 2))}</div>${related}`, side);
    // With and without the tools line between the article and the sidebar column.
    for (const variant of [html, html.replace(/<div class="tools">.*<\/div>/u, '')]) {
      const r = cleanPage(variant);
      expect(r.text.split('\n')).toEqual([...HEAD, ...TAIL.slice(0, 2)]);
      expect(r.text).not.toContain('工作会议');
      expect(r.text).not.toContain('热点排行');
      expect(r.text).not.toContain('教师培训');
    }
    const bare = page(`<div class="content"><div>${p(HEAD)}</div>\n${divs(TAIL.slice(0, 2))}</div>`, side).replace(
      /<div class="tools">.*<\/div>/u,
      '',
    );
    expect(cleanPage(bare).text).not.toContain('教师培训');
  });

  it('names a block dropped inside the followed elements', () => {
    const html = page(
      `<div class="content"><div>${p(HEAD)}</div>\n${divs(TAIL.slice(0, 2))}<div class="editor">（责任编辑：王敏）</div></div>`,
    );
    const r = cleanPage(html);
    expect(r.text.split('\n')).toEqual([...HEAD, ...TAIL.slice(0, 2)]);
    expect(r.diagnostics.find((d) => d.ruleId === 'web-editor')?.reason).toContain('王敏');
    expect(warnings(r)).toEqual([]);
  });
});

describe('task-table header rows', () => {
  const rows = [39, 40, 41].map(
    (n, i) =>
      `<tr><td>${i + 1}</td><td>${seedTask(n).replace(/^\d+\./u, '')}</td><td>市教育局</td><td>2012年12月</td></tr>`,
  );
  const tasks = [39, 40, 41].map((n, i) => `${i + 1}. ${seedTask(n).replace(/^\d+\./u, '')} 市教育局 2012年12月`);

  it('drops a row of <th> cells with a diagnostic and keeps the data rows', () => {
    const html = page(
      `<div class="content">${p([SEED_OPENING, '一、重点任务'])}<table><tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>${rows.join('')}</table>${p(['二、保障措施'])}</div>`,
    );
    const r = cleanPage(html);
    expect(r.text.split('\n')).toEqual([SEED_OPENING, '一、重点任务', ...tasks, '二、保障措施']);
    const d = r.diagnostics.find((x) => x.ruleId === 'web-table-header');
    expect(d?.reason).toContain('序号 工作任务 责任单位 完成时限');
    expect(d?.severity).toBe('info');
    const { plan } = normalizePlan(r.text, { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } });
    expect(JSON.stringify(plan)).not.toContain('工作任务');
  });

  it('drops a first row of label words in <td> cells (spaced 序 号 too), not a data row of short words', () => {
    const header = '<tr><td>序 号</td><td>重点工作</td><td>牵头单位</td><td>完成时间</td></tr>';
    const short = '<tr><td>4</td><td>控辍保学</td><td>基教科</td><td>6月</td></tr>';
    const html = page(
      `<div class="content">${p([SEED_OPENING])}<table>${header}${rows.join('')}${short}</table></div>`,
    );
    const r = cleanPage(html);
    expect(r.text.split('\n')).toEqual([SEED_OPENING, ...tasks, '4. 控辍保学 基教科 6月']);
    expect(r.diagnostics.some((x) => x.ruleId === 'web-table-header')).toBe(true);
  });

  it('names the header row of a table that opens the body', () => {
    const header = '<tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>';
    const html = page(`<div class="content"><table>${header}${rows.join('')}</table></div>`);
    const r = cleanPage(html);
    expect(r.text.split('\n')).toEqual(tasks);
    expect(r.diagnostics.find((x) => x.ruleId === 'web-table-header')?.reason).toContain('序号');
  });

  it('keeps numbered rows and later rows of a table printed all in <th> cells', () => {
    const th = (cells: string[]) => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;
    const html = page(
      `<div class="content">${p([SEED_OPENING])}<table>${th(['任务', '单位'])}${th(['1', '控辍保学', '基教科'])}${th(['控辍保学', '基教科'])}</table></div>`,
    );
    const lines = cleanPage(html).text.split('\n');
    expect(lines).toContain('1. 控辍保学 基教科');
    expect(lines).toContain('控辍保学 基教科');
    expect(lines).not.toContain('任务 单位');
  });

  it('keeps a first row whose short cells are not column labels', () => {
    const first = '<tr><td>1</td><td>控辍保学</td><td>基教科</td></tr>';
    const html = page(`<div class="content">${p([SEED_OPENING])}<table>${first}${rows.join('')}</table></div>`);
    expect(cleanPage(html).text.split('\n')[1]).toBe('1. 控辍保学 基教科');
  });
});
