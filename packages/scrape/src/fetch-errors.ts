import { PlandiffError } from '@plandiff/model';
import { safeUrl } from './fetch-url.ts';

/** A FETCH_FAILED error naming the URL (credentials removed) and the cause. */
export function fail(url: URL, reason: string): PlandiffError {
  return new PlandiffError('FETCH_FAILED', `${safeUrl(url)}: ${reason}`);
}

/** The error for a body over the size cap. */
export function tooLarge(url: URL, limit: number, detail: string): PlandiffError {
  return fail(url, `response is larger than the ${formatBytes(limit)} limit (${detail})`);
}

/** Timeouts a network error is described against. */
export interface TimeoutSettings {
  timeoutMs: number;
  connectTimeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** Turns an undici/network failure into a retryable FETCH_FAILED with a plain-words cause. */
export function networkError(url: URL, error: unknown, s: TimeoutSettings, timedOut: boolean): PlandiffError {
  if (s.signal?.aborted) return fail(url, 'cancelled');
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  const timeoutCodes = ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];
  let reason: string;
  if (timedOut || timeoutCodes.includes(code ?? '') || (error as Error)?.name === 'TimeoutError')
    reason = `timed out after ${formatMs(s.timeoutMs)}`;
  else if (code === 'UND_ERR_CONNECT_TIMEOUT') reason = `could not connect within ${formatMs(s.connectTimeoutMs)}`;
  else if (code === 'ECONNREFUSED') reason = 'connection refused';
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') reason = `host ${url.hostname} not found`;
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') reason = 'connection reset by the server';
  else reason = `network error (${code ?? cause?.message ?? (error as Error)?.message ?? String(error)})`;
  return Object.assign(fail(url, reason), { retryable: true });
}

/** True for errors worth another attempt (network failures, timeouts). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof PlandiffError) || (error as { retryable?: boolean }).retryable === true;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** 20 MB, 512 KB, 300 bytes. */
export function formatBytes(n: number): string {
  if (n >= 1048576) return `${+(n / 1048576).toFixed(1)} MB`;
  return n >= 1024 ? `${+(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
