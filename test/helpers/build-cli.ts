/**
 * A JavaScript copy of the checkout for the tests that spawn the bin: every `.ts` file of packages/*\/src
 * and cli/src transpiled by esbuild (types stripped, `./x.ts` imports rewritten to `./x.js`) into `out`,
 * in the checkout's layout, so `cli/bin/plandiff.js` finds `../src/main.js` and runs it without tsx. A
 * spawn then costs a Node start-up instead of Node + tsx's loader (0.2–1 s each, more under load).
 *
 * It is no type check (that is `pnpm typecheck`) and no release build (that is `pnpm run pack-release`,
 * tested in test/release): the same sources, transpiled by the same esbuild tsx uses at run time.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './run-cli.ts';

/** Test helpers run as their own processes (faults-concurrency's writers), transpiled with the code. */
const TEST_SCRIPTS = ['test/helpers/concurrent-writer.ts', 'test/helpers/bad-inputs.ts', 'test/helpers/run-cli.ts'];

/** The workspace folders the bin runs: packages/<name> and cli. */
function workspaceDirs(): string[] {
  return [...readdirSync(join(ROOT, 'packages')).map((name) => `packages/${name}`), 'cli'];
}

/** Transpiles `files` (absolute) into `out`, keeping their paths under ROOT. */
function transpile(files: string[], out: string): void {
  const result = buildSync({
    entryPoints: files,
    outdir: out,
    outbase: ROOT,
    absWorkingDir: ROOT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    bundle: false,
    write: false,
    logLevel: 'error',
  });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    // Relative `.ts` specifiers (static and dynamic imports) name the transpiled `.js` beside them.
    writeFileSync(file.path, file.text.replace(/(['"])(\.{1,2}\/[^'"\n]+?)\.ts\1/g, '$1$2.js$1'));
  }
}

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) yield path;
  }
}

/** Builds the JavaScript copy into `out` (an empty directory); returns the path of its bin. */
export function buildCli(out: string): string {
  // Dependencies resolve through the checkout's pnpm store: node_modules links are relative
  // (../../node_modules/.pnpm/…, ../../packages/x), so copied links land in `out` or its node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  for (const dir of workspaceDirs()) {
    mkdirSync(join(out, dir), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
      exports?: Record<string, string>;
    };
    for (const [sub, file] of Object.entries(manifest.exports ?? {}))
      manifest.exports![sub] = file.replace(/\.ts$/, '.js');
    writeFileSync(join(out, dir, 'package.json'), JSON.stringify(manifest));
    try {
      cpSync(join(ROOT, dir, 'node_modules'), join(out, dir, 'node_modules'), {
        recursive: true,
        verbatimSymlinks: true,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  transpile(
    [
      ...workspaceDirs().flatMap((dir) => [...tsFiles(join(ROOT, dir, 'src'))]),
      ...TEST_SCRIPTS.map((f) => join(ROOT, f)),
    ],
    out,
  );
  cpSync(join(ROOT, 'cli/bin'), join(out, 'cli/bin'), { recursive: true });
  // `plandiff demo` reads its inputs relative to the code (cli/src/commands/demo.ts).
  for (const data of ['seeds', 'corpus']) symlinkSync(join(ROOT, data), join(out, data));
  return join(out, 'cli', 'bin', 'plandiff.js');
}
