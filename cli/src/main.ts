import { isPlandiffError } from '@plandiff/model/errors';
import { loadCommands } from './commands/index.ts';
import { syncJsonFormat } from './commands/json-option.ts';
import { type CliIo, currentIo, processIo, requestedExitCode, withIo } from './io.ts';
import { VERSION } from './version.ts';

/** What --help says after the commands: exit codes and every environment variable plandiff reads. */
const EPILOGUE = [
  'Exit codes: 0 ok, 1 bad input or failed work, 2 usage, 3 fetch, 4 store, 5 corpus locked.',
  '',
  'Environment:',
  '  PLANDIFF_CORPUS         corpus folder when --corpus is not given',
  '  XDG_DATA_HOME           default corpus is $XDG_DATA_HOME/plandiff/corpus (else ~/.local/share/…)',
  '  PLANDIFF_LOCK_TIMEOUT   seconds to wait for a corpus another command holds',
  '  PLANDIFF_FETCH_TIMEOUT  seconds per HTTP request (fetch, clean URL)',
  '  PLANDIFF_FETCH_RETRIES  retries of a failed HTTP request',
  '  NO_COLOR / FORCE_COLOR  turn terminal colours off / on',
].join('\n');

/**
 * Runs the plandiff CLI on `argv` and resolves to the exit code; only the CLI prints. `io` (default: this
 * process's streams and environment) receives everything the run writes, so tests run it in-process.
 */
export async function main(argv: string[], io?: CliIo): Promise<number> {
  return withIo(io ?? processIo(), () => run(argv));
}

async function run(argv: string[]): Promise<number> {
  // `plandiff --version` answers before yargs and the commands load: start-up is its whole cost.
  if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const debug = argv.includes('--debug');
  // Loaded here, not at the top, so the fast path above pays for neither.
  const { default: yargs } = await import('yargs');
  let parser = yargs(argv)
    .scriptName('plandiff')
    .usage('plandiff <command> [options]\n\nTrack how Chinese annual work plans change from year to year.')
    .version(VERSION)
    .option('debug', { type: 'boolean', describe: 'Show stack traces for unexpected errors', global: true })
    .demandCommand(1, 'Name a command; `plandiff --help` lists them.')
    .middleware(syncJsonFormat)
    .recommendCommands()
    .strict()
    .exitProcess(false)
    .wrap(Math.min(110, currentIo().stdout.columns || 100))
    .epilogue(EPILOGUE)
    .fail((message, error, y) => {
      if (error) throw error;
      // Usage errors: show the relevant help, then a one-line reason.
      process.stderr.write(`${y.help()}\n`);
      throw Object.assign(new Error(message), { usage: true });
    });
  try {
    for (const command of await loadCommands(argv)) parser = parser.command(command);
    await parser.parseAsync();
    return requestedExitCode() ?? 0;
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
  const fsProblem = describeFsError(error);
  if (fsProblem) {
    process.stderr.write(`plandiff: ${fsProblem}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 4;
  }
  // Some libraries put their stack into the message: without --debug, show only its first line.
  process.stderr.write(`plandiff: internal error: ${debug ? message : message.split('\n')[0]}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('plandiff: run again with --debug for details, and report it if it persists.\n');
  return 70;
}

/** What the machine refused, in words: a full disk or read-only corpus is the user's to fix, not a bug. */
const FS_ERRORS: Record<string, string> = {
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files',
};

/** One line for an operating-system error while writing (the corpus, mostly), or undefined. */
function describeFsError(error: unknown): string | undefined {
  const { code, path, message } = (error ?? {}) as { code?: unknown; path?: unknown; message?: unknown };
  if (typeof code === 'string' && code in FS_ERRORS) {
    return `cannot write${typeof path === 'string' ? ` ${path}` : ''}: ${FS_ERRORS[code]}`;
  }
  // git reports the same conditions in words (simple-git passes them on as the message).
  const text = typeof message === 'string' ? message : '';
  if (/No space left on device/i.test(text)) return `git could not write the corpus: ${FS_ERRORS.ENOSPC}`;
  if (/Read-only file system/i.test(text)) return `git could not write the corpus: ${FS_ERRORS.EROFS}`;
  if (/Permission denied/i.test(text) && /^(fatal|error):/m.test(text))
    return `git could not write the corpus: ${FS_ERRORS.EACCES}`;
  return undefined;
}
