// `plandiff clean` and `plandiff parse` on saved pages and on URLs served from 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CleanOutputSchema } from '../packages/model/src/index.ts';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { type CliRun, ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const PORTAL = join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html');

/** Like runCli, but without blocking this process — the test's own HTTP server must answer. */
function runCliAsync(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'cli', 'bin', 'plandiff.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('plandiff clean <file>', () => {
  it('prints the JSON record of a saved GBK portal page', async () => {
    const run = await runMain(['clean', PORTAL, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual([
      'text',
      'title',
      'date',
      'publishedOn',
      'issuedOn',
      'docNumber',
      'issuer',
      'attachments',
      'encoding',
    ]);
    expect(CleanOutputSchema.safeParse(out).success).toBe(true);
    expect(out).toMatchObject({
      title: '泸州市教育局关于印发《2012年全市教育工作要点》的通知',
      date: '2012-02-09',
      issuedOn: '2012-02-09',
      docNumber: '泸市教发〔2012〕5号',
      issuer: '泸州市教育局',
      encoding: 'gb18030',
    });
    expect(out.text).toContain('43.强化督查督办工作。');
    expect(out.text).not.toContain('版权所有');
  });

  it('prints plain text by default, and refuses binary files clearly', async () => {
    const text = await runMain(['clean', PORTAL]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('各区、县教育局，各直属学校、直属单位，局机关各科室：');
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    const image = join(dir, 'image.html');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const binary = await runMain(['clean', image]);
    expect([binary.code, binary.stderr.trim()]).toEqual([
      1,
      `plandiff: ${image}: looks like a binary file, not text, HTML, .docx, .pdf, .doc or .wps`,
    ]);
  });

  it('parses a saved page into the plan (clean → normalize)', async () => {
    const run = await runMain(['parse', PORTAL]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.issuedOn).toBe('2012-02-09');
    expect(plan.source).toMatchObject({ path: PORTAL, encoding: 'gb18030' });
    expect(plan.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.stdout).toContain('强化督查督办工作');
  });
});

describe('plandiff clean <url>', () => {
  let server: PageServer;
  const portal = readFileSync(PORTAL);
  beforeAll(async () => {
    server = await startPageServer({
      '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
      '/tzgg/plan.html': send(portal, { 'content-type': 'text/html' }),
      '/private/plan.html': send(portal, { 'content-type': 'text/html' }),
    });
  });
  afterAll(() => server.close());

  it('fetches politely and prints the JSON record, attachments resolved against the URL', async () => {
    const run = await runCliAsync(['clean', `${server.base}/tzgg/plan.html`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ date: '2012-02-09', encoding: 'gb18030' });
    expect(out.attachments).toEqual([
      { name: '2012年全市教育工作要点.doc', url: `${server.base}/uploads/2012/02/jygzyd2012.doc` },
    ]);
    const ua = server.hits.find((h) => h.path === '/tzgg/plan.html')?.headers['user-agent'];
    const version = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')).version;
    expect(ua).toBe(`plandiff/${version} (+https://github.com/plandiff/plandiff)`);
  });

  it('refuses what robots.txt disallows (exit 3) unless --ignore-robots is given', async () => {
    const url = `${server.base}/private/plan.html`;
    const refused = await runCliAsync(['clean', url, '--json']);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim()).toBe(
      `plandiff: ${url}: robots.txt disallows fetching this page; pass --ignore-robots to fetch it anyway`,
    );
    const forced = await runCliAsync(['clean', url, '--json', '--ignore-robots']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).date).toBe('2012-02-09');
  });

  it('reports a 404 on one line without echoing URL credentials', async () => {
    const run = await runCliAsync(['clean', `${server.base.replace('//', '//me:pa55word@')}/gone.html`]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toBe(`plandiff: ${server.base}/gone.html: HTTP 404 Not Found`);
    expect(run.stderr).not.toMatch(/pa55word|me:/);
  });

  it('parses a plan straight from its URL', async () => {
    const run = await runCliAsync(['parse', `${server.base}/tzgg/plan.html`, '--format', 'text']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('43. 强化督查督办工作');
  });
});
