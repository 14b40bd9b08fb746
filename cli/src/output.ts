import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { cliEnv, currentIo } from './io.ts';

/** Whether stdout should get ANSI colours: a terminal, and NO_COLOR unset (FORCE_COLOR forces). */
export function useColor(stream: { isTTY?: boolean } = currentIo().stdout): boolean {
  const env = cliEnv();
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

/** Wraps text in an ANSI style when colour is on (report's, so the CLI and the text renderers paint alike). */
export { paint } from '@plandiff/report/paint';

/** Writes a command's result (text, or the bytes of a binary format) to `--out FILE` (creating folders) or to stdout. */
export function writeResult(text: string | Uint8Array, out?: string): void {
  if (out) {
    try {
      makeDirs(dirname(out));
      writeFileSync(out, text);
    } catch (error) {
      // A full disk or an unwritable/blocked folder is the user's to fix: one line, not an internal error.
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new PlandiffError('OUTPUT_FAILED', `${out}: cannot write the output (${explainWriteError(reason)})`);
    }
  } else {
    if (typeof text !== 'string') process.stdout.write(text);
    else process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }
}

/**
 * `mkdir -p` one level at a time: Node's `mkdirSync(…, {recursive: true})` spins forever on some
 * pseudo file systems (e.g. under /proc, where mkdir answers ENOENT), so plandiff never calls it here.
 */
function makeDirs(dir: string): void {
  if (existsSync(dir) || dirname(dir) === dir) return;
  makeDirs(dirname(dir));
  mkdirSync(dir);
}

/** Plain words for the errno codes writing a file can meet. */
function explainWriteError(code: string): string {
  const words: Record<string, string> = {
    EEXIST: 'a file is in the way of a folder on that path',
    ENOTDIR: 'a file is in the way of a folder on that path',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENOENT: 'the folder cannot be created there',
    EDQUOT: 'disk quota exceeded',
    EISDIR: 'it is a directory',
    EFBIG: 'file too large',
  };
  return words[code] ?? code;
}

/** Prints diagnostics to stderr as `file:line: severity reason [ruleId]`. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], file: string, quiet = false): void {
  for (const d of diagnostics) {
    if (quiet && d.severity === 'info') continue;
    const where = d.place ? `${file}:${d.place.line}${d.place.column ? `:${d.place.column}` : ''}` : file;
    process.stderr.write(`${where}: ${d.severity} ${d.reason} [${d.ruleId}]\n`);
  }
}
