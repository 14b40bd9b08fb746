// Time to render reports, as a ratio of the time to compute the diff they show (same process,
// rounds interleaved after a warm-up), on the shipped Government Work Reports.
//   npx tsx bench/report-render.ts [--rounds 5] [--full]   (--full: the whole 1954–2025 series, and its load in Chromium)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildLineage, diffPlans, labelEditions, unitRefs } from '../packages/diff/src/index.ts';
import type { Plan } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { renderDiffDocx, renderDiffReport, renderSeriesReport } from '../packages/report/src/index.ts';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 5;
const root = join(import.meta.dirname, '..');

function load(year: number): Plan {
  const bytes = readFileSync(join(root, 'corpus', 'gwr', `${year}.txt`));
  const source = {
    path: `corpus/gwr/${year}.txt`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    encoding: 'utf-8',
  };
  const { plan } = normalizePlan(bytes.toString('utf8'), { source });
  return plan.year === undefined ? { ...plan, year } : plan;
}

const time = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const [a, b] = [load(2024), load(2025)];
const pair = () => diffPlans(a, b, { refA: 'gwr@2024', refB: 'gwr@2025' });
const diff = pair();
const formats = ['html', 'md', 'csv', 'json'] as const;
const totals: Record<string, number> = { diff: 0, html: 0, md: 0, csv: 0, json: 0 };
for (const f of formats) renderDiffReport(diff, f, { lang: 'zh' }); // warm-up
for (let r = 0; r < rounds; r++) {
  totals.diff! += time(pair);
  for (const f of formats) totals[f]! += time(() => renderDiffReport(diff, f, { lang: 'zh' }));
}
console.log(`pair 2024→2025 (${diff.changes.length} changes), mean of ${rounds} rounds:`);
console.log('| step | ms | ratio to the diff |\n| --- | --- | --- |');
for (const [step, ms] of Object.entries(totals)) {
  console.log(
    `| ${step === 'diff' ? 'diffPlans' : `render ${step}`} | ${(ms / rounds).toFixed(1)} | ${(ms / totals.diff!).toFixed(3)}× |`,
  );
}

const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
const plans = years.map(load);
const refs = years.map((y) => `gwr@${y}`);
let diffMs = 0;
const diffs = plans.slice(1).map((p, i) => {
  const t = performance.now();
  const d = diffPlans(plans[i]!, p, { refA: refs[i]!, refB: refs[i + 1]! });
  diffMs += performance.now() - t;
  return d;
});
let html = '';
const lineageMs = time(() => buildLineage(labelEditions(plans, refs), diffs, unitRefs(plans[0]!)));
const lineage = buildLineage(labelEditions(plans, refs), diffs, unitRefs(plans[0]!));
const htmlMs = time(() => {
  html = renderSeriesReport(lineage, diffs, 'html', { lang: 'zh' });
});
const mdMs = time(() => renderSeriesReport(lineage, diffs, 'md', { lang: 'zh' }));
console.log(
  `\nseries 2012–2025 (${diffs.length} diffs, ${lineage.goals.length} goals, HTML ${(html.length / 1e6).toFixed(1)} M chars):`,
);
console.log('| step | ms | ratio to the diffs |\n| --- | --- | --- |');
console.log(`| ${diffs.length} × diffPlans | ${diffMs.toFixed(0)} | 1× |`);
console.log(`| buildLineage | ${lineageMs.toFixed(0)} | ${(lineageMs / diffMs).toFixed(3)}× |`);
console.log(`| render html | ${htmlMs.toFixed(0)} | ${(htmlMs / diffMs).toFixed(3)}× |`);
console.log(`| render md | ${mdMs.toFixed(0)} | ${(mdMs / diffMs).toFixed(3)}× |`);

// Word output of the pair, as a ratio of the diff too.
const docxStart = performance.now();
const docxBytes = (await renderDiffDocx(diff, { lang: 'zh' })).length;
const docxMs = performance.now() - docxStart;
console.log(
  `\nrender docx (pair 2024→2025): ${docxMs.toFixed(0)} ms (${(docxMs / (totals.diff! / rounds)).toFixed(3)}× the diff), ${(docxBytes / 1024).toFixed(0)} KB`,
);

// --full: the whole 1954–2025 series (what parses): page size, render time, and its load in Chromium
// against the 2024→2025 pair page as the baseline, interleaved rounds in one browser.
if (process.argv.includes('--full')) {
  const { readdirSync, writeFileSync, mkdtempSync, existsSync } = await import('node:fs');
  const { tmpdir, loadavg } = await import('node:os');
  const all = readdirSync(join(root, 'corpus', 'gwr'))
    .filter((f) => /^\d{4}\.txt$/.test(f))
    .map((f) => Number(f.slice(0, 4)))
    .sort((x, y) => x - y)
    .map(load)
    .filter((p) => p.units.length > 0);
  const allRefs = all.map((p) => `gwr@${p.year}`);
  let fullDiffMs = 0;
  const allDiffs = all.slice(1).map((p, i) => {
    const t = performance.now();
    const d = diffPlans(all[i]!, p, { refA: allRefs[i]!, refB: allRefs[i + 1]! });
    fullDiffMs += performance.now() - t;
    return d;
  });
  const allLineage = buildLineage(labelEditions(all, allRefs), allDiffs, unitRefs(all[0]!));
  let page = '';
  const pageMs = time(() => {
    page = renderSeriesReport(allLineage, allDiffs, 'html', { lang: 'zh' });
  });
  console.log(
    `\nseries, every report that parses (${all.length} editions, ${allLineage.goals.length} goals): ` +
      `${allDiffs.length} × diffPlans ${fullDiffMs.toFixed(0)} ms; render html ${pageMs.toFixed(0)} ms ` +
      `(${(pageMs / fullDiffMs).toFixed(3)}×); page ${(Buffer.byteLength(page) / 1e6).toFixed(2)} MB`,
  );
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-bench-'));
    writeFileSync(join(dir, 'series.html'), page);
    writeFileSync(join(dir, 'pair.html'), renderDiffReport(diff, 'html', { lang: 'zh' }));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync', '--no-first-run'],
    });
    const dcl: Record<string, number[]> = { pair: [], series: [] };
    for (let r = 0; r < rounds; r++) {
      for (const name of ['pair', 'series']) {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(`file://${join(dir, `${name}.html`)}`, { waitUntil: 'load' });
        dcl[name]!.push(
          Number(await tab.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`)),
        );
        await tab.close();
      }
    }
    await browser.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `Chromium DOMContentLoaded, median of ${rounds}: pair page ${median(dcl.pair!).toFixed(0)} ms (1×), ` +
        `whole series ${median(dcl.series!).toFixed(0)} ms (${(median(dcl.series!) / median(dcl.pair!)).toFixed(2)}×); ` +
        `load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}
