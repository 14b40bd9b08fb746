import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PlandiffError } from '@plandiff/model';
import { decodeBytes, type EncodingSource } from './decode-bytes.ts';
import { parseFetchUrl, safeUrl } from './fetch-url.ts';
import { HostQueue, sleep } from './host-queue.ts';
import { readCapped } from './read-body.ts';
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

const KEPT_HEADERS = ['content-type', 'last-modified', 'etag', 'content-length', 'date'];
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
      this.queue.run(url.host, s.delayMs, () => this.getOnce(url, s, 0), s.signal),
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
        const response = await this.queue.run(
          url.host,
          delayMs,
          () => this.getOnce(url, s, s.maxBytes, auth),
          s.signal,
        );
        if (response.status !== 429 && response.status < 500) return response;
        reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        retryAfterMs = parseRetryAfter(response.retryAfter);
      } catch (error) {
        if (error instanceof PlandiffError && !(error as { retryable?: boolean }).retryable) throw error;
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

  /** A single GET: no redirects followed, body read up to `maxBytes` (0: robots default). */
  private async getOnce(url: URL, s: Settings, maxBytes: number, auth?: string) {
    const limit = maxBytes || 512 * 1024;
    const timeout = AbortSignal.timeout(s.timeoutMs);
    const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
    // undici is loaded on first use: cleaning saved pages should not pay for an HTTP client.
    const { Agent, fetch } = await loadUndici();
    const dispatcher = new Agent({
      connect: { timeout: s.connectTimeoutMs },
      headersTimeout: s.timeoutMs,
      bodyTimeout: s.timeoutMs,
    });
    const headers: Record<string, string> = {
      'user-agent': s.userAgent,
      accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
    };
    if (auth) headers.authorization = auth;
    try {
      const response = await fetch(url, { headers, redirect: 'manual', signal, dispatcher });
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      const kept: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = response.headers.get(name);
        if (v !== null) kept[name] = v;
      }
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (!response.headers.get('content-encoding') && declared > limit) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(url, limit, `the server announces ${formatBytes(declared)}`);
      }
      const bytes = location
        ? new Uint8Array()
        : await readCapped(response.body, limit, () => tooLarge(url, limit, 'stopped reading there'));
      if (location) await response.body?.cancel().catch(() => undefined);
      return {
        status: response.status,
        statusText: response.statusText,
        headers: kept,
        location: location ?? undefined,
        retryAfter: response.headers.get('retry-after') ?? undefined,
        bytes,
        fetchedAt: new Date().toISOString(),
      };
    } catch (error) {
      if (error instanceof PlandiffError) throw error;
      throw networkError(url, error, s, timeout.aborted);
    } finally {
      dispatcher.close().catch(() => undefined);
    }
  }
}

let undici: Promise<typeof import('undici')> | undefined;
function loadUndici(): Promise<typeof import('undici')> {
  undici ??= import('undici');
  return undici;
}

function networkError(url: URL, error: unknown, s: Settings, timedOut: boolean): PlandiffError {
  if (s.signal?.aborted) return fail(url, 'cancelled');
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  let reason: string;
  if (
    timedOut ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    (error as Error)?.name === 'TimeoutError'
  )
    reason = `timed out after ${formatMs(s.timeoutMs)}`;
  else if (code === 'UND_ERR_CONNECT_TIMEOUT') reason = `could not connect within ${formatMs(s.connectTimeoutMs)}`;
  else if (code === 'ECONNREFUSED') reason = 'connection refused';
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') reason = `host ${url.hostname} not found`;
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') reason = 'connection reset by the server';
  else reason = `network error (${code ?? cause?.message ?? (error as Error)?.message ?? String(error)})`;
  return Object.assign(fail(url, reason), { retryable: true });
}

function fail(url: URL, reason: string): PlandiffError {
  return new PlandiffError('FETCH_FAILED', `${safeUrl(url)}: ${reason}`);
}

function tooLarge(url: URL, limit: number, detail: string): PlandiffError {
  return fail(url, `response is larger than the ${formatBytes(limit)} limit (${detail})`);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function formatBytes(n: number): string {
  return n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

const shared = new Fetcher();

/** Fetches a page with the shared politeness state (per-host queue, robots cache). */
export function fetchPage(url: string, options?: FetchOptions): Promise<FetchResult> {
  return shared.fetchPage(url, options);
}
