// `fetch` follows a notice page's attachment links: a real 127.0.0.1 server serves a notice page, a
// real .docx (written with `docx`), a PDF printed by Chromium and an .xlsx; plandiff runs in-process
// into a real temp corpus. Plan text comes from the shipped seed (a real plan), not made up.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { CAN_PRINT, printPdf } from './helpers/print-pdf.ts';
import { runMain } from './helpers/run-main.ts';

const ROOT = join(import.meta.dirname, '..');
const SEED = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
const PORTAL = readFileSync(join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html'));
const ZOOM = '<div class="content" id="zoom">';
const PAGE = '<!doctype html><meta charset="utf-8"><style>body{font-size:14px}</style>';
const dir = mkdtempSync(join(tmpdir(), 'plandiff-attach-'));
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The real plan's sections: headings with their first tasks. */
function realSections(): { heading: string; tasks: string[] }[] {
  const { plan } = normalizePlan(readFileSync(SEED, 'utf8'), { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } });
  // A task's whole paragraph, without its number (the .docx numbers it again).
  const task = (u: Unit) => (u.text.startsWith(u.number) ? u.text.slice(u.number.length) : u.text);
  return plan.units.slice(0, 4).map((u) => ({ heading: u.heading, tasks: u.children.slice(0, 3).map(task) }));
}
const sections = realSections();
const TITLE = '2012年全市教育工作要点';

/** A notice page as bureaus publish it: the cover notice, the plan only as a linked file. */
function noticePage(links: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>泸州市教育局关于印发《${TITLE}》的通知</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>
<div class="side"><h3>下载中心</h3><ul><li><a href="/down/bszn.doc">办事指南.doc</a></li><li><a href="/down/sqb.xls">申请表.xls</a></li></ul></div>
<div class="article"><h1>泸州市教育局关于印发《${TITLE}》的通知</h1>
<div class="content">
<p>各区、县教育局，各直属学校、直属单位，局机关各科室：</p>
<p>现将《${TITLE}》印发你们，请结合各地、各校、各单位实际，认真抓好贯彻落实。</p>
<p>特此通知</p>
<p>附件：${links}</p>
<p>泸州市教育局</p>
<p>二〇一二年二月九日</p>
</div></div><div class="footer">版权所有：泸州市教育局</div></body></html>`;
}

async function planDocx(parts = sections): Promise<Buffer> {
  const children = [new Paragraph(TITLE)];
  parts.forEach((s, i) => {
    children.push(new Paragraph(`${NUMERALS[i]}、${s.heading}`));
    for (const [k, t] of s.tasks.entries()) children.push(new Paragraph(`（${NUMERALS[k]}）${t}`));
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A small real .xlsx (a task table is often attached beside the plan); it is archived, never parsed. */
function xlsx(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      ),
    }),
  );
}

let server: PageServer;
let docx: Buffer;
let pdf: Buffer | undefined;
let scan: Buffer | undefined;
const table = xlsx();
const BIG = Buffer.alloc(17 * 1024 * 1024, 0x20);
let docxHits = 0;
/** What the notice page links and the .docx it serves: a later test publishes a new version. */
const served: { docx: Buffer; links: string } = { docx: Buffer.alloc(0), links: '' };

beforeAll(async () => {
  docx = await planDocx();
  served.docx = docx;
  if (CAN_PRINT) {
    pdf = readFileSync(printPdf(dir, 'plan', PAGE + `<p>${TITLE}</p>${planHtml(sections)}`));
    scan = readFileSync(
      printPdf(dir, 'scan', PAGE + '<svg width="400" height="600"><rect width="380" height="580" fill="#888"/></svg>'),
    );
  }
  const link = (href: string, name: string) => `<a href="${href}">${name}</a>`;
  served.links = `${link('/files/yd.docx', `${TITLE}.docx`)} ${link('/files/fjb.xlsx', '任务分解表.xlsx')}`;
  server = await startPageServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/notice.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(noticePage(served.links));
    },
    // The first request fails: the attachment is retried like the page would be.
    '/files/yd.docx': (_req, res) => {
      docxHits++;
      if (docxHits === 1) {
        res.writeHead(503);
        res.end('busy');
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
      res.end(served.docx);
    },
    '/files/fjb.xlsx': send(table, { 'content-type': 'application/vnd.ms-excel' }),
    '/files/big.pdf': send(BIG, { 'content-type': 'application/pdf' }),
    '/files/plan.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(pdf ?? '');
    },
    '/files/scan.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(scan ?? '');
    },
    '/scan-notice.html': send(noticePage(link('/files/scan.pdf', `${TITLE}.pdf`)), { 'content-type': 'text/html' }),
    '/pdf-notice.html': send(noticePage(link('/files/plan.pdf', `${TITLE}.pdf`)), { 'content-type': 'text/html' }),
    '/big-notice.html': send(
      noticePage(`${link('/files/yd.docx', `${TITLE}.docx`)} ${link('/files/big.pdf', '汇编.pdf')}`),
      { 'content-type': 'text/html' },
    ),
    '/private-notice.html': send(noticePage(link('/private/yd.docx', `${TITLE}.docx`)), {
      'content-type': 'text/html',
    }),
    '/missing-notice.html': send(noticePage(link('/files/gone.docx', `${TITLE}.docx`)), {
      'content-type': 'text/html',
    }),
    // A page that prints the plan itself (GBK, as served) and links a task table.
    '/inline.html': send(
      Buffer.concat([
        PORTAL.subarray(0, PORTAL.indexOf(ZOOM) + ZOOM.length),
        iconv.encode('<p>附件：<a href="/files/fjb.xlsx">任务分解表.xlsx</a></p>', 'gbk'),
        PORTAL.subarray(PORTAL.indexOf(ZOOM) + ZOOM.length),
      ]),
      { 'content-type': 'text/html; charset=gb2312' },
    ),
  });
});
afterAll(async () => {
  await server.close();
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

const corpusOf = (name: string) => join(dir, name);
const fetchArgs = (path: string, corpus: string, ...more: string[]) => [...fetchWith(path, corpus, '0'), ...more];
const fetchWith = (path: string, corpus: string, delay: string) => [
  'fetch',
  `${server.base}${path}`,
  '--series',
  'edu',
  '--edition',
  '2012',
  '--corpus',
  corpus,
  '--delay',
  delay,
];
const read = (corpus: string, file: string) => readFileSync(join(corpus, 'edu', '2012', file));
const git = (corpus: string, ...args: string[]) => execFileSync('git', ['-C', corpus, ...args], { encoding: 'utf8' });

interface Record {
  attachments?: { file: string; name: string; kind: string; sha256: string; size: number; url: string }[];
  planFrom?: string;
}

describe('fetch follows attachment links', () => {
  const corpus = corpusOf('main');

  it('archives the .docx and .xlsx beside the page in one commit and reads the plan from the .docx', async () => {
    const run = await runMain(fetchArgs('/notice.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    // Exact bytes, sha256 recorded.
    expect(read(corpus, 'attachment-1.docx').equals(docx)).toBe(true);
    expect(read(corpus, 'attachment-2.xlsx').equals(table)).toBe(true);
    const record = JSON.parse(read(corpus, 'source.json').toString()) as Record;
    expect(record.planFrom).toBe('attachment-1.docx');
    expect(record.attachments?.map((a) => [a.file, a.name, a.kind, a.sha256, a.size])).toEqual([
      ['attachment-1.docx', `${TITLE}.docx`, 'docx', sha(docx), docx.length],
      ['attachment-2.xlsx', '任务分解表.xlsx', 'xlsx', sha(table), table.length],
    ]);
    // One commit (after the corpus's creation) holds the page, both attachments and the plan.
    expect(git(corpus, 'rev-list', '--count', 'HEAD').trim()).toBe('2');
    const files = git(corpus, 'show', '--name-only', '--format=', 'HEAD').split('\n');
    for (const f of ['source.html', 'attachment-1.docx', 'attachment-2.xlsx', 'plan.json'])
      expect(files).toContain(`edu/2012/${f}`);
    expect(git(corpus, 'log', '-1', '--format=%B')).toContain(
      `attachment-1.docx (plan): ${server.base}/files/yd.docx (sha256 ${sha(docx)})`,
    );
    expect(run.stdout).toMatch(/\+ attachment-1\.docx \(plan\) {2}"2012年全市教育工作要点\.docx"/);
    // The plan's tasks come from the attachment; the page is its notice.
    const plan = JSON.parse(read(corpus, 'plan.json').toString()) as Plan;
    expect(plan.units.map((u) => u.heading || u.text)).toEqual(sections.map((s) => s.heading));
    expect(plan.units.map((u) => u.children.length)).toEqual(sections.map((s) => s.tasks.length));
    expect(plan.notice?.recipients).toBe('各区、县教育局，各直属学校、直属单位，局机关各科室');
    expect(plan.notice?.body).toContain('印发你们');
    expect(plan.issuedOn).toBe('2012-02-09');
    expect(plan.title).toBe(TITLE);
    expect(plan.source.path).toBe('edu/2012/attachment-1.docx');
    expect(plan.source.sha256).toBe(sha(docx));
    // Retried after the 503, like the page.
    expect(docxHits).toBe(2);
    // The sidebar's downloads are not the notice's attachments.
    expect(server.hits.filter((h) => h.path.startsWith('/down/'))).toEqual([]);
  });

  it('log and show name the archived files (name, type, sha256, size)', async () => {
    const log = await runMain(['log', 'edu@2012', '--corpus', corpus]);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toMatch(
      new RegExp(`attachment-1\\.docx\\s+docx.*sha256 ${sha(docx).slice(0, 16)}.*${TITLE}.*\\(plan\\)`),
    );
    expect(log.stdout).toMatch(new RegExp(`attachment-2\\.xlsx\\s+xlsx.*sha256 ${sha(table).slice(0, 16)}`));
    const json = JSON.parse((await runMain(['log', 'edu@2012', '--json', '--corpus', corpus])).stdout) as Record[];
    expect(json[0]?.attachments?.map((a) => a.sha256)).toEqual([sha(docx), sha(table)]);
    const files = await runMain(['show', 'edu@2012', '--files', '--corpus', corpus]);
    expect(files.code, files.stderr).toBe(0);
    expect(JSON.parse(files.stdout)).toEqual([
      expect.objectContaining({ file: 'source.html', kind: 'html', plan: false }),
      expect.objectContaining({
        file: 'attachment-1.docx',
        kind: 'docx',
        sha256: sha(docx),
        size: docx.length,
        plan: true,
      }),
      expect.objectContaining({ file: 'attachment-2.xlsx', kind: 'xlsx', sha256: sha(table), size: table.length }),
    ]);
    const show = await runMain(['show', 'edu@2012', '--corpus', corpus]);
    expect(show.code).toBe(0);
    expect((JSON.parse(show.stdout) as Plan).units).toHaveLength(sections.length);
    expect(show.stderr).toContain('attachment-2.xlsx');
  });

  it('fetching again changes nothing, and rebuild re-derives the same plan from the archived attachment', async () => {
    const again = await runMain(fetchArgs('/notice.html', corpus));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/nothing changed; no commit/);
    const before = read(corpus, 'plan.json').toString();
    const rebuild = await runMain(['rebuild', 'edu@2012', '--corpus', corpus]);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(read(corpus, 'plan.json').toString()).toBe(before);
    expect(git(corpus, 'rev-list', '--count', 'HEAD').trim()).toBe('2');
  });

  it('a changed attachment alone is a new version: log lists both, ~1 is the plan from the old bytes', async () => {
    const longer = sections.map((s, i) => (i === 0 ? { ...s, tasks: [...s.tasks, '加强教育系统法制建设。'] } : s));
    served.docx = await planDocx(longer);
    const run = await runMain(fetchArgs('/notice.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/updated/);
    expect(read(corpus, 'attachment-1.docx').equals(served.docx)).toBe(true);
    const log = JSON.parse((await runMain(['log', 'edu@2012', '--json', '--corpus', corpus])).stdout) as Record[];
    expect(log.map((v) => v.attachments?.map((a) => a.sha256))).toEqual([
      [sha(served.docx), sha(table)],
      [sha(docx), sha(table)],
    ]);
    const now = JSON.parse((await runMain(['show', 'edu@2012', '--corpus', corpus])).stdout) as Plan;
    const old = JSON.parse((await runMain(['show', 'edu@2012~1', '--corpus', corpus])).stdout) as Plan;
    expect(now.units[0]?.children).toHaveLength(sections[0]!.tasks.length + 1);
    expect(old.units[0]?.children).toHaveLength(sections[0]!.tasks.length);
  });

  it('a new version whose page no longer links a file drops that file from the edition', async () => {
    served.docx = docx;
    served.links = `<a href="/files/yd.docx">${TITLE}.docx</a>`;
    const run = await runMain(fetchArgs('/notice.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/updated/);
    const tree = git(corpus, 'ls-tree', '--name-only', 'HEAD', 'edu/2012/');
    expect(tree).toContain('attachment-1.docx');
    expect(tree).not.toContain('attachment-2.xlsx');
    expect(existsSync(join(corpus, 'edu', '2012', 'attachment-2.xlsx'))).toBe(false);
  });

  it('a failing attachment is named and never replaces the stored version with an empty plan (exit 3)', async () => {
    const before = read(corpus, 'plan.json').toString();
    const run = await runMain(fetchArgs('/missing-notice.html', corpus));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/warning attachment .*gone\.docx.* not archived: .*HTTP 404/);
    expect(run.stderr).toMatch(/holds no plan/);
    expect(read(corpus, 'plan.json').toString()).toBe(before);
    expect(git(corpus, 'rev-list', '--count', 'HEAD').trim()).toBe('4');
  });

  it('--help names --no-attachments', async () => {
    const run = await runMain(['fetch', '--help']);
    expect(run.stdout).toContain('--no-attachments');
    expect(run.stdout).toMatch(/Attachments: .*robots\.txt/s);
  });

  it('--no-attachments does not follow the links', async () => {
    const hits = server.hits.length;
    const run = await runMain(fetchArgs('/notice.html', corpusOf('off'), '--no-attachments'));
    expect(run.code).toBe(3);
    expect(server.hits.slice(hits).map((h) => h.path)).toEqual(['/notice.html']);
  });
});

describe('attachment politeness', () => {
  it('respects robots.txt on the attachment path', async () => {
    const hits = server.hits.length;
    const run = await runMain(fetchArgs('/private-notice.html', corpusOf('robots')));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/private\/yd\.docx.*robots\.txt/);
    expect(server.hits.slice(hits).map((h) => h.path)).not.toContain('/private/yd.docx');
  });

  it('refuses an attachment over the size cap with a diagnostic, storing the rest', async () => {
    const corpus = corpusOf('big');
    const run = await runMain(fetchArgs('/big-notice.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning attachment "汇编\.pdf" .*big\.pdf.* not archived: .*larger than the 16 MB limit/,
    );
    const record = JSON.parse(read(corpus, 'source.json').toString()) as Record;
    expect(record.attachments?.map((a) => a.file)).toEqual(['attachment-1.docx']);
    expect(existsSync(join(corpus, 'edu', '2012', 'attachment-2.pdf'))).toBe(false);
  });

  it("a cloned corpus whose source.json names an attachment outside plandiff's names is refused, never read", async () => {
    const corpus = corpusOf('big');
    const path = join(corpus, 'edu', '2012', 'source.json');
    const record = JSON.parse(readFileSync(path, 'utf8')) as Record & { planFrom: string };
    record.attachments![0]!.file = '../../.git/config';
    record.planFrom = '../../.git/config';
    writeFileSync(path, JSON.stringify(record));
    git(corpus, '-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-qam', 'forged');
    // rebuild reads the current record (log reads those of version commits, and this commit is none).
    const run = await runMain(['rebuild', 'edu@2012', '--corpus', corpus]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/source\.json.*(attachments|planFrom)/);
  });

  it('waits the delay between the page and its attachment, as between pages', async () => {
    const hits = server.hits.length;
    const run = await runMain(fetchWith('/pdf-notice.html', corpusOf('delay'), '0.4'));
    expect([0, 3]).toContain(run.code);
    const got = server.hits.slice(hits);
    const page = got.find((h) => h.path === '/pdf-notice.html');
    const file = got.find((h) => h.path === '/files/plan.pdf');
    expect(file!.at - page!.at).toBeGreaterThanOrEqual(380);
  });

  it('a page that holds the plan itself keeps it; its spreadsheet is still archived', async () => {
    const corpus = corpusOf('inline');
    const run = await runMain(fetchArgs('/inline.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(read(corpus, 'source.json').toString()) as Record;
    expect(record.planFrom).toBeUndefined();
    expect(read(corpus, 'attachment-1.xlsx').equals(table)).toBe(true);
    const plan = JSON.parse(read(corpus, 'plan.json').toString()) as Plan;
    expect(plan.source.path).toBe('edu/2012/source.html');
    expect(plan.units.length).toBeGreaterThanOrEqual(8);
  });
});

describe.skipIf(!CAN_PRINT)('a plan published as a PDF', () => {
  it('reads the plan from the Chromium-printed PDF, archived byte for byte', async () => {
    const corpus = corpusOf('pdf');
    const run = await runMain(fetchArgs('/pdf-notice.html', corpus));
    expect(run.code, run.stderr).toBe(0);
    expect(read(corpus, 'attachment-1.pdf').equals(pdf!)).toBe(true);
    const plan = JSON.parse(read(corpus, 'plan.json').toString()) as Plan;
    expect(plan.units.map((u) => u.heading.replace(/\s/g, ''))).toEqual(
      sections.map((s) => s.heading.replace(/\s/g, '')),
    );
    expect(plan.notice?.recipients).toContain('各区、县教育局');
    expect(plan.source.sha256).toBe(sha(pdf!));
  });

  it('a PDF without a text layer is named (OCR needed) and a notice with nothing else exits 3, nothing stored', async () => {
    const corpus = corpusOf('scan');
    const run = await runMain(fetchArgs('/scan-notice.html', corpus));
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/warning attachment .*could not be read \(.*OCR/);
    expect(run.stderr).toMatch(/nor do its 1 fetched attachment\(s\); nothing stored/);
    expect(existsSync(join(corpus, 'edu'))).toBe(false);
  });
});

function planHtml(parts: { heading: string; tasks: string[] }[]): string {
  return parts
    .map(
      (s, i) => `<p>${NUMERALS[i]}、${s.heading}</p>${s.tasks.map((t, k) => `<p>（${NUMERALS[k]}）${t}</p>`).join('')}`,
    )
    .join('');
}
