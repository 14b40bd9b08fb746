import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeXml } from '../packages/report/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  content: { '#text': string; type: string };
}

describe('plandiff feed <series>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
  const corpus = join(dir, 'corpus');
  const out = join(dir, 'feed.xml');
  let feed: { id: string; title: string; updated: string; author: { name: string }; entry: AtomEntry[] };
  let xml: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // Three editions, then the 2025 report re-published with one target changed: a new version.
    for (const args of [
      ['init', '--corpus', corpus],
      [
        'import',
        ...[2023, 2024, 2025].map((y) => join(ROOT, 'corpus', 'gwr', `${y}.txt`)),
        '--series',
        'gwr',
        '--corpus',
        corpus,
      ],
    ]) {
      const run = await runMain(args);
      if (run.code !== 0) throw new Error(`${args[0]}: ${run.stderr}`);
    }
    const text = readFileSync(join(ROOT, 'corpus', 'gwr', '2025.txt'), 'utf8');
    expect(text.split('城镇新增就业1200万人以上').length).toBe(2);
    const revised = join(dir, '2025-revised.txt');
    writeFileSync(revised, text.replace('城镇新增就业1200万人以上', '城镇新增就业1300万人以上'));
    const run = await runMain(['import', revised, '--series', 'gwr', '--edition', '2025', '--corpus', corpus]);
    if (run.code !== 0) throw new Error(run.stderr);
    const made = await runMain([
      'feed',
      'gwr',
      '--corpus',
      corpus,
      '--out',
      out,
      '--url',
      'https://example.org/gwr.xml',
    ]);
    if (made.code !== 0) throw new Error(made.stderr);
    xml = readFileSync(out, 'utf8');
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'entry',
    }).parse(xml);
    feed = parsed.feed;
  }, 240_000);

  it('is well-formed Atom: namespace, feed id/title/updated/author, RFC 3339 dates, unique entry ids', async () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(feed.id).toBe('https://example.org/gwr.xml');
    expect(feed.title).toContain('gwr');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author.name).toBeTruthy();
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/gwr.xml"/>');
    const ids = feed.entry.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^tag:plandiff\.dev,2024:gwr\//);
      expect(entry.updated).toMatch(RFC3339);
      expect(entry.title).toBeTruthy();
      expect(entry.content.type).toBe('html');
    }
    // Newest first; the feed is as new as its newest entry.
    const times = feed.entry.map((e) => Date.parse(e.updated));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(Date.parse(feed.updated)).toBe(times[0]);
  });

  it('has one entry per new edition (2024, 2025) and one per new version (2025 revised)', async () => {
    expect(feed.entry).toHaveLength(3);
    const revised = feed.entry.find((e) => e.id.startsWith('tag:plandiff.dev,2024:gwr/2025/'))!;
    expect(revised.title).toMatch(/^gwr@2025 修订 \([0-9a-f]{12}\)：/);
    expect(feed.entry.map((e) => e.id).sort()).toEqual(
      ['tag:plandiff.dev,2024:gwr/2024', 'tag:plandiff.dev,2024:gwr/2025', revised.id].sort(),
    );
  });

  it('carries the change summary and the list of changes as HTML', async () => {
    const revised = feed.entry.find((e) => e.id.startsWith('tag:plandiff.dev,2024:gwr/2025/'))!;
    // The one edit made above, and nothing else: one reworded task, its figure 1200万人 → 1300万人.
    expect(revised.summary).toMatch(/^2025 → 2025：改写 1，未变 \d+；数字变化 1$/);
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${revised.content['#text']}</body></html>`);
    expect(document.querySelectorAll('ol > li')).toHaveLength(1);
    const item = document.querySelector('ol > li')!;
    expect(item.querySelector('strong')!.textContent).toBe('改写');
    expect([...item.querySelectorAll('del')].map((d) => d.textContent)).toContain('1200');
    expect([...item.querySelectorAll('ins')].map((d) => d.textContent)).toContain('1300');
    expect(item.textContent).toContain('1200万人 → 1300万人');
    expect(document.querySelectorAll('script')).toHaveLength(0);

    const edition = feed.entry.find((e) => e.id === 'tag:plandiff.dev,2024:gwr/2025')!;
    expect(edition.summary).toMatch(/^2024 → 2025：新增 \d+，删除 \d+，改写 \d+/);
    const page = parseHTML(`<!DOCTYPE html><html><body>${edition.content['#text']}</body></html>`).document;
    expect(page.querySelectorAll('ol > li').length).toBeGreaterThan(50);
    expect(page.querySelector('p strong')!.textContent).toBe(edition.summary);
  });

  it('keeps entry ids from run to run, and --limit keeps the newest', async () => {
    const run = await runMain(['feed', 'gwr', '--corpus', corpus, '--limit', '1', '--lang', 'en']);
    expect(run.code, run.stderr).toBe(0);
    const again = new XMLParser({ isArray: (name) => name === 'entry' }).parse(run.stdout).feed;
    expect(again.entry).toHaveLength(1);
    expect(again.entry[0].id).toBe(feed.entry[0]!.id);
    expect(again.id).toBe('tag:plandiff.dev,2024:gwr');
    expect(again.entry[0].summary).toMatch(/^2025 → 2025: 1 reworded, \d+ unchanged; 1 figures changed$/);
  }, 120_000);

  it('refuses a series that is not stored, or a bad --limit, in one line', async () => {
    const missing = await runMain(['feed', 'nope', '--corpus', corpus]);
    expect(missing.code).toBe(4);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('nope');
    const limit = await runMain(['feed', 'gwr', '--corpus', corpus, '--limit', '-1']);
    expect(limit.code).toBe(2);
    expect(limit.stderr.trim().split('\n').at(-1)).toBe('plandiff: --limit must be 0 or a positive integer, got -1');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', async () => {
    expect(escapeXml('a<b>&"\'\u0001\u0008\uFFFE\uD800x')).toBe('a&lt;b&gt;&amp;&quot;&#39;x');
    expect(escapeXml('𠀀 tab\tnl\n')).toBe('𠀀 tab\tnl\n');
  });
});
