import { main } from '../../cli/src/main.ts';
import type { CliRun } from './run-cli.ts';

/**
 * Runs `plandiff …` in this process through `main(argv)`, capturing what it writes to stdout and
 * stderr (no tsx start-up per case). Colour is off, as for a pipe.
 */
export async function runMain(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const noColor = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = undefined;
    if (noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = noColor;
  }
}
