/**
 * An npm registry on 127.0.0.1 serving the packages of the workspace's pnpm store (node_modules/.pnpm), so
 * that installing the release tarball with plain npm needs no network: the same versions pnpm resolved,
 * packed from the installed copies. Native add-ons keep the binary pnpm built (better-sqlite3's
 * build/Release/*.node), so an install with `--ignore-scripts` runs without compiling anything.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A running local registry. */
export interface LocalRegistry {
  /** Registry URL to give npm (`--registry`), with a trailing slash. */
  url: string;
  /** Package names npm asked for that the store does not hold (other platforms' optional binaries). */
  missing: Set<string>;
  close(): Promise<void>;
}

/** Manifest fields npm reads when it resolves and installs a version. */
const MANIFEST_FIELDS = [
  'name',
  'version',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bin',
  'directories',
  'engines',
  'os',
  'cpu',
  'libc',
  'type',
];
/** Build by-products that an installed package does not need (object files of a native add-on). */
const TAR_EXCLUDES = ['./node_modules', 'obj.target', 'obj', '.deps', '*.a', '*.mk', 'Makefile'];

/** name → version → installed folder, from every `node_modules/.pnpm/<id>/node_modules/<name>` real folder. */
function storePackages(root: string): Map<string, Map<string, string>> {
  const store = join(root, 'node_modules', '.pnpm');
  const found = new Map<string, Map<string, string>>();
  const add = (dir: string) => {
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) return;
    const { name, version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; version?: string };
    if (!name || !version) return;
    const versions = found.get(name) ?? new Map<string, string>();
    versions.set(version, dir);
    found.set(name, versions);
  };
  for (const id of readdirSync(store)) {
    const modules = join(store, id, 'node_modules');
    if (!existsSync(modules)) continue;
    // Dependencies are symlinks next to the package; the package itself is the one real folder.
    for (const entry of readdirSync(modules)) {
      const path = join(modules, entry);
      if (lstatSync(path).isSymbolicLink()) continue;
      if (!entry.startsWith('@')) add(path);
      else
        for (const scoped of readdirSync(path)) {
          if (!lstatSync(join(path, scoped)).isSymbolicLink()) add(join(path, scoped));
        }
    }
  }
  return found;
}

/** The folder as an npm tarball (`package/…`), gzipped; pnpm hard-links equal files, and npm skips hard links. */
function packFolder(dir: string): Buffer {
  const excludes = TAR_EXCLUDES.map((pattern) => `--exclude=${pattern}`);
  return execFileSync(
    'tar',
    ['czf', '-', '--hard-dereference', ...excludes, '--transform', 's,^\\.,package,', '-C', dir, '.'],
    {
      maxBuffer: 512 << 20,
    },
  );
}

/** Starts the registry over the store under `root` (a checkout with `node_modules/.pnpm`). */
export async function startLocalRegistry(root: string): Promise<LocalRegistry> {
  const packages = storePackages(root);
  const tarballs = new Map<string, Buffer>();
  const missing = new Set<string>();
  let base = '';

  const tarballName = (name: string, version: string) => `${name.replace('/', '%2f')}-${version}.tgz`;
  const tarball = (name: string, version: string, dir: string): Buffer => {
    const key = tarballName(name, version);
    let data = tarballs.get(key);
    if (!data) {
      data = packFolder(dir);
      tarballs.set(key, data);
    }
    return data;
  };
  const packument = (name: string, versions: Map<string, string>) => {
    const out: Record<string, unknown> = {};
    for (const [version, dir] of versions) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      const data = tarball(name, version, dir);
      const picked = Object.fromEntries(MANIFEST_FIELDS.filter((f) => f in manifest).map((f) => [f, manifest[f]]));
      out[version] = {
        ...picked,
        dist: {
          tarball: `${base}-/${tarballName(name, version)}`,
          integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
          shasum: createHash('sha1').update(data).digest('hex'),
        },
      };
    }
    const latest = [...versions.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1);
    return { name, 'dist-tags': { latest }, versions: out };
  };

  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').slice(1);
    try {
      if (path.startsWith('-/')) {
        const data = tarballs.get(path.slice(2).replace('/', '%2f'));
        if (!data) throw new Error(`no tarball ${path}`);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
        res.end(data);
        return;
      }
      const versions = packages.get(path);
      if (!versions) {
        missing.add(path);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not found"}');
        return;
      }
      const body = JSON.stringify(packument(path, versions));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    missing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * npm's arguments for installing `tarball` into `prefix` from `registry` only: a fresh cache, no
 * install scripts (native add-ons come built), no audit, fund or update check (each would go online).
 */
export function npmInstallArgs(tarball: string, prefix: string, registry: LocalRegistry, cache: string): string[] {
  return [
    'install',
    '-g',
    '--prefix',
    prefix,
    '--registry',
    registry.url,
    '--cache',
    cache,
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--no-update-notifier',
    tarball,
  ];
}
