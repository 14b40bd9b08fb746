import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for tests that read shipped files. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The bin the tests spawn: the JavaScript copy vitest's globalSetup built for this run
 * ($PLANDIFF_TEST_BIN, test/helpers/global-build.ts), else the checkout's bin (through tsx).
 */
export function cliBin(): string {
  return process.env.PLANDIFF_TEST_BIN || CHECKOUT_BIN;
}

/**
 * How to run the TypeScript script `path` (relative to the repository) as its own process: its
 * JavaScript copy in this run's build when there is one (plain node), else the source through tsx.
 */
export function scriptCommand(path: string): string[] {
  const bin = process.env.PLANDIFF_TEST_BIN;
  if (bin) return [join(dirname(bin), '..', '..', path.replace(/\.ts$/, '.js'))];
  return ['--import', 'tsx', join(ROOT, path)];
}

/** The checkout's bin, as the README's `pnpm plandiff …` runs it (tsx loads the TypeScript sources). */
export const CHECKOUT_BIN = join(ROOT, 'cli', 'bin', 'plandiff.js');

/** What a CLI run produced. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `plandiff …` as a real child process (as a user would), from `cwd` (default: repo root), with
 * `cliBin()` unless `bin` names another.
 */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    input?: string;
    timeout?: number;
    bin?: string;
  } = {},
): CliRun {
  const result = spawnSync(process.execPath, [options.bin ?? cliBin(), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    maxBuffer: 256 << 20,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
