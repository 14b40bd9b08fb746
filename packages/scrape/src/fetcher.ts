import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PlandiffError } from '@plandiff/model';
import { decodeBytes, type EncodingSource } from './decode-bytes.ts';
import { fail, isRetryable, parseRetryAfter } from './fetch-errors.ts';
import { parseFetchUrl, safeUrl } from './fetch-url.ts';
import { HostQueue, sleep } from './host-queue.ts';
import { requestOnce } from './request-once.ts';
import { RobotsCache } from './robots.ts';

/** What one retry was about, for progress messages. */
export interface RetryInfo {
  url: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  /** How long the fetcher waits before the next attempt. */
  waitMs: number;
  reason: string;
}

/** Options for fetchPage. */
export interface FetchOptions {
  /** Fetch even where robots.txt disallows it (the user takes responsibility). */
  ignoreRobots?: boolean;
  /** Least time between two requests to one host (default 1000 ms; robots.txt Crawl-delay wins if longer). */
  delayMs?: number;
  /** Extra attempts after a 429, a 5xx or a network error (default 3). */
  retries?: number;
  /** First backoff step; doubles per attempt, plus jitter (default 500 ms). */
  backoffMs?: number;
  /** Longest Retry-After the fetcher waits for before giving up (default 120 s). */
  maxRetryAfterMs?: number;
  connectTimeoutMs?: number;
  /** Whole-request limit: connect, headers and body (default 30 s). */
  timeoutMs?: number;
  /** Largest body accepted, after decompression (default 20 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

/** A fetched page, archived as received: exact bytes, final URL, selected headers, time, hash. */
export interface FetchResult {
  /** The requested URL (credentials removed). */
  url: string;
  finalUrl: string;
  status: number;
  /** content-type, last-modified, etag, content-length, date — when the server sent them. */
  headers: Record<string, string>;
  /** ISO time the response arrived. */
  fetchedAt: string;
  bytes: Uint8Array;
  sha256: string;
  encoding: string;
  encodingSource: EncodingSource;
  text: string;
}

const PKG = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage: string;
};

/** `plandiff/0.1.0 (+https://…)`: names the tool, its version and where to learn about it. */
export function defaultUserAgent(version = PKG.version, homepage = PKG.homepage): string {
  return `plandiff/${version} (+${homepage})`;
}

const DEFAULTS = {
  delayMs: 1000,
  retries: 3,
  backoffMs: 500,
  maxRetryAfterMs: 120_000,
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

type Settings = typeof DEFAULTS & FetchOptions & { userAgent: string };

/**
 * A polite HTTP client: one request at a time per host with a delay between them, robots.txt
 * honoured and cached, retries with backoff, timeouts and size caps. Tests make their own with
 * short delays; fetchPage uses a shared default instance.
 */
export class Fetcher {
  private readonly queue = new HostQueue();
  private readonly robots: RobotsCache<Settings>;
  private readonly defaults: FetchOptions;

  constructor(defaults: FetchOptions = {}) {
    this.defaults = defaults;
    this.robots = new RobotsCache<Settings>((url, s) =>
      // robots.txt: RFC 9309 asks crawlers to read at least 500 KiB of it.
      this.queue.run(url.host, s.delayMs, () => requestOnce(url, s, 512 * 1024), s.signal),
    );
  }

  /** Fetches a page (following up to 5 redirects) and decodes it; throws FETCH_FAILED or ROBOTS_DISALLOWED. */
  async fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
    const s: Settings = { ...DEFAULTS, userAgent: defaultUserAgent(), ...this.defaults, ...options };
    const { url, auth } = parseFetchUrl(rawUrl);
    const origin = url.origin;
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      seen.add(current.href);
      const rules = s.ignoreRobots ? undefined : await this.robots.rulesFor(current, s);
      if (rules && !rules.allows(current.href)) {
        throw new PlandiffError(
          'ROBOTS_DISALLOWED',
          `${safeUrl(current)}: ${rules.reason ?? 'robots.txt disallows fetching this page'}; pass --ignore-robots to fetch it anyway`,
        );
      }
      const delay = Math.max(s.delayMs, rules?.crawlDelayMs ?? 0);
      const response = await this.withRetries(current, s, delay, current.origin === origin ? auth : undefined);
      if (response.location === undefined) {
        if (response.status < 200 || response.status > 299)
          throw fail(current, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
        const decoded = decodeBytes(response.bytes, response.headers['content-type']);
        return {
          url: safeUrl(url),
          finalUrl: safeUrl(current),
          status: response.status,
          headers: response.headers,
          fetchedAt: response.fetchedAt,
          bytes: response.bytes,
          sha256: createHash('sha256').update(response.bytes).digest('hex'),
          encoding: decoded.encoding,
          encodingSource: decoded.encodingSource,
          text: decoded.text,
        };
      }
      let next: URL;
      try {
        next = new URL(response.location, current);
      } catch {
        throw fail(current, `redirects to an invalid location`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw fail(current, `redirects to a ${next.protocol.replace(/:$/, '')} URL; only http and https are followed`);
      next.username = '';
      next.password = '';
      if (seen.has(next.href)) throw fail(url, `redirect loop (${safeUrl(current)} → ${safeUrl(next)})`);
      if (hop + 1 > s.maxRedirects) throw fail(url, `more than ${s.maxRedirects} redirects`);
      current = next;
    }
  }

  /** One request through the host queue, retried on 429, 5xx and network errors. */
  private async withRetries(url: URL, s: Settings, delayMs: number, auth: string | undefined) {
    for (let attempt = 1; ; attempt++) {
      let reason: string;
      let retryAfterMs: number | undefined;
      try {
        const response = await this.queue.run(url.host, delayMs, () => requestOnce(url, s, s.maxBytes, auth), s.signal);
        if (response.status !== 429 && response.status < 500) return response;
        reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        retryAfterMs = parseRetryAfter(response.retryAfter);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        reason = error instanceof Error ? error.message.replace(/^[^:]*:\/\/\S*: /, '') : String(error);
      }
      if (attempt > s.retries) {
        throw fail(url, `${reason} (gave up after ${attempt} attempt${attempt > 1 ? 's' : ''})`);
      }
      if (retryAfterMs !== undefined && retryAfterMs > s.maxRetryAfterMs) {
        throw fail(
          url,
          `${reason}; the server asks to retry after ${Math.round(retryAfterMs / 1000)} s, longer than the ${Math.round(s.maxRetryAfterMs / 1000)} s limit`,
        );
      }
      const backoff = Math.min(30_000, s.backoffMs * 2 ** (attempt - 1));
      const waitMs = Math.max(retryAfterMs ?? 0, backoff + Math.random() * s.backoffMs);
      s.onRetry?.({ url: safeUrl(url), attempt, waitMs, reason });
      await sleep(waitMs, s.signal);
    }
  }
}

/**
 * Defaults for the shared fetcher from the environment, for scripts and tests that cannot wait
 * minutes on a dead server: $PLANDIFF_FETCH_TIMEOUT (seconds per request) and $PLANDIFF_FETCH_RETRIES.
 */
export function fetchOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FetchOptions {
  const options: FetchOptions = {};
  const seconds = Number(env.PLANDIFF_FETCH_TIMEOUT);
  if (env.PLANDIFF_FETCH_TIMEOUT && Number.isFinite(seconds) && seconds > 0) {
    options.timeoutMs = seconds * 1000;
    options.connectTimeoutMs = Math.min(DEFAULTS.connectTimeoutMs, seconds * 1000);
  }
  const retries = Number(env.PLANDIFF_FETCH_RETRIES);
  if (env.PLANDIFF_FETCH_RETRIES && Number.isInteger(retries) && retries >= 0) options.retries = retries;
  return options;
}

const shared = new Fetcher(fetchOptionsFromEnv());

/** Fetches a page with the shared politeness state (per-host queue, robots cache). */
export function fetchPage(url: string, options?: FetchOptions): Promise<FetchResult> {
  return shared.fetchPage(url, options);
}
