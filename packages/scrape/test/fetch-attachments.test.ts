import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPage, Fetcher, type FetchOptions, fetchAttachments, mainTextLinks } from '../src/index.ts';
import { type PageServer, send, startPageServer } from './helpers/page-server.ts';

const FAST: FetchOptions = { delayMs: 0, retries: 0, backoffMs: 10, timeoutMs: 2000, connectTimeoutMs: 1000 };
const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({
    '/a.pdf': send(PDF, { 'content-type': 'application/pdf' }),
    '/down.jsp': send(PDF, { 'content-type': 'application/octet-stream' }),
    '/b.pdf': send(PDF, { 'content-type': 'application/pdf' }),
    '/c.pdf': send(PDF, { 'content-type': 'application/pdf' }),
    '/login.doc': send('<!doctype html><html><body>请先登录</body></html>', { 'content-type': 'text/html' }),
    '/data.xls': send(Buffer.from([1, 2, 3, 0, 4]), { 'content-type': 'application/octet-stream' }),
  });
});
afterAll(() => server.close());

const fetcher = () => {
  const f = new Fetcher(FAST);
  return { fetch: f.fetchPage.bind(f), ...FAST };
};

describe('fetchAttachments', () => {
  it('fetches each document once, in page order, keeping exact bytes and the link name', async () => {
    const links = [
      { name: '附件1.pdf', url: `${server.base}/a.pdf` },
      { name: '附件3', url: `${server.base}/down.jsp?id=7&filename=%E8%A6%81%E7%82%B9.pdf` },
      { name: '附件1（重复）', url: `${server.base}/a.pdf` },
      { name: '附件2', url: `${server.base}/b.pdf` },
    ];
    const hits = server.hits.length;
    const r = await fetchAttachments(links, `${server.base}/notice.html`, fetcher());
    expect(r.attachments.map((a) => [a.name, a.kind, Buffer.from(a.bytes).equals(PDF)])).toEqual([
      ['附件1.pdf', 'pdf', true],
      // A download script naming the file in its query is followed too.
      ['附件3', 'pdf', true],
      ['附件2', 'pdf', true],
    ]);
    expect(
      server.hits
        .slice(hits)
        .map((h) => h.path)
        .filter((p) => p !== '/robots.txt'),
    ).toEqual(['/a.pdf', '/down.jsp', '/b.pdf']);
    expect(r.diagnostics).toEqual([]);
  });

  it('names what it leaves out: archives, a web page instead of the file, links past the cap; bytes name the kind', async () => {
    const links = [
      { name: '材料.zip', url: `${server.base}/x.zip` },
      { name: '要点.doc', url: `${server.base}/login.doc` },
      { name: '表', url: `${server.base}/data.xls` },
      { name: 'a', url: `${server.base}/a.pdf` },
      { name: 'b', url: `${server.base}/b.pdf` },
      { name: 'c', url: `${server.base}/c.pdf` },
    ];
    const r = await fetchAttachments(links, `${server.base}/notice.html`, { ...fetcher(), maxCount: 3 });
    expect(r.attachments.map((a) => [a.name, a.kind])).toEqual([
      // Named from its bytes, not its name: not a real .xls.
      ['表', 'bin'],
      ['a', 'pdf'],
    ]);
    expect(r.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([
      ['info', 'attachment-not-followed'],
      ['warning', 'attachment-failed'],
      ['warning', 'attachment-limit'],
    ]);
    expect(r.diagnostics[1]?.reason).toMatch(/要点\.doc.*sent a web page, not the file/);
    expect(r.diagnostics[2]?.reason).toMatch(/2 attachment\(s\) past the first 3/);
  });
});

describe('mainTextLinks', () => {
  const BODY = [
    '各区、县教育局，各直属学校：',
    '现将《2012年全市教育工作要点》印发你们，请结合各地、各校实际，认真抓好贯彻落实。',
    '本通知自印发之日起施行，执行中遇到的问题请及时报告市教育局办公室。',
  ];
  const html = (extra: string) =>
    `<html><body><div class="side"><h3>下载中心</h3><ul><li><a href="/down/a.doc">办事指南.doc</a></li></ul></div>
<div class="article"><div class="content">${BODY.map((p) => `<p>${p}</p>`).join('')}${extra}</div>
<div class="fj">相关附件：<a href="/f/2.xlsx">任务分解表.xlsx</a></div></div>
<div class="footer"><a href="/down/b.pdf">网站说明.pdf</a> 版权所有 © 某某市教育局 地址：某某路1号 联系电话：0830-0000000</div></body></html>`;
  it('keeps links in the main text, in a labelled list under it and quoted by name; drops sidebar and footer files', () => {
    const page = html('<p><a href="/f/1.docx">2012年全市教育工作要点.docx</a></p>');
    const base = 'https://edu.example.gov.cn/tzgg/1.html';
    const clean = cleanPage(page, base);
    expect(clean.attachments.map((l) => l.name)).toContain('办事指南.doc');
    expect(mainTextLinks(page, clean, base).map((l) => l.url)).toEqual([
      'https://edu.example.gov.cn/f/1.docx',
      'https://edu.example.gov.cn/f/2.xlsx',
    ]);
  });

  // Issue 11 residual: a table row's text gains a `1.` marker (cells `1` | `加强…`), so a main text
  // that starts or ends with a task table no longer matches the page's text character for character.
  it('finds the main text of a notice that starts and ends with a task table (.docx in an 附件 block)', () => {
    const row = (n: number, task: string) => `<tr><td>${n}</td><td>${task}</td><td>市教育局</td></tr>`;
    const table = (from: number, tasks: readonly string[]) =>
      `<table>${tasks.map((t, i) => row(from + i, t)).join('')}</table>`;
    const first = [
      '全面推进学前教育三年行动计划，新建和改扩建幼儿园十所。',
      '加强中小学校舍安全工程建设，按期完成加固改造任务。',
    ];
    const last = [
      '深化教育教学改革，全面实施素质教育，提高教育质量。',
      '加强教师队伍建设，开展全员培训，提升师德师风水平。',
    ];
    const page = `<html><body><div class="side"><h3>下载中心</h3><ul><li><a href="/down/a.doc">办事指南.doc</a></li></ul></div>
<div class="article"><div class="content">${table(1, first)}${BODY.map((p) => `<p>${p}</p>`).join('')}${table(3, last)}</div>
<div class="fj">附件：<a href="/f/plan.docx">工作任务分解.docx</a></div></div>
<div class="down"><a href="/f/yd.pdf">2012年全市教育工作要点.pdf</a></div>
<div class="footer"><a href="/down/b.pdf">网站说明.pdf</a> 版权所有 © 某某市教育局</div></body></html>`;
    const base = 'https://edu.example.gov.cn/tzgg/2.html';
    const clean = cleanPage(page, base);
    const lines = clean.text.split('\n');
    expect(lines[0]).toMatch(/^1\. 全面推进/u);
    expect(lines.at(-1)).toMatch(/^4\. 加强教师队伍建设/u);
    expect(mainTextLinks(page, clean, base).map((l) => l.url)).toEqual([
      'https://edu.example.gov.cn/f/plan.docx',
      // Not in the article, but the notice quotes its name (《2012年全市教育工作要点》).
      'https://edu.example.gov.cn/f/yd.pdf',
    ]);
  });
});
