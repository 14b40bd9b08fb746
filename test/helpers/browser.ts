import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './run-cli.ts';

/** Debian's Chromium, which the browser tests drive (`.ci/run` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why browser tests must be skipped here, or undefined when they can run (in CI they always must). */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') return undefined; // let the launch fail loudly: CI must run these
  return `${CHROMIUM} is missing (install Debian's chromium, or run .ci/run); skipping the browser tests`;
}

/** Launches headless Chromium with everything that phones home turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** What a page did while open: requests made, console errors, uncaught errors, dialogs shown. */
export interface PageLog {
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** Opens a local HTML file in a fresh page, recording everything in a PageLog. */
export async function openFile(browser: Browser, path: string): Promise<{ page: Page; log: PageLog; url: string }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log: PageLog = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const url = pathToFileURL(path).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, log, url };
}

/** The git-ignored folder where browser tests leave screenshots. */
export function testOutputDir(name: string): string {
  const dir = join(ROOT, 'test-output', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
