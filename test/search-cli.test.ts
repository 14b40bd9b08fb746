import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const SEED = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
const gwr = (year: number) => join(ROOT, 'corpus', 'gwr', `${year}.txt`);

interface Hit {
  series: string;
  edition: string;
  year: number;
  unitId: string;
  number: string;
  heading: string;
  snippet: { text: string; highlights: [number, number][] };
}
interface Result {
  total: number;
  hits: Hit[];
}

describe('plandiff search over every series of a corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-search-'));
  const corpus = join(dir, 'corpus');
  const index = join(corpus, '.git', 'plandiff', 'index.sqlite');
  const search = async (...args: string[]) => {
    const run = await runMain(['search', ...args, '--corpus', corpus, '--format', 'json', '--limit', '200']);
    expect(run.code, run.stderr).toBe(0);
    return { ...(JSON.parse(run.stdout) as Result), stderr: run.stderr };
  };
  const highlighted = (h: Hit) => h.snippet.highlights.map(([a, b]) => h.snippet.text.slice(a, b));

  beforeAll(async () => {
    for (const args of [
      ['import', SEED, '--series', 'luzhou-edu'],
      ['import', gwr(2010), gwr(2012), gwr(2013), '--series', 'gwr', '--edition-from', 'file'],
    ]) {
      const run = await runMain([...args, '--corpus', corpus]);
      expect(run.code, run.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the index on first use, inside .git, and finds a term in both series with place and snippet', async () => {
    expect(existsSync(index)).toBe(false);
    const result = await search('学前教育');
    expect(result.stderr).toMatch(/built the search index \(4 editions, .*\) because there is none yet/);
    expect(existsSync(index)).toBe(true);
    // Never in the work tree: git sees nothing new.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: corpus, encoding: 'utf8' })).toBe('');
    expect(new Set(result.hits.map((h) => h.series))).toEqual(new Set(['gwr', 'luzhou-edu']));
    const seed = result.hits.find((h) => h.series === 'luzhou-edu' && h.unitId === '3.1');
    expect(seed).toMatchObject({ edition: '2012', year: 2012, number: '13.', heading: '大力实施学前教育建设工程' });
    const national = result.hits.find(
      (h) => h.edition === '2012' && h.series === 'gwr' && h.heading.includes('学前教育三年行动计划'),
    );
    expect(national, 'the 2012 report names the 学前教育三年行动计划').toBeDefined();
    for (const h of result.hits) expect(highlighted(h)).toContain('学前教育');
    // Best first: the seed's task that is about pre-school education outranks passing mentions.
    expect(result.hits.slice(0, 3).map((h) => h.unitId)).toContain('3.1');
    const again = await search('学前教育');
    expect(again.stderr).toBe('');
    expect(again.total).toBe(result.total);
  });

  it('one- and two-character terms find their hits', async () => {
    const one = await search('教');
    const two = await search('教育');
    expect(two.total).toBeGreaterThan(50);
    expect(one.total).toBeGreaterThanOrEqual(two.total);
    for (const h of two.hits) expect(highlighted(h).every((t) => t === '教育')).toBe(true);
    const single = await search('园'); // only ever inside words such as 幼儿园 and 园区
    expect(single.total).toBeGreaterThan(0);
    for (const h of single.hits) expect(highlighted(h)).toContain('园');
  });

  it('a phrase matches its words side by side; separate terms match anywhere in the unit', async () => {
    const phrase = await search('义务教育 均衡发展'); // one argument: a phrase
    expect(phrase.total).toBeGreaterThan(0);
    for (const h of phrase.hits) expect(highlighted(h)).toContain('义务教育均衡发展');
    const adjacent = await search('教育 公平');
    const anywhere = await search('教育', '公平');
    expect(adjacent.total).toBeGreaterThan(0);
    expect(anywhere.total).toBeGreaterThan(adjacent.total);
    for (const h of adjacent.hits) expect(highlighted(h)).toContain('教育公平');
    const quoted = await search('"义务教育 均衡发展" 督导');
    expect(quoted.hits.map((h) => h.unitId)).toEqual(['3.6']);
  });

  it('traditional characters find simplified text, and full-width forms fold', async () => {
    const simplified = await search('义务教育');
    const traditional = await search('義務教育');
    expect(traditional.total).toBe(simplified.total);
    expect(traditional.hits.map((h) => `${h.series}@${h.edition} ${h.unitId}`)).toEqual(
      simplified.hits.map((h) => `${h.series}@${h.edition} ${h.unitId}`),
    );
    expect(highlighted(traditional.hits[0]!)).toContain('义务教育');
    expect((await search('９＋３')).hits.map((h) => h.unitId)).toContain('4.3');
  });

  it('--series, --from and --to filter; text and Markdown formats', async () => {
    const gwrOnly = await search('学前教育', '--series', 'gwr', '--from', '2012', '--to', '2012');
    expect(gwrOnly.hits.length).toBeGreaterThan(0);
    expect(new Set(gwrOnly.hits.map((h) => `${h.series}@${h.edition}`))).toEqual(new Set(['gwr@2012']));
    const text = await runMain(['search', '学前教育', '--corpus', corpus, '--limit', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d+ unit\(s\) match 学前教育; showing the best 2\n/);
    expect(text.stdout).toContain('luzhou-edu@2012 3.1 13.  大力实施学前教育建设工程');
    expect(text.stdout).toContain('«学前教育»');
    const md = await runMain(['search', '学前教育', '--corpus', corpus, '--format', 'md', '--limit', '1']);
    expect(md.stdout).toContain('| Edition | Unit | Heading | Snippet |');
    expect(md.stdout).toContain('**学前教育**');
  });

  it('bad queries and unknown series are one-line errors', async () => {
    const empty = await runMain(['search', '，。', '--corpus', corpus]);
    expect([empty.code, empty.stderr.trim()]).toEqual([
      2,
      'plandiff: ，。: nothing to search for (no letters, digits or Chinese characters)',
    ]);
    const unknown = await runMain(['search', '教育', '--series', 'nope', '--corpus', corpus]);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr.trim()).toMatch(
      /^plandiff: --series nope: no such series in .* \(series: gwr, luzhou-edu\)$/,
    );
  });

  it('import updates the index; a HEAD moved by other means is noticed; deleting the index loses nothing', async () => {
    await search('教育');
    const imported = await runMain([
      'import',
      gwr(2014),
      '--series',
      'gwr',
      '--edition-from',
      'file',
      '--corpus',
      corpus,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/updated the search index to the corpus HEAD \(1 added, 0 changed, 0 removed/);
    const fresh = await search('学前教育', '--from', '2014');
    expect(fresh.stderr).toBe('');
    expect(fresh.hits.map((h) => h.edition)).toContain('2014');
    // A commit made with git itself (here: removing an edition) moves HEAD: the index follows.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: corpus, encoding: 'utf8' });
    git('rm', '-rq', 'gwr/2014');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'drop 2014');
    const after = await search('学前教育', '--from', '2014');
    expect(after.stderr).toMatch(/1 removed/);
    expect(after.hits).toEqual([]);
    const before = await search('义务教育');
    rmSync(index);
    const rebuilt = await search('义务教育');
    expect(rebuilt.stderr).toMatch(/built the search index/);
    // Same hits (BM25 statistics of an index with deletions can differ slightly from a fresh one).
    const places = (r: Result) => r.hits.map((h) => `${h.series}@${h.edition} ${h.unitId}`).sort();
    expect(places(rebuilt)).toEqual(places(before));
  }, 120_000);

  it('plandiff index reports and rebuilds; an unreadable index file is rebuilt, not trusted', async () => {
    const status = await runMain(['index', '--corpus', corpus, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ index, series: 2, editions: 4, status: 'fresh' });
    const rebuilt = await runMain(['index', '--rebuild', '--corpus', corpus]);
    expect(rebuilt.stderr).toMatch(/because a rebuild was asked for/);
    writeFileSync(index, 'not a database at all, but long enough to look like a header of one..........');
    const repaired = await search('教育');
    expect(repaired.stderr).toMatch(/because the existing one is unreadable/);
    expect(repaired.total).toBeGreaterThan(0);
  });

  it('refuses a symlinked index folder or file, and writes nothing through it', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const folder = join(corpus, '.git', 'plandiff');
    rmSync(folder, { recursive: true });
    symlinkSync(outside, folder);
    const run = await runMain(['search', '教育', '--corpus', corpus]);
    expect(run.code).toBe(4);
    expect(run.stderr.trim()).toBe(`plandiff: ${folder}: is a symlink; refusing to use it for the search index`);
    rmSync(folder);
    mkdirSync(folder);
    const victim = join(outside, 'victim.sqlite');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, index);
    const file = await runMain(['search', '教育', '--corpus', corpus]);
    expect(file.code).toBe(4);
    expect(file.stderr).toContain('is a symlink; refusing to use it as the search index');
    expect(execFileSync('cat', [victim], { encoding: 'utf8' })).toBe('keep me');
    rmSync(index);
  });
});
