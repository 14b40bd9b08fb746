import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLineage, diffPlans, labelEditions, unitRefs } from '../packages/diff/src/index.ts';
import type { Lineage, Plan, PlanDiff } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { renderSeriesReport } from '../packages/report/src/index.ts';
import { browserSkipReason, launchChromium, openFile, testOutputDir } from './helpers/browser.ts';
import { ROOT } from './helpers/run-cli.ts';

const skip = browserSkipReason();
if (skip) console.warn(skip);

/** Every Government Work Report in corpus/gwr that parses into tasks today, oldest first. */
function loadSeries(): { plans: Plan[]; skipped: string[] } {
  const dir = join(ROOT, 'corpus', 'gwr');
  const plans: Plan[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => /^\d{4}\.txt$/.test(f))
    .sort()) {
    const bytes = readFileSync(join(dir, name));
    const source = {
      path: `corpus/gwr/${name}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: 'utf-8',
    };
    const { plan } = normalizePlan(bytes.toString('utf8'), { source });
    if (plan.units.length === 0) skipped.push(name);
    else plans.push({ ...plan, year: plan.year ?? Number(name.slice(0, 4)) });
  }
  return { plans, skipped };
}

/** What the page's search should find, worked out here from the lineage: title, id, or any unit's heading or text. */
function expectedMatches(lineage: Lineage, query: string, title: (i: number) => string): number[] {
  const q = query.toLowerCase();
  return lineage.goals.flatMap((goal, i) => {
    const text = [title(i), goal.id, ...goal.events.flatMap((e) => e.units.flatMap((u) => [u.heading, u.text]))];
    return text.join('\n').toLowerCase().includes(q) ? [i] : [];
  });
}

describe.skipIf(skip !== undefined)('the whole 1954–2025 Government Work Report series in one page', () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  let lineage: Lineage;
  let diffs: PlanDiff[];
  let bytes: number;
  let editions: number;

  beforeAll(async () => {
    const { plans, skipped } = loadSeries();
    if (skipped.length) console.warn(`reports that do not parse into tasks yet, left out: ${skipped.join(' ')}`);
    editions = plans.length;
    const refs = plans.map((p) => `gwr@${p.year}`);
    diffs = plans.slice(1).map((b, i) => diffPlans(plans[i]!, b, { refA: refs[i]!, refB: refs[i + 1]! }));
    lineage = buildLineage(labelEditions(plans, refs), diffs, unitRefs(plans[0]!));
    const html = renderSeriesReport(lineage, diffs, 'html', { lang: 'zh' });
    bytes = Buffer.byteLength(html);
    dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    file = join(dir, 'gwr-all.html');
    writeFileSync(file, html);
    browser = await launchChromium();
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers most of the series and is under 5 MB', () => {
    expect(editions).toBeGreaterThanOrEqual(40);
    expect(lineage.goals.length).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('opens in under 3 s (content loaded and first paint), drawing histories only on demand', async () => {
    // Best of up to three loads: a load can pay for a cold disk cache, or for the other test runs
    // sharing this machine's two cores; a page that is too slow is slow every time.
    const loads: { dcl: number; paint: number }[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const { page, log, url } = await openFile(browser, file);
      const timing = (await page.evaluate(`(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return { dcl: nav.domContentLoadedEventEnd, paint: paint ? paint.startTime : Infinity };
      })()`)) as { dcl: number; paint: number };
      loads.push(timing);
      expect(log.consoleErrors).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      expect(log.requests).toEqual([url]);
      // Rows come in batches and no history is drawn at load.
      const rows = await page.locator('table.timeline tbody tr.row').count();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThan(lineage.goals.length);
      expect(await page.locator('tr.detail, div.event, article.change').count()).toBe(0);
      await page.close();
      if (timing.dcl < 3000 && timing.paint < 3000) break;
    }
    const best = loads.reduce((a, b) => (a.dcl + a.paint <= b.dcl + b.paint ? a : b));
    const note = `loads ${JSON.stringify(loads)}, load average ${loadavg()[0]!.toFixed(1)}, ${(bytes / 1e6).toFixed(2)} MB`;
    console.info(`whole series page: ${note}`);
    expect(best.dcl, note).toBeLessThan(3000);
    expect(best.paint, note).toBeLessThan(3000);
  });

  it('filters the timeline by text and by kind, loads more rows on demand, opens a history', async () => {
    const { page, log } = await openFile(browser, file);
    await page.screenshot({ path: join(testOutputDir('browser-series-full'), 'top.png') });
    const total = lineage.goals.length;
    const titles = await page.evaluate(
      `JSON.parse(document.getElementById('series-data').textContent).goals.map((g) => g[0])`,
    );
    const title = (i: number): string => (titles as string[])[i] ?? '';
    const shownRows = async (): Promise<number[]> =>
      (await page.locator('table.timeline tbody tr.row').evaluateAll((rows) => rows.map((r) => r.id))).map((id) =>
        Number(id.slice(2)),
      );

    // Text: what matches is worked out here from the lineage, independently of the page's script.
    for (const query of ['义务教育', '五年计划']) {
      const expected = expectedMatches(lineage, query, title);
      expect(expected.length, query).toBeGreaterThan(0);
      await page.fill('#q', query);
      await expect
        .poll(() => page.locator('#shown').innerText(), { timeout: 15_000 })
        .toBe(`显示 ${expected.length} / ${total} 项`);
      expect(await shownRows()).toEqual(expected.slice(0, (await shownRows()).length));
      expect((await shownRows()).length).toBe(Math.min(expected.length, Math.max(100, Math.floor(8000 / editions)))); // one batch
    }
    await page.screenshot({ path: join(testOutputDir('browser-series-full'), 'search.png') });

    // Kind: goals with a merge somewhere in their life.
    await page.click('nav.filters button[data-only="merged"]');
    const merged = lineage.goals.flatMap((g, i) => (g.events.some((e) => e.kind === 'merged') ? [i] : []));
    expect(await page.locator('#shown').innerText()).toBe(`显示 ${merged.length} / ${total} 项`);
    const before = (await shownRows()).length;
    expect(await shownRows()).toEqual(merged.slice(0, before));
    if (merged.length > before) {
      await page.click('#more');
      expect((await shownRows()).length).toBeGreaterThan(before);
    }

    // A reworded event's history: its wording, drawn only now.
    await page.click('button[data-all]');
    const cell = page.locator('table.timeline a.ev.k-reworded').first();
    const target = (await cell.getAttribute('href'))!.slice(1);
    await cell.click();
    const event = page.locator(`[id="${target}"]`);
    await event.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await event.locator('article.change').count()).toBe(1);
    expect(await event.locator('del, ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(testOutputDir('browser-series-full'), 'history.png') });
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  }, 120_000);
});
