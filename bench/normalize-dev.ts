/**
 * Normalizer figures over development reports the project does not ship: title and year, region,
 * clutter lines left in the plan, annexes apart, unaccounted text. Reads
 * ../shared/data/provincial-2026-dev (or the folder given) and says so and exits 0 when it is absent.
 *
 *   npx tsx bench/normalize-dev.ts [folder]
 *
 * The folder's SOURCES.tsv (columns file, province, year) gives what each report should come out as.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const dir = process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'provincial-2026-dev');
if (!existsSync(dir)) {
  console.log(`no development reports at ${dir}: nothing to measure (they live in ../shared, outside the repo)`);
  process.exit(0);
}

/** Page clutter as portals print it (the same kinds the issue lists), checked on every kept line. */
const CLUTTER =
  /^(相关(报道|附件|文档|链接|新闻)|责任编辑|编辑[:：]|来源[:：]|（来源|时间[:：]|扫一扫|分享|打印|下载|全屏|收藏|【?字[号体]|您的位置|首页$|>$|×$|\|$|[0-9a-f]{16,})|本报记者.{0,12}摄|》》点击|^(加大|还原|减小|大|中|小|】)$/u;
const all = (units: readonly Unit[]): Unit[] => units.flatMap((u) => [u, ...all(u.children)]);
const keptLines = (plan: Plan) => [plan.title, ...plan.preamble.split('\n'), ...all(plan.units).map((u) => u.text)];

const sources = new Map<string, { province: string; year: number }>();
const tsv = join(dir, 'SOURCES.tsv');
if (existsSync(tsv)) {
  for (const row of readFileSync(tsv, 'utf8').trim().split('\n').slice(1)) {
    const [file, province, year] = row.split('\t');
    if (file && province) sources.set(file, { province, year: Number(year) });
  }
}

const files = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .sort();
let titles = 0;
let regions = 0;
let regionsRight = 0;
let clutterFiles = 0;
let clutterLines = 0;
let annexFiles = 0;
let annexInBody = 0;
let unaccounted = 0;
const rows: string[] = [];
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8');
  const started = performance.now();
  const { plan, diagnostics } = normalizePlan(text, {
    source: { path: file, sha256: '0'.repeat(64), encoding: 'utf-8' },
  });
  const ms = performance.now() - started;
  const expected = sources.get(file);
  const titleOk = /报告|要点|计划|规划/u.test(plan.title) && (!expected || plan.year === expected.year);
  titles += titleOk ? 1 : 0;
  regions += plan.region ? 1 : 0;
  regionsRight += expected && plan.region === expected.province ? 1 : 0;
  const left = keptLines(plan).filter((l) => CLUTTER.test(l.trim()));
  clutterLines += left.length;
  clutterFiles += left.length > 0 ? 1 : 0;
  annexFiles += (plan.annexes?.length ?? 0) > 0 ? 1 : 0;
  annexInBody += all(plan.units).filter((u) => /^(附件\s*\d*|名词解释|注释)$/u.test(u.text)).length;
  unaccounted += diagnostics.filter((d) => d.ruleId === 'unaccounted-text').length;
  const annexes = (plan.annexes ?? []).map((a) => `${a.label}(${a.units.length})`).join(' ') || '—';
  rows.push(
    `| ${file} | ${plan.title} | ${plan.year ?? '—'} | ${plan.region ?? '—'} | ${plan.issuedOn ?? '—'} | ${left.length} | ${annexes} | ${ms.toFixed(0)} |`,
  );
}
const n = files.length;
console.log(`Development reports: ${dir} (${n} files)\n`);
console.log('| file | title | year | region | issuedOn | clutter lines left | annexes (units) | ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log('');
console.log(`title and year right: ${titles}/${n}`);
console.log(`a region: ${regions}/${n}; the full province name from SOURCES.tsv: ${regionsRight}/${sources.size}`);
console.log(`clutter lines left: ${clutterLines} (in ${clutterFiles}/${n} files)`);
console.log(`annexes apart: ${annexFiles} files with annexes; annex labels left in the body: ${annexInBody}`);
console.log(`unaccounted-text diagnostics: ${unaccounted}`);
