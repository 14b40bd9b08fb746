import { rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { htmlPage, planHtml, planText } from './helpers/bad-inputs.ts';
import { checkCorpus, dirtyFiles } from './helpers/corpus-check.ts';
import { errorLines, recordFigure, runCliMeasured, stackLines, tempDir } from './helpers/reliability.ts';

// Fetch faults end to end through `plandiff fetch` against a real server on 127.0.0.1: each failing
// URL gets a `failed` line and a reason in the summary, exit 3, no stack trace, and the corpus is
// exactly as before (same HEAD, fsck clean, nothing left in the working tree). Timeouts are
// shortened through PLANDIFF_FETCH_TIMEOUT (seconds) so the stall case takes seconds, not minutes.

const PLAN = htmlPage(planHtml(planText({ year: 2012 })), { charset: 'utf-8' });
const MB = 1024 * 1024;
let server: PageServer;
const dir = tempDir();
const corpus = join(dir, 'corpus');
const stalled: ServerResponse[] = [];

/** Streams zero-filled 64 KB chunks until the client hangs up (no content-length). */
function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = () => {
    while (res.write(chunk)) if (res.destroyed) return;
    res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
}

beforeAll(async () => {
  const bomb = gzipSync(Buffer.alloc(64 * MB, 0x20)); // 64 MB of spaces in ~64 KB
  server = await startPageServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/plan.html': send(PLAN, { 'content-type': 'text/html; charset=utf-8' }),
    '/private/plan.html': send(PLAN, { 'content-type': 'text/html' }),
    '/error500': send('boom', { 'content-type': 'text/plain' }, 500),
    '/stall': (_req, res) => {
      stalled.push(res); // never answers
    },
    '/loop-a': send('', { location: '/loop-b' }, 302),
    '/loop-b': send('', { location: '/loop-a' }, 302),
    '/to-file': send('', { location: 'file:///etc/passwd' }, 302),
    '/huge-announced': send('x', { 'content-type': 'text/html', 'content-length': String(50 * MB) }),
    '/huge-streamed': (_req, res) => endless(res),
    '/gzip-bomb': send(bomb, { 'content-type': 'text/html', 'content-encoding': 'gzip' }),
    '/reset': (req) => req.socket.destroy(),
  });
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Test-speed settings: short timeout, one retry, short backoff. */
const FAST = { PLANDIFF_FETCH_TIMEOUT: '2', PLANDIFF_FETCH_RETRIES: '1' };
/**
 * 50 ms between two requests to the server instead of the polite 1 s: the mixed run makes about twelve
 * requests to it, and politeness is not what these cases test (test/scrape-* and the fetcher's tests do).
 */
const DELAY = ['--delay', '0.05'];

const FAULTS: [string, string, RegExp][] = [
  ['HTTP 500 on every attempt', '/error500', /HTTP 500.*gave up after \d+ attempts?/],
  ['server accepts and never answers', '/stall', /timed out after/],
  ['redirect loop', '/loop-a', /redirect loop/],
  ['redirect to file://', '/to-file', /only http and https are followed/],
  ['body announced as 50 MB', '/huge-announced', /larger than the 20 MB limit/],
  ['endless body', '/huge-streamed', /larger than the 20 MB limit/],
  ['gzip bomb (64 MB of spaces in 64 KB)', '/gzip-bomb', /larger than the 20 MB limit/],
  ['robots.txt disallows the page', '/private/plan.html', /robots\.txt/],
  ['connection reset', '/reset', /connection reset|socket|network error/],
];

describe('plandiff fetch under faults (real server on 127.0.0.1)', () => {
  it('stores a good page first', { timeout: 120_000 }, async () => {
    const run = await runCliMeasured(['fetch', `${server.base}/plan.html`, '--series', 'edu', '--corpus', corpus]);
    expect(run.code, run.stderr).toBe(0);
    expect([...checkCorpus(corpus).editions.keys()]).toEqual(['edu@2012']);
  });

  // The faults one by one, several at a time (vitest's maxConcurrency): none of them may write, so each
  // still compares the corpus before and after its own run; a run that wrote would move HEAD for all.
  describe.concurrent('each fault alone', () => {
    for (const [name, path, reason] of FAULTS) {
      it(`${name}: exit 3, one reason in the summary, corpus unchanged`, { timeout: 120_000 }, async ({ expect }) => {
        const before = checkCorpus(corpus);
        const url = `${server.base}${path}`;
        const args = ['fetch', url, '--series', 'edu', '--edition', 'x', '--corpus', corpus, ...DELAY];
        const run = await runCliMeasured(args, { env: FAST });
        expect(run.code, run.stderr).toBe(3);
        expect(stackLines(run.stderr)).toEqual([]);
        expect(run.stdout).toMatch(new RegExp(`failed\\s+.*${path.replace(/[/.]/g, '\\$&')}`));
        expect(errorLines(run.stderr)[0]).toMatch(/1 of 1 URL\(s\) failed/);
        expect(run.stderr).toMatch(reason);
        const after = checkCorpus(corpus);
        recordFigure({ suite: 'fetch faults', faults: 1, records: after.recordsChecked, losses: 0 });
        expect(after.head).toBe(before.head);
        expect(dirtyFiles(corpus)).toEqual([]);
      });
    }
  });

  it('a run mixing a good page with every fault stores the good one, summarises the rest, exits 3', {
    timeout: 180_000,
  }, async () => {
    const before = checkCorpus(corpus);
    const urls = [`${server.base}/plan.html?v=2`, ...FAULTS.map(([, path]) => `${server.base}${path}`)];
    const run = await runCliMeasured(['fetch', ...urls, '--series', 'mix', '--corpus', corpus, ...DELAY], {
      env: FAST,
    });
    expect(run.code, run.stderr).toBe(3);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(new RegExp(`${FAULTS.length} of ${urls.length} URL\\(s\\) failed`));
    const after = checkCorpus(corpus);
    recordFigure({ suite: 'fetch faults', faults: FAULTS.length, records: after.recordsChecked });
    expect(after.head).not.toBe(before.head);
    expect([...after.editions.keys()].sort()).toEqual(['edu@2012', 'mix@2012']);
    expect(dirtyFiles(corpus)).toEqual([]);
  });
});
