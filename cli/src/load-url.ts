import type { FetchResult } from '@plandiff/scrape';
import { type CleanedPage, loadScrape, planFromPage } from './load-html.ts';
import type { LoadedPlan, LoadPlanOptions } from './load-plan.ts';
import { HOMEPAGE, VERSION } from './version.ts';

/** True for URLs with a scheme (other schemes than http(s) are refused when fetched). */
export function isUrl(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(ref);
}

/** Fetches a page politely, naming plandiff in the User-Agent; retries are reported on a TTY. */
export async function fetchForCli(url: string, options: { ignoreRobots?: boolean }): Promise<FetchResult> {
  const { fetchPage } = await loadScrape();
  return fetchPage(url, {
    ignoreRobots: options.ignoreRobots ?? false,
    userAgent: `plandiff/${VERSION} (+${HOMEPAGE})`,
    onRetry: (info) => {
      if (process.stderr.isTTY)
        process.stderr.write(`${info.url}: ${info.reason}; retrying in ${Math.ceil(info.waitMs / 1000)} s\n`);
    },
  });
}

/** Fetches and cleans a page. */
export async function cleanUrl(
  url: string,
  options: { ignoreRobots?: boolean },
): Promise<CleanedPage & { fetched: FetchResult }> {
  const fetched = await fetchForCli(url, options);
  const { cleanPage } = await loadScrape();
  return {
    clean: cleanPage(fetched.text, fetched.finalUrl),
    encoding: fetched.encoding,
    sha256: fetched.sha256,
    fetched,
  };
}

/** Fetches, cleans and normalizes a plan page. */
export async function loadUrl(ref: string, options: LoadPlanOptions): Promise<LoadedPlan> {
  const page = await cleanUrl(ref, { ignoreRobots: options.ignoreRobots ?? false });
  return planFromPage(page.fetched.url, page, { url: page.fetched.finalUrl });
}
