// The release tarball, installed with plain npm into a temp prefix, run from a folder outside the checkout.
// npm installs from a registry on 127.0.0.1 that serves the workspace's own pnpm store (local-registry.ts):
// no network, and better-sqlite3 arrives built, so the install takes seconds instead of minutes of
// downloads and a C++ compile. Skipped, with the reason in the test name, only when npm itself is missing.
import { execFile, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, send, startPageServer } from '../../packages/scrape/test/helpers/page-server.ts';
import { packRelease } from '../../scripts/pack-release.ts';
import { ROOT } from '../helpers/run-cli.ts';
import { type LocalRegistry, npmInstallArgs, startLocalRegistry } from './local-registry.ts';
import { loadedModules, packagesIn } from './module-probe.ts';

const run = promisify(execFile);
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')) as { version: string }).version;
/** Dependencies `plandiff parse` of a text file must not load: each belongs to another command or format. */
const HEAVY = [
  'cheerio',
  'undici',
  'better-sqlite3',
  'docx',
  'mammoth',
  'unpdf',
  'word-extractor',
  'playwright-core',
  '@node-rs/jieba',
  'zod',
  'opencc-js',
  'diff',
  'linear-sum-assignment',
  'robots-parser',
];
const PORTAL = readFileSync(join(ROOT, 'test', 'fixtures', 'scrape', 'portal-seed.html'));

let prefix = '';
let work = '';
let tarball = '';
let server: PageServer;
let registry: LocalRegistry | undefined;
/** The installed bin, run (never through a shell) from the scratch folder, outside the checkout. */
const plandiff = (...args: string[]) =>
  run(join(prefix, 'bin', 'plandiff'), args, { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20 });

if (!hasNpm) it.skip('npm is not on PATH: the release install test needs plain npm', () => {});

// Each case spawns the installed bin or tsc: minutes on a loaded 2-core machine, not the default minute.
describe.skipIf(!hasNpm)('the plandiff tarball, installed with npm', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    tarball = packRelease();
    prefix = mkdtempSync(join(tmpdir(), 'plandiff-prefix-'));
    work = mkdtempSync(join(tmpdir(), 'plandiff-user-'));
    registry = await startLocalRegistry(ROOT);
    const cache = mkdtempSync(join(tmpdir(), 'plandiff-npm-cache-'));
    await run('npm', npmInstallArgs(tarball, prefix, registry, cache), { cwd: work, encoding: 'utf8' });
    rmSync(cache, { recursive: true, force: true });
    for (const year of [2023, 2024, 2025])
      copyFileSync(join(ROOT, `corpus/gwr/${year}.txt`), join(work, `${year}.txt`));
    server = await startPageServer({ '/tzgg/plan.html': send(PORTAL, { 'content-type': 'text/html' }) });
  }, 300_000);
  afterAll(async () => {
    await registry?.close();
    await server?.close();
    for (const dir of [prefix, work]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds compiled JavaScript with .d.ts types, no TypeScript sources and no tsx', () => {
    const files = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n');
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).toContain('package/cli/src/main.js');
    const pkg = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/plandiff/package.json'), 'utf8'));
    expect(pkg.name).toBe('plandiff');
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['better-sqlite3', '@node-rs/jieba', 'yargs']),
    );
    for (const sub of ['.', './scrape', './normalize', './store', './diff', './report', './model']) {
      const entry = pkg.exports[sub] as { types: string; default: string };
      expect(files, sub).toContain(`package/${entry.default.slice(2)}`);
      expect(files, sub).toContain(`package/${entry.types.slice(2)}`);
    }
    expect(existsSync(join(prefix, 'lib/node_modules/tsx'))).toBe(false);
  });

  it('prints its version, its help with the environment, and exits 2 on a usage error and 1 on bad input', async () => {
    expect((await plandiff('--version')).stdout.trim()).toBe(VERSION);
    expect((await plandiff('--help')).stdout).toMatch(/plandiff diff\b[\s\S]*PLANDIFF_CORPUS/);
    const exit = (error: unknown) => (error as { code?: number; stderr?: string }) ?? {};
    const usage = exit(await plandiff('frobnicate').catch((error: unknown) => error));
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringMatching(/Unknown argument: frobnicate/)]);
    const missing = exit(await plandiff('parse', 'no/such/file.txt').catch((error: unknown) => error));
    expect([missing.code, missing.stderr?.trim().split('\n').length]).toEqual([1, 1]);
  });

  it('loads only what a command runs: parse pulls in no HTTP, HTML, SQLite, Word, PDF, jieba or zod', async () => {
    const mainJs = join(prefix, 'lib/node_modules/plandiff/cli/src/main.js');
    const parsed = await loadedModules(mainJs, ['parse', '2025.txt'], work);
    expect(parsed.code).toBe(0);
    const used = packagesIn(parsed.loaded);
    expect(HEAVY.filter((name) => used.has(name))).toEqual([]);
    // The probe sees ES modules (yargs parses the arguments) and CommonJS ones (diff segments words with jieba).
    expect(used.has('yargs')).toBe(true);
    const diffed = await loadedModules(mainJs, ['diff', '2024.txt', '2025.txt'], work);
    expect(packagesIn(diffed.loaded).has('@node-rs/jieba')).toBe(true);
  });

  it('diffs, traces and reports plan files from any folder', async () => {
    const diff = JSON.parse((await plandiff('diff', '2024.txt', '2025.txt', '--format', 'json')).stdout);
    expect(diff.changes.length).toBeGreaterThan(20);
    const trace = await plandiff('trace', '2023.txt', '2024.txt', '2025.txt');
    expect(trace.stdout).toMatch(/2023.*2025/s);
    await plandiff('report', '2023.txt', '2024.txt', '2025.txt', '--format', 'md', '--out', 'series.md');
    expect(readFileSync(join(work, 'series.md'), 'utf8')).toMatch(/^# /m);
  });

  it('imports files and fetches a page from 127.0.0.1 into a corpus', async () => {
    const corpus = join(work, 'corpus');
    const imported = await plandiff('import', '2024.txt', '2025.txt', '--series', 'gwr', '--corpus', corpus);
    expect(imported.stdout).toMatch(/gwr@2024/);
    const fetched = await plandiff(
      'fetch',
      `${server.base}/tzgg/plan.html`,
      '--series',
      'luzhou-edu',
      '--corpus',
      corpus,
    );
    expect(fetched.stdout).toMatch(/added\s+luzhou-edu@2012/);
    expect((await plandiff('list', '--corpus', corpus)).stdout).toMatch(/luzhou-edu[\s\S]*gwr|gwr[\s\S]*luzhou-edu/);
  });

  it('runs the demo from the inputs shipped inside the package', async () => {
    const out = join(work, 'demo');
    await plandiff('demo', '--out', out, '--lang', 'en');
    for (const file of ['luzhou-edu-2012-outline.md', 'gwr-2024-2025.html', 'gwr-2012-2025.html']) {
      expect(readFileSync(join(out, file), 'utf8').length, file).toBeGreaterThan(1000);
    }
  });

  it('runs the docs/api.md example as a plain JavaScript project, and its .d.ts types check', async () => {
    const project = join(work, 'library');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(join(prefix, 'lib/node_modules/plandiff'), join(project, 'node_modules/plandiff'));
    writeFileSync(join(project, 'package.json'), '{"type":"module"}\n');
    const example = apiExample();
    writeFileSync(join(project, 'example.js'), example);
    for (const year of [2024, 2025]) copyFileSync(join(ROOT, `corpus/gwr/${year}.txt`), join(project, `${year}.txt`));
    const { stdout } = await run(process.execPath, ['example.js'], { cwd: project, encoding: 'utf8' });
    // The same pipeline from the checkout's sources must give the same Markdown.
    const { parsePlan, diffPlans, renderDiffReport } = await import('../../cli/src/library.ts');
    const read = (year: number) =>
      parsePlan(readFileSync(join(project, `${year}.txt`), 'utf8'), { name: `${year}.txt` });
    const expected = renderDiffReport(diffPlans(read(2024).plan, read(2025).plan), 'md', { lang: 'en' });
    expect(stdout.trim()).toBe(expected.trim());
    // Types: the example, as TypeScript, checks against the shipped .d.ts.
    writeFileSync(join(project, 'example.ts'), example);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const types = ['--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types')];
    // --skipLibCheck: the example is checked against the shipped .d.ts; checking the .d.ts files themselves
    // (and all of @types/node) again would only re-do the build's type check, at a minute on this machine.
    const args = [
      '--noEmit',
      '--skipLibCheck',
      '--strict',
      '--noImplicitAny',
      'false',
      '--module',
      'nodenext',
      '--target',
      'es2023',
      ...types,
      'example.ts',
    ];
    const checked = spawnSync(process.execPath, [tsc, ...args], { cwd: project, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr, 'tsc').toBe('');
    expect(checked.status).toBe(0);
  });
});

/** The first ```js block of docs/api.md: the example the documentation promises runs. */
function apiExample(): string {
  const block = /```js\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8'))?.[1];
  if (!block) throw new Error('docs/api.md has no ```js example');
  return block;
}
