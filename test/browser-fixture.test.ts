import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiffReport, renderSeriesReport } from '../packages/report/src/index.ts';
import { browserSkipReason, launchChromium, openFile, testOutputDir } from './helpers/browser.ts';
import { loadPairFixture, loadSeriesFixture } from './helpers/report-fixtures.ts';

const skip = browserSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('HTML reports of the fixtures in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  const diff = loadPairFixture();
  const { lineage, diffs } = loadSeriesFixture();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    writeFileSync(join(dir, 'pair.html'), renderDiffReport(diff, 'html', { lang: 'zh' }));
    writeFileSync(join(dir, 'series.html'), renderSeriesReport(lineage, diffs, 'html', { lang: 'en' }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows hostile task text (<script>, "onerror=) as text and runs none of it', async () => {
    const { page, log, url } = await openFile(browser, join(dir, 'pair.html'));
    const text = await page.locator('body').innerText();
    expect(text).toContain('网络安全 <script>alert(1)</script>');
    expect(text).toContain('防范"onerror=alert(2) 与 <img src=x onerror="window.__pwned=1">');
    expect(text).toContain('督导</td></tr><script>window.__pwned=2</script>');
    expect(text).toContain('经费保障 "onerror=x');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1); // only the report's own script
    expect(await page.locator('[onerror]').count()).toBe(0);
    expect(log.dialogs).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.pageErrors).toEqual([]);
    expect(log.requests).toEqual([url]);
  });

  it('filters by kind (only-this-kind buttons and checkboxes) and by text', async () => {
    const { page, log } = await openFile(browser, join(dir, 'pair.html'));
    const visibleKinds = (): Promise<string[]> =>
      page.evaluate(
        `[...document.querySelectorAll('.row.change')].filter((r) => !r.hidden).map((r) => r.getAttribute('data-kinds'))`,
      );
    expect((await visibleKinds()).length).toBe(diff.changes.length);
    expect(await page.locator('#shown').innerText()).toBe(`显示 ${diff.changes.length} / ${diff.changes.length} 项`);
    for (const kind of ['merged', 'dropped', 'reworded'] as const) {
      await page.click(`table.kinds button[data-only="${kind}"]`);
      expect(await visibleKinds()).toEqual(Array(diff.summary[kind]).fill(kind));
    }
    await page.click('button[data-all]');
    await page.uncheck('input[data-kind-filter][value="unchanged"]');
    const kinds = await visibleKinds();
    expect(kinds).not.toContain('unchanged');
    expect(kinds.length).toBe(diff.changes.length - diff.summary.unchanged);
    await page.click('button[data-all]');
    await page.fill('#q', '经费');
    expect(await page.locator('.row.change:not([hidden])').count()).toBe(1);
    expect(await page.locator('.row.change:not([hidden])').innerText()).toContain('教育经费占比不低于');
    // Following a link into a filtered-out row brings it back.
    await page.click('nav.filters button[data-only="added"]');
    await page.evaluate(`location.hash = '#a-3.3'`);
    await page.waitForFunction(`!document.getElementById('a-3.3').closest('.row').hidden`);
    expect(log.consoleErrors).toEqual([]);
  });

  it('the many-year timeline links every cell to a detail that opens', async () => {
    const { page, log, url } = await openFile(browser, join(dir, 'series.html'));
    expect(await page.locator('table.timeline tbody tr.row').count()).toBe(lineage.goals.length);
    const events = lineage.goals.reduce((sum, goal) => sum + goal.events.length, 0);
    expect(await page.locator('table.timeline a.ev').count()).toBe(events);
    // The split of 职业教育与高等教育 in 2025: goal 3 in the fixture; its history is drawn under its row.
    expect(await page.locator('#e-3-2025').count()).toBe(0); // not drawn until asked for
    await page.click('table.timeline tr#t-3 a.ev[href="#e-3-2025"]');
    const detail = page.locator('#e-3-2025');
    await detail.waitFor({ state: 'visible' });
    expect(await detail.innerText()).toContain('Split');
    expect(await detail.innerText()).toContain('深化产教融合');
    expect(await detail.locator('ins, del').count()).toBeGreaterThan(0);
    await page.click('nav.filters button[data-only="dropped"]');
    expect(await page.locator('table.timeline tbody tr.row').count()).toBe(1);
    // Following a link to a goal that the filter hides brings it back, with its history open.
    await page.evaluate(`location.hash = '#e-0-2024'`);
    await page.locator('#e-0-2024').waitFor({ state: 'visible' });
    expect(await page.locator('table.timeline tbody tr.row').count()).toBe(lineage.goals.length);
    expect(log.dialogs).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests).toEqual([url]);
  });

  it('searches goals by their text, and shows hostile text in a history as text', async () => {
    const { page, log } = await openFile(browser, join(dir, 'series.html'));
    const hostile = lineage.goals.findIndex((goal) =>
      goal.events.some((e) => e.units.some((u) => u.heading.includes('<script>'))),
    );
    expect(hostile).toBeGreaterThanOrEqual(0);
    await page.fill('#q', 'alert(1)');
    await expect.poll(() => page.locator('table.timeline tbody tr.row').count()).toBe(1);
    expect(await page.locator('#shown').innerText()).toBe(`Showing 1 of ${lineage.goals.length}`);
    await page.click(`tr#t-${hostile} a.goal-link`);
    const history = page.locator(`#g-${hostile}`);
    await history.waitFor({ state: 'visible' });
    expect(await history.innerText()).toContain('网络安全 <script>alert(1)</script>');
    expect(await history.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('img, [onerror]').count()).toBe(0);
    // One script runs: the page's own; the others are inert data blocks.
    expect(await page.locator('script:not([type])').count()).toBe(1);
    await page.click(`#g-${hostile} button.close`);
    expect(await page.locator(`#g-${hostile}`).count()).toBe(0);
    expect(log.dialogs).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('draws the charts as inline SVG, each with its table beside it', async () => {
    const { page, log, url } = await openFile(browser, join(dir, 'series.html'));
    await page.screenshot({ path: join(testOutputDir('browser-fixture'), 'series.png'), fullPage: true });
    for (const figure of await page.locator('figure.chart').all()) {
      expect(await figure.locator('svg[role="img"]').count()).toBeGreaterThan(0);
      expect(await figure.locator('table').count()).toBeGreaterThan(0);
    }
    // (c) one bar per pair of editions.
    expect(await page.locator('svg.kinds-chart g.pair-bar').count()).toBe(diffs.length);
    // (a) 新建公办幼儿园: 20所 in 2023 and 2024, raised to 30所 in 2025.
    const track = page.locator('figure.track-card', { hasText: '新建公办幼儿园' });
    expect(await track.locator('table tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^2023\t20所/),
      expect.stringMatching(/^2024\t20所/),
      expect.stringMatching(/^2025\t30所/),
    ]);
    expect(await track.locator('svg circle').count()).toBe(3);
    // (b) the newest pair's flows are drawn; picking 2023 → 2024 draws that pair's (by hand: 2.1–2.3
    // stay in section 2, 2.4 is added; that diff lists no section rows, so sections go by number).
    const flowRows = () => page.locator('#flow-view table.flows tbody tr').allInnerTexts();
    expect(await page.locator('#flow-view svg.sankey path.band').count()).toBeGreaterThan(3);
    await page.selectOption('#flow-pair', '0');
    expect(await flowRows()).toEqual(['2\t2\t3', '(added)\t2\t1']);
    await page.selectOption('#flow-pair', '1');
    expect((await flowRows()).length).toBe(8);
    expect(log.consoleErrors).toEqual([]);
    expect(log.requests).toEqual([url]);
  });
});
