import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, send, startPageServer } from '../packages/scrape/test/helpers/page-server.ts';
import { explainBadName } from '../packages/store/src/index.ts';
import { htmlPage, planHtml, planText } from './helpers/bad-inputs.ts';
import { checkCorpus } from './helpers/corpus-check.ts';
import { errorLines, runMainMeasured, stackLines, tempDir } from './helpers/reliability.ts';

// No path traversal: series and edition names, corpus references and fetched URL paths can only
// ever name `<series>/<edition>/` inside the corpus; archived files have fixed names.

const dir = tempDir();
const corpus = join(dir, 'corpus');
let server: PageServer;

beforeAll(async () => {
  server = await startPageServer({
    '/robots.txt': send('User-agent: *\nAllow: /\n', { 'content-type': 'text/plain' }),
    '/a/../../../../etc/passwd.html': send(htmlPage(planHtml(planText({ year: 2015 }))), {
      'content-type': 'text/html',
    }),
    '/%2e%2e/%2e%2e/evil.html': send(htmlPage(planHtml(planText({ year: 2016 }))), { 'content-type': 'text/html' }),
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under `root`, relative (the .git directory skipped). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

const HOSTILE_NAMES = [
  '..',
  '../x',
  '../../etc',
  '/etc',
  'a/b',
  'a\\b',
  '.git',
  '.plandiff',
  '.hidden',
  '..%2f',
  'x\u0000y',
  'x\ny',
  'CON',
  'nul.txt',
  'latest',
  'a'.repeat(101),
  '',
  ' ',
  '-rf',
  '--help',
];

describe('series and edition names cannot leave the corpus', () => {
  it('the name checker refuses every hostile name', () => {
    for (const name of HOSTILE_NAMES) {
      const refused = explainBadName(name, 'series') ?? explainBadName(name, 'edition');
      expect(refused, JSON.stringify(name)).toBeTruthy();
    }
  });

  it('import refuses them through the CLI (exit 2, one line) and writes nothing anywhere', {
    timeout: 300_000,
  }, async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, planText());
    mkdirSync(join(dir, 'sandbox'));
    const before = filesUnder(dir);
    for (const name of ['..', '../x', 'a/b']) {
      for (const flag of ['--series', '--edition']) {
        const target = ['--corpus', join(dir, 'sandbox', 'c')];
        const args =
          flag === '--series'
            ? ['import', file, '--series', name, ...target]
            : ['import', file, '--series', 'ok', '--edition', name, ...target];
        const run = await runMainMeasured(args, { cwd: join(dir, 'sandbox') });
        expect(run.code, `${flag} ${JSON.stringify(name)}: ${run.stderr}`).toBe(2);
        expect(errorLines(run.stderr)).toHaveLength(1);
        expect(stackLines(run.stderr)).toEqual([]);
      }
    }
    expect(filesUnder(dir)).toEqual(before);
  });

  it('corpus references with traversal are refused, not resolved', { timeout: 120_000 }, async () => {
    const file = join(dir, 'seed-2012.txt');
    writeFileSync(file, planText({ year: 2012 }));
    const made = await runMainMeasured(['import', file, '--series', 'edu', '--corpus', corpus]);
    expect(made.code, made.stderr).toBe(0);
    for (const ref of ['edu@../../../etc', '..@2012']) {
      const run = await runMainMeasured(['show', ref, '--corpus', corpus]);
      expect(run.code, `${ref}: ${run.stdout}`).not.toBe(0);
      expect(run.code).not.toBe(70);
      expect(stackLines(run.stderr)).toEqual([]);
      expect(run.stdout).toBe('');
    }
  });
});

describe('archived file names are fixed, whatever the URL path says', () => {
  it('fetching URLs whose paths climb (.., %2e%2e) stores only <series>/<edition>/source.*', {
    timeout: 180_000,
  }, async () => {
    const urls = [`${server.base}/a/../../../../etc/passwd.html`, `${server.base}/%2e%2e/%2e%2e/evil.html`];
    const run = await runMainMeasured(['fetch', ...urls, '--series', 'web', '--corpus', corpus]);
    // WHATWG URL parsing already collapses `..`, so the first URL asks for /etc/passwd.html (a 404 here).
    expect([0, 3]).toContain(run.code);
    expect(stackLines(run.stderr)).toEqual([]);
    const files = filesUnder(corpus).filter((f) => !f.startsWith('.plandiff'));
    for (const f of files)
      expect(f).toMatch(
        /^(corpus\.json|\.gitignore|\.gitattributes|[a-z0-9._-]+\/[a-z0-9._-]+\/(source\.(html|txt|json)|plan\.(json|md)))$/,
      );
    expect(existsSync(join(dir, 'etc'))).toBe(false);
    expect(existsSync(join(dir, 'evil.html'))).toBe(false);
    checkCorpus(corpus);
  });
});
