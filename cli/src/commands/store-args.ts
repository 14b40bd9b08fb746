import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { initCorpus, type SeriesInfo } from '@plandiff/store';
import type { Argv } from 'yargs';
import { paint, useColor } from '../output.ts';

/** Adds the options shared by commands that write into a corpus (import, fetch). */
export function withWriteOptions<T>(y: Argv<T>) {
  return y
    .option('series', {
      type: 'string',
      demandOption: true,
      requiresArg: true,
      describe: 'Series to store into (a slug: lower-case letters, digits, ".", "_", "-")',
    })
    .option('edition', { type: 'string', requiresArg: true, describe: "Edition name (default: the plan's year)" })
    .option('issuer', { type: 'string', requiresArg: true, describe: 'Record the series issuer in corpus.json' })
    .option('region', { type: 'string', requiresArg: true, describe: 'Record the series region in corpus.json' })
    .option('notes', { type: 'string', requiresArg: true, describe: 'Record notes about the series in corpus.json' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Write into a git repository that is not (yet) a plandiff corpus',
    })
    .option('wait', {
      type: 'number',
      requiresArg: true,
      describe: 'Seconds to wait for another writer to finish (default: $PLANDIFF_LOCK_TIMEOUT, else 30)',
    })
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'text: lines for people; json: for scripts',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON (same as --format json)' });
}

/** Series metadata given on the command line, if any. */
export function seriesInfoFrom(args: {
  series: string;
  issuer?: string | undefined;
  region?: string | undefined;
  notes?: string | undefined;
}): Record<string, SeriesInfo> | undefined {
  const info: SeriesInfo = {};
  if (args.issuer !== undefined) info.issuer = args.issuer;
  if (args.region !== undefined) info.region = args.region;
  if (args.notes !== undefined) info.notes = args.notes;
  return Object.keys(info).length > 0 ? { [args.series]: info } : undefined;
}

/** Lock wait in ms from `--wait`, when given. */
export function lockTimeoutFrom(wait: number | undefined): { lockTimeoutMs?: number } {
  return wait === undefined || !Number.isFinite(wait) ? {} : { lockTimeoutMs: Math.max(0, wait) * 1000 };
}

/**
 * Creates the corpus when its directory does not exist yet (or is empty, or holds only what another
 * plandiff creating it at this moment has made), saying so on stderr. Creation takes the corpus lock,
 * so many processes creating one corpus at once all succeed or wait (`--wait`).
 */
export async function ensureCorpus(dir: string, lock: { lockTimeoutMs?: number } = {}): Promise<void> {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new PlandiffError('STORE_NOT_CORPUS', `${dir}: is a file, not a corpus directory`);
  // Another plandiff creating this corpus writes its files before its first commit: wait for it in initCorpus.
  const creating = existsSync(join(dir, '.plandiff')) && !hasCommit(dir);
  if (!creating && existsSync(dir) && readdirSync(dir).some((n) => n !== '.plandiff' && n !== '.git')) return;
  if (existsSync(join(dir, '.git')) && existsSync(join(dir, '.git', 'refs', 'heads')) && hasCommit(dir)) return;
  const result = await initCorpus(dir, lock);
  if (result.created) process.stderr.write(`plandiff: created a new corpus in ${result.dir}\n`);
}

function hasCommit(dir: string): boolean {
  try {
    return readdirSync(join(dir, '.git', 'refs', 'heads')).length > 0 || existsSync(join(dir, '.git', 'packed-refs'));
  } catch {
    return false;
  }
}

/** One result line: `added    gwr@2012  2012.txt  sha256 1a2b3c4d…`. */
export function formatOutcome(status: string, ref: string, label: string, sha256?: string): string {
  const color = useColor();
  const styles: Record<string, Parameters<typeof paint>[0]> = {
    added: 'green',
    updated: 'yellow',
    unchanged: 'dim',
    failed: 'red',
  };
  const tag = paint(styles[status] ?? 'reset', status.padEnd(9), color);
  return `${tag} ${ref.padEnd(20)} ${label}${sha256 ? `  sha256 ${sha256.slice(0, 12)}` : ''}`;
}

/** Warnings and errors only: infos would drown the result lines of a many-file import. */
export function importantDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity !== 'info');
}
