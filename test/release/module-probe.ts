/**
 * What one CLI run loads: runs `main(args)` of an installed package in a fresh Node with a module hook that
 * records every ES module it resolves, plus Node's require cache (CommonJS dependencies load there, even
 * when imported from ESM, without passing the hook).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs in the hooks thread: appends each resolved module's URL to $PROBE_LOG. */
const HOOKS = [
  "import { appendFileSync } from 'node:fs';",
  'export async function resolve(specifier, context, next) {',
  '  const resolved = await next(specifier, context);',
  "  appendFileSync(process.env.PROBE_LOG, resolved.url + '\\n');",
  '  return resolved;',
  '}',
].join('\n');

/** The exit code of `main(args)` and the file paths of every module the run loaded. */
export async function loadedModules(
  mainJs: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; loaded: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-probe-'));
  const script = [
    "import { register, createRequire } from 'node:module';",
    "import { appendFileSync, writeFileSync } from 'node:fs';",
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`,
    `const { main } = await import(${JSON.stringify(mainJs)});`,
    'const code = await main(process.argv.slice(1));',
    "for (const path of Object.keys(createRequire(import.meta.url).cache)) appendFileSync(process.env.PROBE_LOG, path + '\\n');",
    'writeFileSync(process.env.PROBE_CODE, String(code));',
  ].join('\n');
  try {
    const env = { ...process.env, PROBE_LOG: join(dir, 'log'), PROBE_CODE: join(dir, 'code') };
    await run(process.execPath, ['--input-type=module', '-e', script, ...args], { cwd, env, maxBuffer: 64 << 20 });
    const loaded = readFileSync(env.PROBE_LOG, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((entry) => (entry.startsWith('file:') ? fileURLToPath(entry) : entry));
    return { code: Number(readFileSync(env.PROBE_CODE, 'utf8')), loaded: [...new Set(loaded)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Third-party packages among `loaded` paths (`node_modules/<name>` or `node_modules/@scope/<name>`). */
export function packagesIn(loaded: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const path of loaded) {
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}
