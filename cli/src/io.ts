import { AsyncLocalStorage } from 'node:async_hooks';
import { sanitizeTerminal } from './sanitize.ts';

/** Where one CLI run writes and what it sees: the process's own streams, or a test's capture. */
export interface CliIo {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  /** Environment variables the CLI reads (PLANDIFF_*, NO_COLOR …); default process.env. */
  env: NodeJS.ProcessEnv;
  /** Folder relative paths resolve from; default the process's cwd. */
  cwd?: string;
}

let pipeWatched = false;

/** This process's own streams: text for a terminal is sanitised, and a closed pipe (`| head`) ends quietly. */
export function processIo(): CliIo {
  if (!pipeWatched) {
    pipeWatched = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        // The reader went away (`plandiff … | head`): nothing left to say, and no stack trace to say it with.
        if (error.code === 'EPIPE') process.exit(requestedExitCode() ?? 0);
        throw error;
      });
    }
  }
  return {
    stdout: { write: (c) => original.out(c), isTTY: process.stdout.isTTY, columns: process.stdout.columns },
    stderr: { write: (c) => original.err(c), isTTY: process.stderr.isTTY },
    env: process.env,
  };
}

/** One run's state: its io and the exit code its commands asked for. */
interface RunState {
  io: CliIo;
  exitCode?: number;
}

const runs = new AsyncLocalStorage<RunState>();
const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
let routed = false;

/**
 * Routes process.stdout/stderr writes made inside a run to that run's io. Commands (and the libraries
 * they call) write to process.stdout directly; AsyncLocalStorage keeps concurrent in-process runs apart.
 */
function routeProcessStreams(): void {
  if (routed) return;
  routed = true;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const run = runs.getStore();
    if (!run) return (original.out as (...a: unknown[]) => boolean)(chunk, ...rest);
    run.io.stdout.write(sanitizeOut(chunk, run.io.stdout));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const run = runs.getStore();
    if (!run) return (original.err as (...a: unknown[]) => boolean)(chunk, ...rest);
    run.io.stderr.write(sanitizeOut(chunk, run.io.stderr));
    return true;
  }) as typeof process.stderr.write;
}

/** Text for a terminal loses raw control characters; bytes and text for pipes/files pass unchanged. */
function sanitizeOut(chunk: string | Uint8Array, stream: { isTTY?: boolean }): string | Uint8Array {
  return typeof chunk === 'string' && stream.isTTY ? sanitizeTerminal(chunk) : chunk;
}

/** Runs `work` with `io` as the destination of every stdout/stderr write inside it. */
export function withIo<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  routeProcessStreams();
  return runs.run({ io }, work);
}

/** The io of the current run (the process's own streams outside any run). */
export function currentIo(): CliIo {
  return runs.getStore()?.io ?? { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** The environment of the current run. */
export function cliEnv(): NodeJS.ProcessEnv {
  return currentIo().env;
}

/** Sets the current run's exit code (instead of process.exitCode, which concurrent runs would share). */
export function setExitCode(code: number): void {
  const run = runs.getStore();
  if (run) run.exitCode = code;
  else process.exitCode = code;
}

/** The exit code the current run's commands asked for, if any. */
export function requestedExitCode(): number | undefined {
  const own = runs.getStore()?.exitCode;
  // process.exitCode still counts for code that sets it directly (one run at a time, then).
  return own ?? (typeof process.exitCode === 'number' ? process.exitCode : undefined);
}
