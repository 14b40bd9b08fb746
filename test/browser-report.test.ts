import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLineage, diffPlans, labelEditions, unitRefs } from '../packages/diff/src/index.ts';
import { type Plan, PlanDiffSchema } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { KINDS, renderSeriesReport } from '../packages/report/src/index.ts';
import { browserSkipReason, launchChromium, openFile, testOutputDir } from './helpers/browser.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const skip = browserSkipReason();
if (skip) console.warn(skip);

/** Parses a shipped Government Work Report through the real normalizer. */
function loadReport(year: number): Plan {
  const path = `corpus/gwr/${year}.txt`;
  const bytes = readFileSync(join(ROOT, path));
  const source = { path, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8' };
  const { plan } = normalizePlan(bytes.toString('utf8'), { source });
  return plan.year === undefined ? { ...plan, year } : plan;
}

describe.skipIf(skip !== undefined)('the 2024→2025 Government Work Report diff in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    // The real pipeline, as a user runs it: normalize → diff → report through the CLI.
    for (const format of ['json', 'html']) {
      const out = join(dir, `gwr-2024-2025.${format}`);
      const run = await runMain([
        'diff',
        'corpus/gwr/2024.txt',
        'corpus/gwr/2025.txt',
        '--format',
        format,
        '--out',
        out,
      ]);
      if (run.code !== 0) throw new Error(`plandiff diff --format ${format} failed: ${run.stderr}`);
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the JSON counts, filters to one kind per click, logs no error and fetches nothing', async () => {
    const json = PlanDiffSchema.parse(JSON.parse(readFileSync(join(dir, 'gwr-2024-2025.json'), 'utf8')));
    const { page, log, url } = await openFile(browser, join(dir, 'gwr-2024-2025.html'));
    // The top of the page (summary, figures, first changes); a full-page shot of ~90 changes takes ~20 s here.
    const shot = join(testOutputDir('browser-report'), 'gwr-2024-2025.png');
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 3000 } });

    const shown: Record<string, number> = {};
    for (const kind of KINDS)
      shown[kind] = Number(await page.locator(`table.kinds button[data-only="${kind}"]`).textContent());
    expect(shown).toEqual(json.summary);
    const total = KINDS.reduce((sum, kind) => sum + json.summary[kind], 0);
    expect(Number(await page.locator('table.kinds [data-total]').textContent())).toBe(total);
    expect(await page.locator('.row.change').count()).toBe(json.changes.length);

    const visibleKinds = (): Promise<string[]> =>
      page.evaluate(
        `[...document.querySelectorAll('.row.change')].filter((r) => !r.hidden).map((r) => r.getAttribute('data-kinds'))`,
      );
    const present = KINDS.filter((kind) => json.summary[kind] > 0);
    expect(present.length).toBeGreaterThan(1);
    for (const kind of present) {
      await page.click(`table.kinds button[data-only="${kind}"]`);
      const kinds = await visibleKinds();
      expect(kinds.length, kind).toBe(json.changes.filter((c) => c.kind === kind).length);
      expect(new Set(kinds), kind).toEqual(new Set([kind]));
    }
    await page.click('nav.filters button[data-all]');
    expect((await visibleKinds()).length).toBe(json.changes.length);

    // Every changed figure of the JSON is in the figures table.
    const figures = json.changes.reduce((sum, c) => sum + c.figures.length, 0);
    expect(await page.locator('table.figures tbody tr').count()).toBe(figures);
    expect(figures).toBeGreaterThan(0);

    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.dialogs).toEqual([]);
    expect(log.requests).toEqual([url]);
  });

  it('the 2021–2025 multi-year report opens cleanly, one timeline row per goal', async () => {
    const plans = [2021, 2022, 2023, 2024, 2025].map(loadReport);
    const refs = plans.map((p) => `gwr@${p.year}`);
    const diffs = plans.slice(1).map((b, i) => diffPlans(plans[i]!, b, { refA: refs[i]!, refB: refs[i + 1]! }));
    const lineage = buildLineage(labelEditions(plans, refs), diffs, unitRefs(plans[0]!), { depth: 2 });
    writeFileSync(join(dir, 'gwr-2021-2025.html'), renderSeriesReport(lineage, diffs, 'html', { lang: 'zh' }));
    const { page, log, url } = await openFile(browser, join(dir, 'gwr-2021-2025.html'));
    await page.screenshot({ path: join(testOutputDir('browser-report'), 'gwr-2021-2025.png') });
    expect(await page.locator('table.timeline tbody tr.row').count()).toBe(lineage.goals.length);
    expect(await page.locator('table.timeline thead th').allTextContents()).toEqual([
      '目标',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    // The GDP growth target followed year by year, its qualifier shown: as the reports print it
    // (2022 5.5%左右, 2023–2025 5%左右), in the chart's table and as the chart's own labels.
    const gdp = page.locator('figure.track-card', { hasText: '国内生产总值增长' });
    await gdp.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(testOutputDir('browser-report'), 'gwr-2021-2025-gdp.png') });
    const rows = await gdp.first().locator('table tbody tr').allInnerTexts();
    for (const row of ['2021\t6%\t以上', '2022\t5.5%\t左右', '2023\t5%\t左右', '2024\t5%\t左右', '2025\t5%\t左右']) {
      expect(
        rows.some((r) => r.startsWith(row)),
        row,
      ).toBe(true);
    }
    expect(await gdp.first().locator('svg text', { hasText: '5.5%左右' }).count()).toBe(1);
    expect(await gdp.first().locator('svg text', { hasText: '6%以上' }).count()).toBe(1);
    expect(await gdp.first().locator('svg circle').count()).toBe(rows.length);
    const firstCell = page.locator('table.timeline a.ev').first();
    const target = (await firstCell.getAttribute('href'))!.slice(1);
    await firstCell.click();
    await page.locator(`[id="${target}"]`).waitFor({ state: 'visible' });
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.requests).toEqual([url]);
  });
});
