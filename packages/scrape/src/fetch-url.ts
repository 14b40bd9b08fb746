import { PlandiffError } from '@plandiff/model';

/** Parses and checks a URL: only http(s); credentials moved out so they never reach messages. */
export function parseFetchUrl(raw: string): { url: URL; auth?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PlandiffError('FETCH_FAILED', `${redactText(raw)}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PlandiffError(
      'FETCH_FAILED',
      `${safeUrl(url)}: only http and https URLs can be fetched (got ${url.protocol.replace(/:$/, '')})`,
    );
  }
  if (url.username || url.password) {
    const auth = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
    return { url, auth };
  }
  return { url };
}

/** A URL as it may appear in messages and archives: without user name or password. */
export function safeUrl(url: URL | string): string {
  try {
    const u = new URL(String(url));
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return redactText(String(url));
  }
}

/** Removes `user:password@` from free text that may hold an unparsable URL. */
export function redactText(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, '//');
}
