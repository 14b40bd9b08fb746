import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** A request handler for one path of the test server. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 (port 0) for fetch tests, recording every request. */
export interface PageServer {
  base: string;
  hits: { path: string; at: number; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** Starts a server answering `routes` by path; anything else is 404 (robots.txt included). */
export async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  const hits: PageServer['hits'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.push({ path, at: Date.now(), headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Encodes text as GBK bytes (what many Chinese government sites still serve). */
export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Encodes text as Big5 bytes (traditional-Chinese sites). */
export function big5(text: string): Buffer {
  return iconv.encode(text, 'big5');
}

/** Sends fixed bytes with the given headers. */
export function send(body: Uint8Array | string, headers: Record<string, string> = {}, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}
