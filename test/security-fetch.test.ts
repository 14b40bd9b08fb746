import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { htmlPage, planHtml, planText } from './helpers/bad-inputs.ts';
import { checkCorpus } from './helpers/corpus-check.ts';
import { runMainMeasured, stackLines, tempDir } from './helpers/reliability.ts';

// Credentials in URLs never reach the corpus — not the files, not commit messages, not any git
// object (every object is decompressed and searched), not the reflog — nor any output line.
// Only http and https are fetched.

const USER = 'reader-k7q';
const PASSWORD = 'Pa55-x9z-unique';
const dir = tempDir();
const corpus = join(dir, 'corpus');
let server: PageServer;
const seenAuth: string[] = [];

beforeAll(async () => {
  const page = send(htmlPage(planHtml(planText({ year: 2012 }))), { 'content-type': 'text/html' });
  server = await startPageServer({
    '/robots.txt': send('User-agent: *\nAllow: /\n', { 'content-type': 'text/plain' }),
    '/plan.html': (req, res) => {
      seenAuth.push(req.headers.authorization ?? '');
      page(req, res);
    },
    '/moved.html': send('', { location: '/plan.html?from=moved' }, 301),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every byte git keeps for the corpus, decompressed: all objects, refs, logs, config. */
function everythingGitKeeps(repo: string): string {
  const objects = execFileSync('git', ['-C', repo, 'cat-file', '--batch-all-objects', '--batch'], {
    maxBuffer: 1 << 30,
  });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'objects') walk(p);
      } else files.push(readFileSync(p, 'latin1'));
    }
  };
  walk(join(repo, '.git'));
  return objects.toString('latin1') + files.join('\n');
}

/** Every file in the working tree (and plandiff's scratch space). */
function everythingOnDisk(root: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(p);
      } else parts.push(readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return parts.join('\n');
}

describe('URLs with credentials', () => {
  it('fetch uses them for the request but writes them nowhere', { timeout: 180_000 }, async () => {
    const secret = (path: string) => `http://${USER}:${PASSWORD}@${server.base.slice('http://'.length)}${path}`;
    const run = await runMainMeasured([
      'fetch',
      secret('/plan.html'),
      secret('/moved.html'),
      '--series',
      'edu',
      '--corpus',
      corpus,
    ]);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(
      seenAuth.some((a) => Buffer.from(a.replace(/^Basic /, ''), 'base64').toString() === `${USER}:${PASSWORD}`),
    ).toBe(true);
    expect(checkCorpus(corpus).editions.size).toBe(1);
    const output = run.stdout + run.stderr;
    for (const leak of [PASSWORD, USER, encodeURIComponent(PASSWORD)]) {
      expect(output).not.toContain(leak);
      expect(everythingOnDisk(corpus)).not.toContain(leak);
      expect(everythingGitKeeps(corpus)).not.toContain(leak);
    }
    const record = JSON.parse(readFileSync(join(corpus, 'edu', '2012', 'source.json'), 'utf8'));
    expect(record.url).toBe(`${server.base}/plan.html`);
  });
});

describe('only http and https are fetched', () => {
  it('file:, ftp:, gopher:, ws: and javascript: URLs are each refused in the summary, exit 3, nothing stored', {
    timeout: 60_000,
  }, async () => {
    const urls = [
      'file:///etc/passwd',
      'ftp://127.0.0.1/x.html',
      'gopher://127.0.0.1/x',
      'ws://127.0.0.1/x',
      'javascript://alert(1)',
    ];
    const run = await runMainMeasured(['fetch', ...urls, '--series', 'edu', '--edition', 'x', '--corpus', corpus]);
    expect(run.code, run.stderr).toBe(3);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(new RegExp(`${urls.length} of ${urls.length} URL\\(s\\) failed`));
    for (const scheme of ['file', 'ftp', 'gopher', 'ws', 'javascript'])
      expect(run.stderr).toMatch(new RegExp(`only http and https URLs can be fetched \\(got ${scheme}\\)`));
    expect(checkCorpus(corpus).editions.has('edu@x')).toBe(false);
  });
});
