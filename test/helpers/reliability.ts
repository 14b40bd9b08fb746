import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBin, ROOT } from './run-cli.ts';
import { runMain } from './run-main.ts';

/** Heap limit given to every CLI child (MB): a run that needs more dies, and its test fails. */
export const HEAP_LIMIT_MB = 1024;

/** Wall-clock limit for one CLI run in the reliability suites (generous: the machine is shared). */
export const TIME_LIMIT_MS = 30_000;

/** One CLI run with its cost. */
export interface MeasuredRun {
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the child, ms. */
  ms: number;
  /** Peak resident memory of the child in KB, when /usr/bin/time is there to measure it. */
  maxRssKb?: number;
}

/** Options of runCliMeasured. */
export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Killed with SIGKILL after this many ms (default: twice TIME_LIMIT_MS). */
  timeoutMs?: number;
  /** Run without /usr/bin/time (e.g. when PATH is stripped). */
  plain?: boolean;
}

const GNU_TIME = '/usr/bin/time';

/** Makes a fresh temporary directory (removed by the caller with `rmSync(dir, {recursive: true})`). */
export function tempDir(prefix = 'plandiff-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A CLI child still running: the process, its output so far, and its result when it ends. */
export interface CliChild {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  done: Promise<MeasuredRun>;
}

/**
 * Starts `plandiff …` as a real child process, asynchronously (so an HTTP server in the test process
 * keeps answering), with the V8 heap capped at HEAP_LIMIT_MB and its time and peak memory measured.
 */
export function spawnCli(args: string[], options: RunOptions = {}): CliChild {
  const bin = cliBin();
  const measure = !options.plain && existsSync(GNU_TIME);
  const rssDir = measure ? tempDir('plandiff-rss-') : undefined;
  const rssFile = rssDir ? join(rssDir, 'rss') : undefined;
  const [command, argv] = rssFile
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, bin, ...args]]
    : [process.execPath, [bin, ...args]];
  const env = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MB}`,
    ...options.env,
  };
  const started = performance.now();
  // Its own process group, so a kill reaches the CLI behind /usr/bin/time too.
  const child = spawn(command, argv as string[], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => err.push(b));
  const done = new Promise<MeasuredRun>((resolve, reject) => {
    const timer = setTimeout(() => killGroup(child), options.timeoutMs ?? TIME_LIMIT_MS * 2);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const run: MeasuredRun = {
        code: code ?? -1,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
      };
      if (rssFile && existsSync(rssFile)) {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb) && kb > 0) run.maxRssKb = kb;
      }
      if (rssDir) rmSync(rssDir, { recursive: true, force: true });
      resolve(run);
    });
  });
  return { child, stderr: () => Buffer.concat(err).toString('utf8'), done };
}

/** SIGKILLs a CLI child and everything in its process group (the CLI itself when wrapped in /usr/bin/time). */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Runs `plandiff …` to completion (see spawnCli). */
export function runCliMeasured(args: string[], options: RunOptions = {}): Promise<MeasuredRun> {
  return spawnCli(args, options).done;
}

/**
 * Runs `plandiff …` in this process through `main(argv, io)` (no start-up per case), timed; a run
 * never has a signal here. Cases that need a heap cap, a kill or their own environment use spawnCli.
 */
export async function runMainMeasured(
  args: string[],
  options: Pick<RunOptions, 'cwd' | 'env'> = {},
): Promise<MeasuredRun> {
  const started = performance.now();
  const run = await runMain(args, options);
  return { ...run, signal: null, ms: performance.now() - started };
}

/** Lines of stderr that look like a JavaScript stack frame (`    at fn (file:1:2)`). */
export function stackLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\s+at\s/.test(line) || /^\s*at .*:\d+:\d+\)?$/.test(line));
}

/** Notices plandiff prints besides its result that are not errors. */
const NOTICES = [/^plandiff: created a new corpus in /, /^plandiff: paused at /];

/** The `plandiff: …` error lines of stderr (a clear error is exactly one such line). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('plandiff: ') && !NOTICES.some((n) => n.test(line)));
}

/** One line of the figures docs/reliability.md reports (see bench/reliability-figures.ts). */
export interface Figure {
  suite: string;
  /** Inputs or attack strings tried. */
  cases?: number;
  /** Faults injected (kills, failing servers, full disks …). */
  faults?: number;
  /** Stored records read back and checked. */
  records?: number;
  /** Acknowledged writes missing afterwards (goal: 0). */
  losses?: number;
}

/** Appends a figure to $RELIABILITY_FIGURES (JSON lines) when set; a no-op in ordinary test runs. */
export function recordFigure(figure: Figure): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}
