import { main } from '../../cli/src/main.ts';
import type { CliRun } from './run-cli.ts';

/** Options of runMain: like runCli's, without stdin (no in-process command reads it). */
export interface MainOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout and stderr are terminals (to test what a terminal would get). */
  tty?: boolean;
}

let cwdQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `plandiff …` in this process through `main(argv, io)`, capturing what it writes to stdout and
 * stderr (no process start-up per case). Colour is off, as for a pipe. Output is kept apart per run
 * (AsyncLocalStorage), so runs may overlap; runs with their own `cwd` take turns, as cwd is per process.
 */
export function runMain(args: string[], options: MainOptions = {}): Promise<CliRun> {
  if (options.cwd === undefined) return runOnce(args, options);
  const turn = cwdQueue.then(() => runOnce(args, options));
  cwdQueue = turn.catch(() => undefined);
  return turn;
}

async function runOnce(args: string[], options: MainOptions): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const decoder = new TextDecoder();
  const sink = (into: string[]) => ({
    write: (chunk: string | Uint8Array) => into.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk)),
    isTTY: options.tty ?? false,
    columns: 100,
  });
  const before = process.cwd();
  if (options.cwd !== undefined) process.chdir(options.cwd);
  try {
    const code = await main(args, {
      stdout: sink(out),
      stderr: sink(err),
      env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    if (options.cwd !== undefined) process.chdir(before);
    process.exitCode = undefined;
  }
}
