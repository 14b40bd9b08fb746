// `plandiff fetch`: scrape → normalize → store, against a real HTTP server on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { loadRef, logEdition, rebuildCorpus } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

const PORTAL = readFileSync(join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html'));
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/tzgg/plan.html': send(PORTAL, { 'content-type': 'text/html', 'set-cookie': 'session=s3cret', etag: '"v1"' }),
    '/private/plan.html': send(PORTAL, { 'content-type': 'text/html' }),
  });
});
afterAll(() => server.close());

describe('plandiff fetch', () => {
  it('stores what succeeded in one commit, a line per URL, failures summarised, exit 3', async () => {
    const corpus = join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'corpus');
    const page = `${server.base}/tzgg/plan.html`;
    const withCredentials = page.replace('http://', 'http://reader:pa55word@');
    const urls = [withCredentials, `${server.base}/missing.html`, `${server.base}/private/plan.html`];
    const run = await spawnCli(['fetch', ...urls, '--series', 'luzhou-edu', '--corpus', corpus]).exited;
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout).toMatch(/added\s+luzhou-edu@2012\s+http:\/\/127\.0\.0\.1:\d+\/tzgg\/plan\.html/);
    expect(run.stdout + run.stderr).not.toContain('pa55word');
    expect(run.stdout).toMatch(/failed\s+.*\/missing\.html/);
    expect(run.stdout).toMatch(/failed\s+.*\/private\/plan\.html/);
    expect(run.stderr).toMatch(
      /2 of 3 URL\(s\) failed:\n {2}.*missing\.html.*HTTP 404[^\n]*\n {2}.*private\/plan\.html.*robots\.txt/,
    );

    // exact bytes, provenance without credentials or cookies
    expect(readFileSync(join(corpus, 'luzhou-edu/2012/source.html')).equals(PORTAL)).toBe(true);
    const recordText = readFileSync(join(corpus, 'luzhou-edu/2012/source.json'), 'utf8');
    expect(recordText).not.toMatch(/pa55word|reader|s3cret/);
    const record = JSON.parse(recordText);
    expect(record).toMatchObject({ file: 'source.html', url: page, finalUrl: page, status: 200, encoding: 'gb18030' });
    expect(record.headers).toMatchObject({ 'content-type': 'text/html', etag: '"v1"' });
    expect(Object.keys(record.headers).sort()).toEqual(['content-type', 'date', 'etag']);
    expect(Date.parse(record.fetchedAt)).toBeGreaterThan(Date.now() - 600_000);
    const { plan } = await loadRef(corpus, 'luzhou-edu@2012');
    expect(plan.source).toMatchObject({ url: page, path: 'luzhou-edu/2012/source.html' });
    expect(plan.title).toContain('2012年全市教育工作要点');
    expect(git(corpus, 'log', '-1', '--format=%s')).toBe('fetch luzhou-edu@2012 (added)');
    expect(git(corpus, 'log', '-1', '--format=%B')).toContain(`from ${page} (sha256 `);
    expect(git(corpus, 'log', '--format=%B')).not.toMatch(/pa55word|reader/);

    // fetching the same page again: unchanged, no commit, exit 0
    const head = git(corpus, 'rev-parse', 'HEAD');
    const again = await spawnCli(['fetch', page, '--series', 'luzhou-edu', '--corpus', corpus]).exited;
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/unchanged\s+luzhou-edu@2012/);
    expect(git(corpus, 'rev-parse', 'HEAD')).toBe(head);
    expect(await logEdition(corpus, 'luzhou-edu@2012')).toHaveLength(1);
    // the archived page re-derives to the same plan (decoded with the recorded encoding, re-cleaned)
    const rebuilt = await rebuildCorpus(corpus, { normalizer: storeNormalizer });
    expect(rebuilt).toMatchObject({ checked: ['luzhou-edu@2012'], changed: [] });
  }, 120_000);
});
