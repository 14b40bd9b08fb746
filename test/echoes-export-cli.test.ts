import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoEchoes } from '../cli/src/demo-echoes.ts';
import { diffEditions } from '../packages/diff/src/index.ts';
import { findEchoes, openIndex } from '../packages/index/src/index.ts';
import { listEditions, loadRef, logEdition } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const SEED = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
const gwr = (year: number) => join(ROOT, 'corpus', 'gwr', `${year}.txt`);

interface EchoJson {
  method: string;
  tasks: {
    unitId: string;
    heading: string;
    echoes: {
      series: string;
      edition: string;
      unitId: string;
      heading: string;
      text: string;
      similarity: number;
      passage: { task: string; echo: string };
      wording: { op: string; text: string }[];
    }[];
  }[];
}

const dir = mkdtempSync(join(tmpdir(), 'plandiff-echoes-'));
const corpus = join(dir, 'corpus');

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

describe("plandiff echoes: which of Luzhou's 2012 education tasks echo the national report", () => {
  const echoes = async (...args: string[]) => {
    const run = await runMain(['echoes', 'luzhou-edu@2012', ...args, '--corpus', corpus, '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as EchoJson;
  };
  const best = (r: EchoJson, task: string) => r.tasks.find((t) => t.unitId === task)?.echoes[0];

  it('finds 学前教育三年行动计划 and 义务教育均衡发展 in gwr@2012, with similarity and wording diff', async () => {
    const result = await echoes('--in', 'gwr@2012');
    expect(result.method).toBe('all');
    expect(result.tasks).toHaveLength(43);
    const preschool = best(result, '3.1'); // 大力实施学前教育建设工程
    expect(preschool).toMatchObject({ series: 'gwr', edition: '2012' });
    expect(preschool!.heading).toContain('学前教育三年行动计划');
    expect(preschool!.similarity).toBeGreaterThan(0.2);
    expect(preschool!.passage.task).toContain('学前教育三年行动计划');
    // The wording diff keeps the shared phrase as equal text.
    expect(preschool!.wording.filter((p) => p.op === 'equal').map((p) => p.text)).toContain('学前教育三年行动计划');
    const balanced = best(result, '2.4'); // 积极促进教育均衡发展
    expect(balanced!.heading).toContain('促进义务教育均衡发展');
    for (const task of result.tasks) for (const e of task.echoes) expect(`${e.series}@${e.edition}`).toBe('gwr@2012');
  });

  it('finds 校舍安全工程 in the reports that name it (2010, 2013) when looking in the whole series', async () => {
    const result = await echoes('--in', 'gwr', '--limit', '5');
    const school = result.tasks.find((t) => t.unitId === '7.2')!; // …全面完成2012年中小学校舍安全工程目标任务
    const named = school.echoes.filter((e) => e.text.includes('校舍安全工程'));
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named.map((e) => e.edition))).not.toContain('2012');
  });

  it('index candidates (large targets) find the same best echoes as scoring every unit', async () => {
    const opened = await openIndex(corpus);
    const { plan } = await loadRef(corpus, 'luzhou-edu@2012');
    const exhaustive = findEchoes(opened.db, plan, { exclude: 'luzhou-edu', wording: false });
    const indexed = findEchoes(opened.db, plan, { exclude: 'luzhou-edu', wording: false, scoreAllLimit: 10 });
    opened.db.close();
    expect([exhaustive.method, indexed.method]).toEqual(['all', 'index']);
    expect(indexed.candidates).toBeLessThan(exhaustive.candidates);
    const top = (r: typeof exhaustive) =>
      r.tasks.map((t) => `${t.unitId}→${t.echoes[0]?.edition}/${t.echoes[0]?.unitId}`);
    const same = top(indexed).filter((x, i) => x === top(exhaustive)[i]).length;
    expect(same / exhaustive.tasks.length).toBeGreaterThanOrEqual(0.9);
  });

  it('renders text, Markdown and HTML; refuses unknown targets in one line', async () => {
    const text = await runMain(['echoes', 'luzhou-edu@2012', '--in', 'gwr@2012', '--corpus', corpus, '--limit', '1']);
    expect(text.stdout).toMatch(/^\d+ of 43 tasks of luzhou-edu@2012 echo gwr@2012\n/);
    expect(text.stdout).toContain('3.1 13. 大力实施学前教育建设工程');
    expect(text.stdout).toMatch(/\[-全面启动\]\[\+推动实施“\]学前教育三年行动计划/);
    const html = await runMain([
      'echoes',
      'luzhou-edu@2012',
      '--in',
      'gwr@latest',
      '--corpus',
      corpus,
      '--format',
      'html',
    ]);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.stdout).toContain('gwr@2013');
    expect(html.stdout).toMatch(/<ins>[^<]+<\/ins>/);
    const md = await runMain(['echoes', 'luzhou-edu@2012', '--in', 'gwr@2012', '--corpus', corpus, '--format', 'md']);
    expect(md.stdout).toContain('| Task | Echo | Similarity | Wording |');
    const bad = await runMain(['echoes', 'luzhou-edu@2012', '--in', 'gwr@1999', '--corpus', corpus]);
    expect(bad.code).toBe(4);
    expect(bad.stderr.trim()).toBe('plandiff: --in gwr@1999: gwr has no edition 1999 (editions: 2010, 2012, 2013)');
  });
});

describe('plandiff demo: the echoes step', () => {
  it("writes the seed's echoes in gwr@2012 as a page and names the closest one", async () => {
    const demo = await writeDemoEchoes(corpus, dir);
    expect(demo.path).toBe(join(dir, 'luzhou-edu-2012-echoes-gwr-2012.html'));
    const page = readFileSync(demo.path, 'utf8');
    expect(page).toContain('学前教育三年行动计划');
    expect(page).toContain('促进义务教育均衡发展');
    expect(demo.line).toMatch(
      /^\d+ of 43 seed tasks echo gwr@2012; closest: 13\.大力实施学前教育建设工程 ↔ 推动实施“学前教育三年行动计划”/,
    );
  });
});

describe('plandiff export', () => {
  it('--sqlite writes the documented tables, readable by better-sqlite3, the sqlite3 CLI and python', async () => {
    const file = join(dir, 'plans.sqlite');
    const run = await runMain(['export', '--sqlite', file, '--corpus', corpus]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*plans\.sqlite: 4 editions of 2 series, \d+ units/);
    const db = new Database(file, { readonly: true });
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('editions')).toEqual(
      expect.arrayContaining(['series', 'edition', 'year', 'title', 'region', 'issued_on', 'source_sha256', 'commit']),
    );
    expect(columns('units')).toEqual(
      expect.arrayContaining(['series', 'edition', 'unit_id', 'parent_id', 'depth', 'number', 'heading', 'text']),
    );
    expect(columns('changes')).toEqual(
      expect.arrayContaining([
        'series',
        'from_edition',
        'to_edition',
        'kind',
        'moved',
        'similarity',
        'from_ids',
        'to_ids',
      ]),
    );
    expect(columns('figures').length).toBeGreaterThan(0);
    expect(columns('goals').length).toBeGreaterThan(0);
    // Every stored unit is there, and the changes are the diff engine's.
    const stored = listEditions(corpus, 'gwr');
    const count = (sql: string, ...p: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...p) as number;
    const units = (plan: (typeof stored)[0]['plan']) => {
      let n = 0;
      const walk = (us: typeof plan.units) =>
        us.forEach((u) => {
          n++;
          walk(u.children);
        });
      walk(plan.units);
      return n;
    };
    expect(count("SELECT count(*) FROM units WHERE series = 'gwr' AND edition = '2012'")).toBe(units(stored[1]!.plan));
    const diffs = diffEditions(stored.map((e) => e.plan));
    expect(
      count("SELECT count(*) FROM changes WHERE series = 'gwr' AND from_edition = '2012' AND to_edition = '2013'"),
    ).toBe(diffs[1]!.changes.length);
    const seed = db.prepare("SELECT * FROM editions WHERE series = 'luzhou-edu'").get() as Record<string, unknown>;
    expect(seed).toMatchObject({ edition: '2012', year: 2012, issued_on: '2012-02-09' });
    expect(seed.source_sha256).toBe('a8b93cead4012024d3fbc9d380c481db3765db406002cd23628a4353366b0752');
    expect(seed.commit).toMatch(/^[0-9a-f]{40}$/);
    // The commit of each edition's current source version, as the store's own history gives it.
    for (const row of db.prepare('SELECT series, edition, "commit" FROM editions').all() as Record<string, string>[])
      expect(row.commit).toBe((await logEdition(corpus, `${row.series}@${row.edition}`))[0]!.commit);
    expect(count("SELECT count(*) FROM figures WHERE series = 'luzhou-edu' AND text = '20所'")).toBeGreaterThan(0);
    db.close();
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from goals").fetchone()[0] > 0, c.execute("select kind from changes limit 1").fetchone()[0] in ("unchanged","reworded","merged","split","added","dropped"))',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(py.trim()).toBe('True True');
    let cli: string | undefined;
    try {
      cli = execFileSync('sqlite3', [file, "select count(*) from editions where series = 'gwr';"], {
        encoding: 'utf8',
      });
    } catch {
      cli = undefined; // the sqlite3 CLI is optional; python covers "another client"
    }
    if (cli !== undefined) expect(cli.trim()).toBe('3');
    const again = await runMain(['export', '--sqlite', file, '--corpus', corpus]);
    expect([again.code, again.stderr.trim()]).toEqual([1, `plandiff: ${file}: exists; use --force to replace it`]);
  }, 120_000);

  it('--jsonl writes passim records {id, series, text}, per edition or per unit', async () => {
    const file = join(dir, 'passim.jsonl');
    const run = await runMain(['export', '--jsonl', file, '--corpus', corpus]);
    expect(run.code, run.stderr).toBe(0);
    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(['gwr@2010', 'gwr@2012', 'gwr@2013', 'luzhou-edu@2012']);
    for (const r of records) expect(Object.keys(r)).toEqual(['id', 'series', 'text']);
    expect(records[3].text).toContain('大力实施学前教育建设工程');
    const units = await runMain(['export', '--jsonl', '-', '--units', '--series', 'luzhou-edu', '--corpus', corpus]);
    const lines = units.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r) => r.id)).toContain('luzhou-edu@2012#3.1');
    expect(new Set(lines.map((r) => r.series))).toEqual(new Set(['luzhou-edu']));
  });
});
