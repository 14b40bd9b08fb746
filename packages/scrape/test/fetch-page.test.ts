import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher, type FetchOptions } from '../src/index.ts';
import { big5, gbk, type PageServer, type Route, send, startPageServer } from './helpers/page-server.ts';

// Short delays and timeouts so the whole file runs in a few seconds.
const FAST: FetchOptions = { delayMs: 0, retries: 0, backoffMs: 10, timeoutMs: 2000, connectTimeoutMs: 1000 };
const PLAN =
  '<html><head><title>2012年全市教育工作要点</title></head><body><p>各区、县教育局：现将《2012年全市教育工作要点》印发你们，请认真贯彻落实。</p></body></html>';
const TRAD =
  '<html><body><p>各區、縣教育局：現將《2012年全市教育工作要點》印發給你們，請結合實際認真貫徹落實。這是臺灣與香港的繁體中文頁面。</p></body></html>';

let server: PageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(routes: Record<string, Route>): Promise<PageServer> {
  server = await startPageServer(routes);
  return server;
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchPage: decoding', () => {
  it('detects GBK when neither the header nor the page names a charset', async () => {
    const s = await serve({ '/p': send(gbk(PLAN), { 'content-type': 'text/html' }) });
    const r = await new Fetcher(FAST).fetchPage(`${s.base}/p`);
    expect(r.encoding).toBe('gb18030');
    expect(r.encodingSource).toBe('detector');
    expect(r.text).toContain('全市教育工作要点');
  });

  it('uses a charset given only in <meta>', async () => {
    const html = PLAN.replace('<head>', '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const s = await serve({ '/p': send(gbk(html), { 'content-type': 'text/html' }) });
    const r = await new Fetcher(FAST).fetchPage(`${s.base}/p`);
    expect([r.encoding, r.encodingSource]).toEqual(['gb18030', 'meta']);
    expect(r.text).toContain('贯彻落实');
  });

  it('overrides a declared charset the bytes contradict', async () => {
    const s = await serve({
      '/gbk-as-utf8': send(gbk(PLAN), { 'content-type': 'text/html; charset=utf-8' }),
      '/utf8-as-gbk': send(Buffer.from(PLAN), { 'content-type': 'text/html; charset=gbk' }),
      '/gbk-as-latin1': send(gbk(PLAN), { 'content-type': 'text/html; charset=iso-8859-1' }),
    });
    const f = new Fetcher(FAST);
    const a = await f.fetchPage(`${s.base}/gbk-as-utf8`);
    expect([a.encoding, a.encodingSource, a.text.includes('贯彻落实')]).toEqual(['gb18030', 'detector', true]);
    const b = await f.fetchPage(`${s.base}/utf8-as-gbk`);
    expect([b.encoding, b.text.includes('贯彻落实')]).toEqual(['utf-8', true]);
    const c = await f.fetchPage(`${s.base}/gbk-as-latin1`);
    expect([c.encoding, c.text.includes('贯彻落实')]).toEqual(['gb18030', true]);
  });

  it('trusts a byte-order mark over every declaration', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN)]);
    const s = await serve({ '/p': send(bytes, { 'content-type': 'text/html; charset=gbk' }) });
    const r = await new Fetcher(FAST).fetchPage(`${s.base}/p`);
    expect([r.encoding, r.encodingSource]).toEqual(['utf-8', 'bom']);
    expect(r.text.startsWith('<html>')).toBe(true);
  });

  it('decodes Big5, declared or detected', async () => {
    const s = await serve({
      '/declared': send(big5(TRAD), { 'content-type': 'text/html; charset=big5' }),
      '/detected': send(big5(TRAD), { 'content-type': 'text/html' }),
    });
    const f = new Fetcher(FAST);
    const a = await f.fetchPage(`${s.base}/declared`);
    expect([a.encoding, a.encodingSource, a.text.includes('貫徹落實')]).toEqual(['big5', 'http', true]);
    const b = await f.fetchPage(`${s.base}/detected`);
    expect([b.encoding, b.encodingSource, b.text.includes('繁體中文')]).toEqual(['big5', 'detector', true]);
  });
});

describe('fetchPage: archive fields', () => {
  it('keeps exact bytes, final URL, status, selected headers, time and sha256', async () => {
    const bytes = gbk(PLAN);
    const s = await serve({
      '/old': send('', { location: '/new' }, 301),
      '/new': send(bytes, {
        'content-type': 'text/html',
        etag: '"v1"',
        'last-modified': 'Thu, 09 Feb 2012 08:00:00 GMT',
        'x-other': 'dropped',
      }),
    });
    const before = Date.now();
    const r = await new Fetcher(FAST).fetchPage(`${s.base}/old`);
    expect(r.url).toBe(`${s.base}/old`);
    expect(r.finalUrl).toBe(`${s.base}/new`);
    expect(r.status).toBe(200);
    expect(Buffer.from(r.bytes).equals(bytes)).toBe(true);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(r.headers).toMatchObject({
      'content-type': 'text/html',
      etag: '"v1"',
      'last-modified': 'Thu, 09 Feb 2012 08:00:00 GMT',
    });
    expect(r.headers['x-other']).toBeUndefined();
    expect(Date.parse(r.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('names plandiff, its version and homepage in the User-Agent', async () => {
    const s = await serve({ '/p': send(PLAN, { 'content-type': 'text/html' }) });
    await new Fetcher(FAST).fetchPage(`${s.base}/p`);
    const ua = s.hits.find((h) => h.path === '/p')?.headers['user-agent'];
    expect(ua).toMatch(/^plandiff\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+\)$/);
  });
});

describe('fetchPage: robots.txt and politeness', () => {
  it('refuses pages robots.txt disallows, clearly, unless told to ignore robots', async () => {
    const s = await serve({
      '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
      '/private/plan.html': send(PLAN, { 'content-type': 'text/html; charset=utf-8' }),
      '/public.html': send(PLAN, { 'content-type': 'text/html; charset=utf-8' }),
    });
    const f = new Fetcher(FAST);
    const e = await failure(f.fetchPage(`${s.base}/private/plan.html`));
    expect(e.code).toBe('ROBOTS_DISALLOWED');
    expect(e.message).toContain(`${s.base}/private/plan.html`);
    expect(e.message).toMatch(/robots\.txt disallows/);
    expect(e.message).toContain('--ignore-robots');
    expect(s.hits.some((h) => h.path === '/private/plan.html')).toBe(false);
    expect((await f.fetchPage(`${s.base}/public.html`)).status).toBe(200);
    const forced = await f.fetchPage(`${s.base}/private/plan.html`, { ignoreRobots: true });
    expect(forced.text).toContain('贯彻落实');
    expect(s.hits.filter((h) => h.path === '/robots.txt')).toHaveLength(1); // cached per origin
  });

  it('treats an unreachable robots.txt (5xx) as closed', async () => {
    const s = await serve({ '/robots.txt': send('down', {}, 503), '/p': send(PLAN) });
    const e = await failure(new Fetcher(FAST).fetchPage(`${s.base}/p`));
    expect(e.code).toBe('ROBOTS_DISALLOWED');
    expect(e.message).toMatch(/robots\.txt answered HTTP 503/);
  });

  it('sends one request at a time per host, spaced by the delay and by Crawl-delay', async () => {
    const slow: Route = (_req, res) => setTimeout(() => send(PLAN)(_req, res), 50);
    const s = await serve({ '/a': slow, '/b': slow, '/c': slow });
    const f = new Fetcher({ ...FAST, delayMs: 150, ignoreRobots: true });
    await Promise.all([f.fetchPage(`${s.base}/a`), f.fetchPage(`${s.base}/b`), f.fetchPage(`${s.base}/c`)]);
    const times = s.hits.map((h) => h.at);
    // Each request starts after the previous one finished (50 ms) plus the delay (150 ms).
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(190);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(190);

    const t = await startPageServer({
      '/robots.txt': send('User-agent: *\nCrawl-delay: 1\n'),
      '/x': send(PLAN),
      '/y': send(PLAN),
    });
    try {
      const g = new Fetcher({ ...FAST, delayMs: 10 });
      await g.fetchPage(`${t.base}/x`);
      await g.fetchPage(`${t.base}/y`);
      const at = (p: string) => t.hits.find((h) => h.path === p)?.at ?? 0;
      expect(at('/y') - at('/x')).toBeGreaterThanOrEqual(950);
    } finally {
      await t.close();
    }
  });
});

describe('fetchPage: retries, timeouts and limits', () => {
  it('retries a 429 and honours Retry-After', async () => {
    let n = 0;
    const s = await serve({
      '/p': (req, res) => (++n === 1 ? send('slow down', { 'retry-after': '1' }, 429)(req, res) : send(PLAN)(req, res)),
    });
    const retries: number[] = [];
    const r = await new Fetcher({ ...FAST, retries: 2, ignoreRobots: true }).fetchPage(`${s.base}/p`, {
      onRetry: (info) => retries.push(info.waitMs),
    });
    expect(r.status).toBe(200);
    expect(s.hits).toHaveLength(2);
    expect(retries[0]).toBeGreaterThanOrEqual(1000);
    expect((s.hits[1]?.at ?? 0) - (s.hits[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('retries after a dropped connection (network error), with backoff', async () => {
    let n = 0;
    const s = await serve({
      '/p': (req, res) => (++n === 1 ? req.socket.destroy() : send(PLAN)(req, res)),
    });
    const reasons: string[] = [];
    const r = await new Fetcher({ ...FAST, retries: 1, ignoreRobots: true }).fetchPage(`${s.base}/p`, {
      onRetry: (info) => reasons.push(info.reason),
    });
    expect(r.status).toBe(200);
    expect(s.hits).toHaveLength(2);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).not.toContain('127.0.0.1');
  });

  it('gives up on a server that keeps failing after the configured attempts', async () => {
    const s = await serve({ '/p': send('boom', {}, 500) });
    const e = await failure(new Fetcher({ ...FAST, retries: 2, ignoreRobots: true }).fetchPage(`${s.base}/p`));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.message).toBe(`${s.base}/p: HTTP 500 Internal Server Error (gave up after 3 attempts)`);
    expect(s.hits).toHaveLength(3);
  });

  it('does not retry a 404, and says so', async () => {
    const s = await serve({});
    const e = await failure(new Fetcher({ ...FAST, retries: 3 }).fetchPage(`${s.base}/missing.html`));
    expect(e.message).toBe(`${s.base}/missing.html: HTTP 404 Not Found`);
    expect(s.hits.filter((h) => h.path === '/missing.html')).toHaveLength(1);
  });

  it('times out a server that stalls before or during the body', async () => {
    const s = await serve({
      '/silent': () => undefined,
      '/trickle': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
      },
    });
    const f = new Fetcher({ ...FAST, timeoutMs: 300, ignoreRobots: true });
    const started = Date.now();
    const a = await failure(f.fetchPage(`${s.base}/silent`));
    expect(a.message).toBe(`${s.base}/silent: timed out after 300 ms (gave up after 1 attempt)`);
    const b = await failure(f.fetchPage(`${s.base}/trickle`));
    expect(b.message).toMatch(/trickle: timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops redirect loops and long redirect chains', async () => {
    const hop = (to: string): Route => send('', { location: to }, 302);
    const s = await serve({
      '/a': hop('/b'),
      '/b': hop('/a'),
      ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/r${i}`, hop(`/r${i + 1}`)])),
    });
    const f = new Fetcher({ ...FAST, ignoreRobots: true });
    const loop = await failure(f.fetchPage(`${s.base}/a`));
    expect(loop.message).toBe(`${s.base}/a: redirect loop (${s.base}/b → ${s.base}/a)`);
    const chain = await failure(f.fetchPage(`${s.base}/r0`));
    expect(chain.message).toBe(`${s.base}/r0: more than 5 redirects`);
  });

  it('cuts a 50 MB body at the 20 MB cap with a clear error', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(1 << 20, 0x61);
    const s = await serve({
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const pump = () => {
          while (sent < 50) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
      '/announced': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 << 20) });
        res.write(chunk);
      },
    });
    const f = new Fetcher({ ...FAST, ignoreRobots: true });
    const e = await failure(f.fetchPage(`${s.base}/huge`));
    expect(e.message).toBe(`${s.base}/huge: response is larger than the 20 MB limit (stopped reading there)`);
    expect(sent).toBeLessThan(50);
    const a = await failure(f.fetchPage(`${s.base}/announced`));
    expect(a.message).toBe(`${s.base}/announced: response is larger than the 20 MB limit (the server announces 50 MB)`);
  });

  it('caps the decompressed size of a gzip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20, 0x20));
    expect(bomb.length).toBeLessThan(1 << 20); // small on the wire
    const s = await serve({ '/bomb': send(bomb, { 'content-type': 'text/html', 'content-encoding': 'gzip' }) });
    const e = await failure(
      new Fetcher({ ...FAST, ignoreRobots: true, maxBytes: 4 << 20 }).fetchPage(`${s.base}/bomb`),
    );
    expect(e.message).toBe(`${s.base}/bomb: response is larger than the 4 MB limit (stopped reading there)`);
  });

  it('refuses schemes other than http and https', async () => {
    const f = new Fetcher(FAST);
    const e = await failure(f.fetchPage('file:///etc/passwd'));
    expect([e.code, e.message]).toEqual([
      'FETCH_FAILED',
      'file:///etc/passwd: only http and https URLs can be fetched (got file)',
    ]);
    expect((await failure(f.fetchPage('ftp://example.org/plan.doc'))).message).toMatch(/only http and https/);
    expect((await failure(f.fetchPage('not a url'))).message).toBe('not a url: not a valid URL');
  });

  it('sends URL credentials as Basic auth and never echoes them', async () => {
    const s = await serve({ '/p': send('nope', {}, 403) });
    const url = `${s.base.replace('//', '//alice:s3cret@')}/p`;
    const e = await failure(new Fetcher({ ...FAST, ignoreRobots: true }).fetchPage(url));
    expect(e.message).toBe(`${s.base}/p: HTTP 403 Forbidden`);
    expect(e.message).not.toMatch(/alice|s3cret/);
    expect(s.hits[0]?.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
    const refused = await failure(new Fetcher(FAST).fetchPage('ftp://bob:hunter2@example.org/x'));
    expect(refused.message).not.toMatch(/bob|hunter2/);
  });
});
