import { PlandiffError } from '@plandiff/model';
import { formatBytes, networkError, type TimeoutSettings, tooLarge } from './fetch-errors.ts';
import { readCapped } from './read-body.ts';

/** One HTTP response as the fetcher needs it (redirects are not followed here). */
export interface RawResponse {
  status: number;
  statusText: string;
  /** The archived headers: content-type, last-modified, etag, content-length, date. */
  headers: Record<string, string>;
  location?: string | undefined;
  retryAfter?: string | undefined;
  bytes: Uint8Array;
  fetchedAt: string;
}

/** What a single request needs to know. */
export interface RequestSettings extends TimeoutSettings {
  userAgent: string;
}

const KEPT_HEADERS = ['content-type', 'last-modified', 'etag', 'content-length', 'date'];

let undici: Promise<typeof import('undici')> | undefined;
/** undici is loaded on first use: cleaning saved pages should not pay for an HTTP client. */
function loadUndici(): Promise<typeof import('undici')> {
  undici ??= import('undici');
  return undici;
}

/** A single GET with connect/total timeouts, reading at most `limit` bytes after decompression. */
export async function requestOnce(url: URL, s: RequestSettings, limit: number, auth?: string): Promise<RawResponse> {
  const timeout = AbortSignal.timeout(s.timeoutMs);
  const signal = s.signal ? AbortSignal.any([s.signal, timeout]) : timeout;
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
    // A declared length is only the wire size when nothing is compressed; the stream is capped anyway.
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (!response.headers.get('content-encoding') && declared > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(url, limit, `the server announces ${formatBytes(declared)}`);
    }
    let bytes: Uint8Array = new Uint8Array();
    if (location) await response.body?.cancel().catch(() => undefined);
    else bytes = await readCapped(response.body, limit, () => tooLarge(url, limit, 'stopped reading there'));
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
