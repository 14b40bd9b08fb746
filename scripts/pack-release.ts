/**
 * `pnpm run pack-release`: compiles the workspace with tsc into one npm package `plandiff` and writes
 * `release/plandiff-<version>.tgz`. The package keeps the checkout's layout (packages/<name>/src/*.js,
 * cli/src/*.js, seeds/, corpus/gwr/) so every `import.meta.url`-relative path (data files, package.json
 * versions, the demo's inputs) holds unchanged; `@plandiff/<name>` imports become relative paths.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RELEASE = join(ROOT, 'release');
const STAGE = join(RELEASE, 'stage');
/** Government Work Reports `plandiff demo` imports (its GWR_YEARS); only these ship. */
const DEMO_YEARS = Array.from({ length: 18 }, (_, i) => 2008 + i).filter((year) => year !== 2020);
const DEMO_SEED = 'seeds/000_4d3ac6cf14e30664.txt';
/** The library's subpath exports: `plandiff/<name>` is the workspace package `@plandiff/<name>`. */
const SUBPATHS = ['model', 'scrape', 'normalize', 'store', 'diff', 'index', 'report', 'lexicon'];

interface Manifest {
  version: string;
  homepage?: string;
  description?: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
}

const readJson = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const workspaceDirs = (): string[] => [...readdirSync(join(ROOT, 'packages')).map((name) => `packages/${name}`), 'cli'];

/** `@plandiff/x[/sub]` → the compiled file it names, relative to the stage root. */
function workspaceTargets(): Map<string, string> {
  const targets = new Map<string, string>();
  for (const name of readdirSync(join(ROOT, 'packages'))) {
    const exports = readJson(join(ROOT, 'packages', name, 'package.json')).exports ?? {};
    for (const [sub, file] of Object.entries(exports)) {
      const specifier = sub === '.' ? `@plandiff/${name}` : `@plandiff/${name}/${sub.replace(/^\.\//, '')}`;
      targets.set(specifier, join('packages', name, file.replace(/\.ts$/, '.js')));
    }
  }
  return targets;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** Rewrites workspace specifiers to relative paths, and `.ts` specifiers tsc keeps in `.d.ts` to `.js`. */
function rewriteSpecifiers(targets: Map<string, string>): void {
  for (const file of filesUnder(STAGE)) {
    if (!file.endsWith('.js') && !file.endsWith('.d.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const out = text.replace(/(['"])(@plandiff\/[\w/-]+|\.{1,2}\/[^'"\n]+?\.ts)\1/g, (_whole, quote, spec: string) => {
      if (spec.startsWith('.')) return `${quote}${spec.replace(/\.ts$/, '.js')}${quote}`;
      const target = targets.get(spec);
      if (!target) throw new Error(`${relative(STAGE, file)}: no export for ${spec}`);
      let rel = relative(dirname(file), join(STAGE, target));
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${quote}${rel}${quote}`;
    });
    if (out !== text) writeFileSync(file, out);
  }
}

/** Third-party runtime dependencies of every workspace package, merged (one range per name). */
function runtimeDependencies(): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const dir of workspaceDirs()) {
    for (const [name, range] of Object.entries(readJson(join(ROOT, dir, 'package.json')).dependencies ?? {})) {
      if (range.startsWith('workspace:') || name === 'tsx') continue;
      merged[name] ??= range;
    }
  }
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}

function exportsMap(targets: Map<string, string>): Record<string, { types: string; default: string }> {
  const entry = (js: string) => ({ types: `./${js.replace(/\.js$/, '.d.ts')}`, default: `./${js}` });
  const map: Record<string, { types: string; default: string }> = { '.': entry('cli/src/library.js') };
  for (const name of SUBPATHS) {
    const target = targets.get(`@plandiff/${name}`);
    if (target) map[`./${name}`] = entry(target);
  }
  map['./cli'] = entry('cli/src/main.js');
  return map;
}

function writeManifest(targets: Map<string, string>): string {
  const cli = readJson(join(ROOT, 'cli', 'package.json'));
  const root = readJson(join(ROOT, 'package.json')) as Manifest & { engines?: unknown };
  const manifest = {
    name: 'plandiff',
    version: cli.version,
    description: root.description,
    homepage: cli.homepage,
    type: 'module',
    engines: root.engines,
    bin: { plandiff: './cli/bin/plandiff.js' },
    types: './cli/src/library.d.ts',
    exports: { ...exportsMap(targets), './package.json': './package.json' },
    dependencies: runtimeDependencies(),
  };
  writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Each workspace folder keeps a package.json: scrape and the CLI read their version and homepage from it.
  for (const dir of workspaceDirs()) {
    const own = readJson(join(ROOT, dir, 'package.json'));
    const slim = { type: 'module', version: cli.version, ...(own.homepage ? { homepage: own.homepage } : {}) };
    writeFileSync(join(STAGE, dir, 'package.json'), `${JSON.stringify(slim, null, 2)}\n`);
  }
  return cli.version;
}

function copyAssets(): void {
  mkdirSync(join(STAGE, 'cli/bin'), { recursive: true });
  cpSync(join(ROOT, 'cli/bin/plandiff.js'), join(STAGE, 'cli/bin/plandiff.js'));
  mkdirSync(join(STAGE, 'seeds'), { recursive: true });
  cpSync(join(ROOT, DEMO_SEED), join(STAGE, DEMO_SEED));
  mkdirSync(join(STAGE, 'corpus/gwr'), { recursive: true });
  for (const year of DEMO_YEARS) cpSync(join(ROOT, `corpus/gwr/${year}.txt`), join(STAGE, `corpus/gwr/${year}.txt`));
  for (const doc of ['README.md', 'docs/api.md']) {
    mkdirSync(dirname(join(STAGE, doc)), { recursive: true });
    cpSync(join(ROOT, doc), join(STAGE, doc));
  }
}

/** Builds the stage and packs it; returns the tarball's path. */
export function packRelease(): string {
  rmSync(STAGE, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', STAGE], {
    stdio: 'inherit',
  });
  const targets = workspaceTargets();
  rewriteSpecifiers(targets);
  copyAssets();
  const version = writeManifest(targets);
  const tarball = join(RELEASE, `plandiff-${version}.tgz`);
  rmSync(tarball, { force: true });
  execFileSync('npm', ['pack', '--silent', '--pack-destination', RELEASE], {
    cwd: STAGE,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  rmSync(STAGE, { recursive: true, force: true });
  return tarball;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${relative(process.cwd(), packRelease())}\n`);
}
