// Responses that hold no plan are refused (exit 3) and never replace a stored version; timing flags.
// A real HTTP server on 127.0.0.1, plandiff run in-process through main(argv).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const PORTAL = readFileSync(join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html'));
const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>泸州市教育局</title></head><body>${body}</body></html>`;
let server: PageServer;
const corpus = join(mkdtempSync(join(tmpdir(), 'plandiff-noplan-')), 'corpus');

beforeAll(async () => {
  server = await startPageServer({
    '/plan.html': send(PORTAL, { 'content-type': 'text/html' }),
    '/gone.html': send(page('<div class="main"><h1>对不起，您访问的页面不存在！</h1><a href="/">返回首页</a></div>'), {
      'content-type': 'text/html',
    }),
    '/error.html': send(page('<p>系统繁忙，请稍后再试。</p>'), { 'content-type': 'text/html' }),
    '/login.html': send(page('<form><p>用户登录</p><input name="u"><p>请先登录后查看</p></form>'), {
      'content-type': 'text/html',
    }),
    '/empty.html': send('', { 'content-type': 'text/html' }),
    '/news.html': send(page('<p>今天天气晴朗，市民出行踊跃。</p>'.repeat(5)), { 'content-type': 'text/html' }),
  });
});
afterAll(() => server.close());

const fetchArgs = (path: string) => [
  'fetch',
  `${server.base}${path}`,
  '--series',
  'edu',
  '--edition',
  '2012',
  '--corpus',
  corpus,
  '--delay',
  '0',
];

describe('fetch refuses responses that hold no plan', () => {
  it('stores the real plan first', async () => {
    const run = await runMain(fetchArgs('/plan.html'));
    expect(run.code, run.stderr).toBe(0);
  });

  for (const [path, reason] of [
    ['/gone.html', /page not found/],
    ['/error.html', /server error page/],
    ['/login.html', /login page/],
    ['/empty.html', /empty page/],
    ['/news.html', /holds no plan/],
  ] as const) {
    it(`${path}: exit 3, a clear reason, the stored 2012 version untouched`, async () => {
      const before = await runMain(['show', 'edu@2012', '--corpus', corpus]);
      const run = await runMain(fetchArgs(path));
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).toMatch(/nothing stored/);
      const after = await runMain(['show', 'edu@2012', '--corpus', corpus]);
      expect(after.stdout).toBe(before.stdout);
      expect(after.stdout).toContain('2012');
    });
  }
});

describe('fetch timing flags', () => {
  it('--help lists --delay, --timeout, --retries and the environment variables', async () => {
    const run = await runMain(['fetch', '--help']);
    for (const word of ['--delay', '--timeout', '--retries', 'PLANDIFF_FETCH_TIMEOUT', 'PLANDIFF_FETCH_RETRIES'])
      expect(run.stdout + run.stderr).toContain(word);
  });

  it('--timeout and --retries 0 give up on a slow server at once, exit 3', async () => {
    const slow = await startPageServer({
      '/slow.html': (_req, res) => {
        setTimeout(() => res.end(PORTAL), 3000);
      },
    });
    try {
      const started = Date.now();
      const run = await runMain([
        'fetch',
        `${slow.base}/slow.html`,
        '--series',
        'edu',
        '--corpus',
        corpus,
        '--timeout',
        '0.5',
        '--retries',
        '0',
        '--delay',
        '0',
      ]);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/timed out after 500 ms/);
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await slow.close();
    }
  });

  it('refuses a negative delay as a usage error', async () => {
    const run = await runMain([
      'fetch',
      `${server.base}/plan.html`,
      '--series',
      'edu',
      '--corpus',
      corpus,
      '--delay',
      '-1',
    ]);
    expect(run.code).toBe(2);
  });
});
