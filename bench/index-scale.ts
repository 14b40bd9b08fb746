// Search index at national scale: a synthetic corpus of 135,000 editions built from the shipped texts.
//
//   npx tsx bench/index-scale.ts                      135,000 editions (baseline: 1,350 in the same run)
//   npx tsx bench/index-scale.ts --editions 5000      a smaller run
//   npx tsx bench/index-scale.ts --keep DIR           keep the built index files in DIR (and reuse them:
//                                                     a later run with the same DIR only measures)
//   npx tsx bench/index-scale.ts --optimize           merge each FTS5 index into one segment ('optimize')
//                                                     after building it (timed; kept indexes stay merged)
//
// Editions are plan records written straight into the index (no git corpus: the store's own scale
// benchmark builds that). Each edition is a plan of 5 sections × 6 tasks; every task is one of 60,000
// distinct synthetic paragraphs, each made of 1–4 sentences drawn from the Government Work Reports
// and the seed (seeded, repeatable). Reported: build time, index size, search latency (median, p95)
// over a fixed query set, echoes for the seed plan; all as absolute figures and as ratios against the
// baseline index of 1 % the size, built and queried in the same process. On the baseline index the
// index route of echoes is also compared with scoring every unit (the exhaustive answer).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSchema, findEchoes, IndexWriter, type SearchOptions, searchIndex } from '../packages/index/src/index.ts';
import { seedPlan, sentences, syntheticEdition, VARIANTS } from './synthetic-plans.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const EDITIONS = Number(arg('--editions') ?? 135_000);
const BASELINE = Math.max(100, Math.round(EDITIONS / 100));
const keep = arg('--keep');
function build(path: string, editions: number) {
  const done = `${path}.built.json`;
  if (keep && existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as ReturnType<typeof buildNow>;
  const stats = buildNow(path, editions);
  if (keep) writeFileSync(done, JSON.stringify(stats));
  return stats;
}

/** FTS5 'optimize': every segment of the full-text index merged into one (timed, once per file). */
function optimize(path: string): number | undefined {
  if (!process.argv.includes('--optimize')) return undefined;
  const done = `${path}.optimized.json`;
  if (existsSync(done)) return (JSON.parse(readFileSync(done, 'utf8')) as { ms: number }).ms;
  const db = new Database(path);
  const t0 = performance.now();
  db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
  const ms = performance.now() - t0;
  db.close();
  writeFileSync(done, JSON.stringify({ ms }));
  return ms;
}

/** The seed's echoes by the index route against scoring every unit of the index: same best echo, similarity kept. */
function echoAgreement(path: string) {
  const db = new Database(path, { readonly: true });
  let t0 = performance.now();
  const exact = findEchoes(db, seedPlan, { scoreAllLimit: Number.POSITIVE_INFINITY, wording: false });
  const exactMs = performance.now() - t0;
  t0 = performance.now();
  const routed = findEchoes(db, seedPlan, { wording: false });
  const routedMs = performance.now() - t0;
  db.close();
  const key = (e: { series: string; edition: string; unitId: string }) => `${e.series}@${e.edition}#${e.unitId}`;
  let echoing = 0;
  let same = 0;
  let inTop3 = 0;
  let kept = 0;
  exact.tasks.forEach((task, i) => {
    const best = task.echoes[0];
    if (!best) return;
    echoing++;
    const got = routed.tasks[i]?.echoes ?? [];
    if (got[0] && key(got[0]) === key(best)) same++;
    if (got.some((g) => key(g) === key(best))) inTop3++;
    kept += Math.min(1, (got[0]?.similarity ?? 0) / best.similarity);
  });
  return { echoing, same, inTop3, kept: kept / Math.max(1, echoing), exactMs, routedMs, candidates: routed.candidates };
}

function buildNow(path: string, editions: number) {
  rmSync(path, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  createSchema(db);
  const writer = new IndexWriter(db, VARIANTS + 1000);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let chars = 0;
  for (let start = 0; start < editions; start += 5000) {
    db.transaction(() => {
      for (let k = start; k < Math.min(editions, start + 5000); k++) {
        const e = syntheticEdition(k);
        for (const s of e.plan.units) for (const u of [s, ...s.children]) chars += u.text.length;
        writer.add(e);
      }
    })();
    if (process.stderr.isTTY) process.stderr.write(`\r${Math.min(editions, start + 5000)}/${editions} editions`);
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  db.close();
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    chars,
    units: writer.stats.units,
    memoHits: writer.stats.memoHits,
    bytes: statSync(path).size,
  };
}

const QUERIES: { terms: string[]; options?: SearchOptions }[] = [
  { terms: ['教'] },
  { terms: ['园'] },
  { terms: ['教育'] },
  { terms: ['就业'] },
  { terms: ['学前教育'] },
  { terms: ['义务教育'] },
  { terms: ['義務教育'] },
  { terms: ['校舍安全工程'] },
  { terms: ['专项债券'] },
  { terms: ['乡村振兴'] },
  { terms: ['碳达峰'] },
  { terms: ['高质量发展'] },
  { terms: ['减税降费'] },
  { terms: ['营商环境'] },
  { terms: ['食品安全'] },
  { terms: ['供给侧结构性改革'] },
  { terms: ['义务教育 均衡发展'] },
  { terms: ['教育', '公平'] },
  { terms: ['医疗', '卫生', '改革'] },
  { terms: ['2012'] },
  { terms: ['教育'], options: { series: ['c001-d01'] } },
  { terms: ['学前教育'], options: { from: 2020, to: 2022 } },
  { terms: ['就业'], options: { series: ['c150-d15'], from: 2015 } },
  { terms: ['发展'] },
];

function measureSearch(path: string) {
  const db = new Database(path, { readonly: true });
  const times: number[] = [];
  const perQuery: { q: string; ms: number; total: number }[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      const r = searchIndex(db, q.terms, q.options ?? {});
      const ms = performance.now() - t0;
      times.push(ms);
      if (round === 4)
        perQuery.push({
          q: `${q.terms.join(' ')}${q.options ? ` ${JSON.stringify(q.options)}` : ''}`,
          ms,
          total: r.total,
        });
    }
  }
  const t0 = performance.now();
  const all = findEchoes(db, seedPlan, {});
  const echoesMs = performance.now() - t0;
  // Again: the first call also pays reading the index's pages from disk into the page cache.
  const t2 = performance.now();
  findEchoes(db, seedPlan, {});
  const echoesWarmMs = performance.now() - t2;
  const t1 = performance.now();
  const one = findEchoes(db, seedPlan, { in: [{ series: 'c001-d01' }] });
  const echoesOneMs = performance.now() - t1;
  db.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return {
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1]!,
    perQuery,
    echoes: {
      ms: echoesMs,
      warmMs: echoesWarmMs,
      method: all.method,
      candidates: all.candidates,
      echoed: all.tasks.filter((t) => t.echoes.length > 0).length,
    },
    echoesOneSeries: { ms: echoesOneMs, method: one.method, candidates: one.candidates },
  };
}

if (keep) mkdirSync(keep, { recursive: true });
const dir = keep ?? mkdtempSync(join(tmpdir(), 'plandiff-index-scale-'));
try {
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${sentences.length} sentences, ${VARIANTS} paragraphs`,
  );
  const base = build(join(dir, 'baseline.sqlite'), BASELINE);
  const baseOpt = optimize(join(dir, 'baseline.sqlite'));
  const baseQ = measureSearch(join(dir, 'baseline.sqlite'));
  const full = build(join(dir, 'full.sqlite'), EDITIONS);
  const fullOpt = optimize(join(dir, 'full.sqlite'));
  if (process.argv.includes('--build-only')) process.exit(0);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const fullQ = measureSearch(join(dir, 'full.sqlite'));
  const row = (name: string, b: number, f: number, unit: string, digits = 1) =>
    `| ${name} | ${b.toFixed(digits)} ${unit} | ${f.toFixed(digits)} ${unit} | ${(f / b).toFixed(1)}× |`;
  console.log(`\n| | ${BASELINE.toLocaleString('en')} editions | ${EDITIONS.toLocaleString('en')} editions | ratio |`);
  console.log('|---|---|---|---|');
  console.log(row('units', base.units, full.units, '', 0));
  console.log(row('text (characters)', base.chars / 1e6, full.chars / 1e6, 'M'));
  console.log(row('build, wall', base.ms / 1000, full.ms / 1000, 's'));
  console.log(row('build, CPU', base.cpuMs / 1000, full.cpuMs / 1000, 's'));
  console.log(row('index size', base.bytes / 2 ** 20, full.bytes / 2 ** 20, 'MB'));
  if (baseOpt !== undefined && fullOpt !== undefined) {
    console.log(row('FTS5 optimize, wall', baseOpt / 1000, fullOpt / 1000, 's'));
    const size = (f: string) => statSync(join(dir, f)).size / 2 ** 20;
    console.log(row('index size, optimized', size('baseline.sqlite'), size('full.sqlite'), 'MB'));
  }
  console.log(row('search median', baseQ.median, fullQ.median, 'ms'));
  console.log(row('search p95', baseQ.p95, fullQ.p95, 'ms'));
  console.log(row('search max', baseQ.max, fullQ.max, 'ms'));
  console.log(row('echoes of the seed, whole index', baseQ.echoes.ms, fullQ.echoes.ms, 'ms', 0));
  console.log(row('echoes of the seed, whole index, again', baseQ.echoes.warmMs, fullQ.echoes.warmMs, 'ms', 0));
  console.log(row('echoes of the seed, one series', baseQ.echoesOneSeries.ms, fullQ.echoesOneSeries.ms, 'ms', 0));
  console.log(
    `\nmemo hits while building the full index: ${((100 * full.memoHits) / full.units).toFixed(1)} % of units`,
  );
  console.log(
    `echoes, whole index: method ${fullQ.echoes.method}, ${fullQ.echoes.candidates} candidates, ${fullQ.echoes.echoed} tasks echoed`,
  );
  const agree = echoAgreement(join(dir, 'baseline.sqlite'));
  console.log(
    `echoes on the ${BASELINE.toLocaleString('en')}-edition index, index route against scoring every unit: same best echo for ${agree.same} of ${agree.echoing} echoing tasks (in the top 3: ${agree.inTop3}), ${(100 * agree.kept).toFixed(1)} % of the best similarity kept on average; ${agree.candidates} candidates, ${agree.routedMs.toFixed(0)} ms against ${agree.exactMs.toFixed(0)} ms (no wording diffs)`,
  );
  console.log('\nper query at full size (last of 5 rounds):');
  for (const q of fullQ.perQuery)
    console.log(`  ${q.ms.toFixed(1).padStart(8)} ms  ${String(q.total).padStart(9)} hits  ${q.q}`);
  console.log(
    `\nload average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
