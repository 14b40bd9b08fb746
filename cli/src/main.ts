import { isPlandiffError } from '@plandiff/model';
import yargs from 'yargs';
import { commands } from './commands/index.ts';
import { VERSION } from './version.ts';

/** Runs the plandiff CLI on `argv` and resolves to the process exit code; only the CLI prints. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let parser = yargs(argv)
    .scriptName('plandiff')
    .usage('plandiff <command> [options]\n\nTrack how Chinese annual work plans change from year to year.')
    .version(VERSION)
    .option('debug', { type: 'boolean', describe: 'Show stack traces for unexpected errors', global: true })
    .demandCommand(1, 'Name a command; `plandiff --help` lists them.')
    .recommendCommands()
    .strict()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit codes: 0 ok, 1 bad input or failed work, 2 usage, 3 fetch, 4 store, 5 corpus locked.')
    .fail((message, error, y) => {
      if (error) throw error;
      // Usage errors: show the relevant help, then a one-line reason.
      process.stderr.write(`${y.help()}\n`);
      throw Object.assign(new Error(message), { usage: true });
    });
  for (const command of commands) parser = parser.command(command);
  try {
    await parser.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (isPlandiffError(error)) {
    process.stderr.write(`plandiff: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof Error && (error as { usage?: boolean }).usage) {
    process.stderr.write(`plandiff: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/\bspawn git ENOENT\b/.test(message)) {
    process.stderr.write('plandiff: git was not found on PATH; the corpus is a git repository, so install git first\n');
    return 4;
  }
  // Some libraries put their stack into the message: without --debug, show only its first line.
  process.stderr.write(`plandiff: internal error: ${debug ? message : message.split('\n')[0]}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('plandiff: run again with --debug for details, and report it if it persists.\n');
  return 70;
}
