// Diff and trace timing on the shipped Government Work Reports, and growth on synthetic plans.
//
//   npx tsx bench/diff-perf.ts            all three measurements
//   npx tsx bench/diff-perf.ts --size N   (internal) one synthetic pair of N tasks, JSON on stdout
//
// Times are CPU-independent ratios against parsing the same files in the same process, plus absolute
// wall-clock medians (the machine is shared, so read those with the load average printed beside them).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { diffPlans, tracePlans, wordingStats } from '../packages/diff/src/index.ts';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
const read = (y: number) => readFileSync(join(ROOT, 'corpus', 'gwr', `${y}.txt`), 'utf8');
const parse = (text: string, path: string) =>
  normalizePlan(text, { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } }).plan;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
/** CPU time (user + system, all threads) of `fn`, in ms: steadier than wall time on a shared machine. */
const cpuTime = (fn: () => void) => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

/** A synthetic plan of `n` tasks in sections of 10, sentences drawn from the reports (seeded, repeatable). */
function syntheticPlan(n: number, sentences: string[], seed: number): Plan {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const units: Unit[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 0) {
      const s = units.length + 1;
      units.push({
        id: `${s}`,
        depth: 1,
        number: `${s}、`,
        ordinal: s,
        heading: `第${s}部分`,
        text: `${s}、第${s}部分`,
        figures: [],
        children: [],
      });
    }
    const section = units[units.length - 1]!;
    const k = section.children.length + 1;
    const body = Array.from({ length: 3 }, () => sentences[Math.floor(rand() * sentences.length)]).join('');
    section.children.push({
      id: `${section.id}.${k}`,
      depth: 2,
      number: `${i + 1}.`,
      ordinal: k,
      heading: body.split('。')[0] ?? '',
      text: `${i + 1}.${body}`,
      figures: [],
      children: [],
    });
  }
  return { title: `synthetic ${n}`, source: { sha256: '0'.repeat(64), encoding: 'utf-8' }, preamble: '', units };
}

/** B = A with one task in ten edited: reworded, dropped, or moved to another section. */
function editPlan(a: Plan): Plan {
  const b = structuredClone(a);
  let i = 0;
  for (const section of b.units) {
    for (const task of [...section.children]) {
      i++;
      if (i % 30 === 1) task.text = task.text.replace(/加强|推进|加快/, '推动');
      else if (i % 30 === 11) section.children.splice(section.children.indexOf(task), 1);
      else if (i % 30 === 21) {
        section.children.splice(section.children.indexOf(task), 1);
        b.units[(b.units.indexOf(section) + 3) % b.units.length]!.children.push(task);
      }
    }
  }
  b.units.forEach((s, si) => {
    s.children.forEach((t, ti) => {
      t.id = `${si + 1}.${ti + 1}`;
      t.ordinal = ti + 1;
    });
  });
  return b;
}

function measureSize(n: number): void {
  const sentences = YEARS.flatMap((y) => read(y).split(/(?<=。)/u)).filter((s) => s.length >= 12 && s.length <= 120);
  const a = syntheticPlan(n, sentences, 7);
  const b = editPlan(a);
  const before = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const ms = time(() => diffPlans(a, b));
  const cpu = process.cpuUsage(cpu0);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ n, ms, cpuMs: (cpu.user + cpu.system) / 1000, rssBefore: before, peakRss: peak }),
  );
}

function main(): void {
  const sizeArg = process.argv.indexOf('--size');
  if (sizeArg > 0) {
    measureSize(Number(process.argv[sizeArg + 1]));
    return;
  }
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${process.env.HOSTNAME ?? 'this machine'}`,
  );

  // 1. 2024 vs 2025: diff (median of rounds) against parsing the two files, interleaved.
  const t24 = read(2024);
  const t25 = read(2025);
  const p24 = parse(t24, '2024.txt');
  const p25 = parse(t25, '2025.txt');
  diffPlans(p24, p25);
  const parseMs: number[] = [];
  const parseCpu: number[] = [];
  const diffMs: number[] = [];
  const noWordMs: number[] = [];
  const diffCpu: number[] = [];
  for (let r = 0; r < 15; r++) {
    parseCpu.push(
      cpuTime(() =>
        parseMs.push(
          time(() => {
            parse(t24, '2024.txt');
            parse(t25, '2025.txt');
          }),
        ),
      ),
    );
    diffCpu.push(cpuTime(() => diffMs.push(time(() => diffPlans(p24, p25)))));
    noWordMs.push(time(() => diffPlans(p24, p25, { wording: false })));
  }
  // Wall time on a loaded machine counts the time other processes ran; CPU time is this process's own, so
  // its ratio is what a quiet machine's wall ratio would be.
  console.log(
    `2024→2025: parse both ${median(parseMs).toFixed(0)} ms wall / ${median(parseCpu).toFixed(0)} ms CPU, diff ${median(diffMs).toFixed(0)} ms wall / ${median(diffCpu).toFixed(0)} ms CPU (medians of 15); diff/parse ${(median(diffMs) / median(parseMs)).toFixed(2)}× wall, ${(median(diffCpu) / median(parseCpu)).toFixed(2)}× CPU; without word diffs ${median(noWordMs).toFixed(0)} ms wall`,
  );

  // 2. All 17 editions 2008–2025: every consecutive pair with wording and figures, and a trace.
  const texts = YEARS.map(read);
  const plans = YEARS.map((y, i) => parse(texts[i]!, `${y}.txt`));
  wordingStats.calls = 0;
  wordingStats.timeouts = 0;
  const parseAll = time(() => {
    for (const [i, y] of YEARS.entries()) parse(texts[i]!, `${y}.txt`);
  });
  // Three rounds: the first pays the JIT warm-up (a CLI run pays it too), the median is the steady state.
  const rounds: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < 3; r++) {
    let wall = 0;
    const cpu = cpuTime(() => {
      wall = time(() => {
        for (let i = 0; i + 1 < plans.length; i++) diffPlans(plans[i]!, plans[i + 1]!);
      });
    });
    rounds.push({ wall, cpu });
  }
  const pairs = rounds[0]!.wall;
  const pairsCpu = rounds[0]!.cpu;
  const steady = median(rounds.map((x) => x.wall));
  const steadyCpu = median(rounds.map((x) => x.cpu));
  let trace = 0;
  const traceCpu = cpuTime(() => {
    trace = time(() => tracePlans(plans, { query: '义务教育', years: YEARS }));
  });
  console.log(
    `2008–2025 (${YEARS.length} editions, ${YEARS.length - 1} pairs): parse all ${parseAll.toFixed(0)} ms; ` +
      `diff all pairs with word diffs: first round ${pairs.toFixed(0)} ms wall / ${pairsCpu.toFixed(0)} ms CPU, median of 3 ${steady.toFixed(0)} ms wall / ${steadyCpu.toFixed(0)} ms CPU (${(pairs / parseAll).toFixed(1)}× parse); ` +
      `trace (diffs all pairs without word diffs + lineage) ${trace.toFixed(0)} ms wall / ${traceCpu.toFixed(0)} ms CPU (${(trace / parseAll).toFixed(1)}× parse)`,
  );
  console.log(
    `word diffs per round of 16 pairs: ${wordingStats.calls / 3} Myers calls, ${wordingStats.timeouts} timeouts`,
  );

  // 3. Synthetic pairs: each size in its own process so its peak RSS is its own.
  console.log('synthetic pairs (tasks, diff wall and CPU time, peak RSS):');
  for (const n of [200, 500, 1000, 2000]) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--size', String(n)], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as { n: number; ms: number; cpuMs: number; peakRss: number; rssBefore: number };
    console.log(
      `  ${n}\t${r.ms.toFixed(0)} ms wall\t${r.cpuMs.toFixed(0)} ms CPU\t${(r.peakRss / 2 ** 20).toFixed(0)} MB peak RSS (${(r.rssBefore / 2 ** 20).toFixed(0)} MB before the diff)`,
    );
  }
}

main();
