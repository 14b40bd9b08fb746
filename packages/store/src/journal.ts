import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Git } from './git.ts';
import { isCorpusPath } from './safe-path.ts';
import { lsTree } from './tree.ts';

const OID = z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/);

/** What a writer records just before publishing its commit, so the next writer can finish the work tree. */
export const JournalSchema = z.object({
  ref: z.string().regex(/^refs\/heads\/[^\0\s]+$/),
  old: OID.nullable(),
  commit: OID,
  paths: z.array(z.object({ path: z.string(), old: OID.nullable(), new: OID.nullable() })),
  startedAt: z.string(),
  pid: z.number().int(),
});

/** A write's journal. */
export type Journal = z.infer<typeof JournalSchema>;

const FILE = '.plandiff/journal.json';

/** Writes the journal durably (temporary file, fsync, rename), so it is either whole or absent. */
export function writeJournal(dir: string, journal: Journal): void {
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    const bytes = Buffer.from(JSON.stringify(journal));
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dir, FILE));
}

/** The journal's text, or undefined when there is none. */
export function readJournalText(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, FILE), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Parses and validates a journal found in the corpus (untrusted: it may have been committed by
 * someone else). Valid only if every path is one plandiff writes and the recorded new blob ids are
 * exactly those in the recorded commit. Undefined when invalid.
 */
export function parseJournal(text: string, git: Git): Journal | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = JournalSchema.safeParse(data);
  if (!result.success) return undefined;
  const journal = result.data;
  if (journal.paths.length === 0 || !journal.paths.every((p) => isCorpusPath(p.path))) return undefined;
  try {
    const inCommit = new Map(
      lsTree(
        git,
        journal.commit,
        journal.paths.map((p) => p.path),
      ).map((e) => [e.path, e]),
    );
    for (const p of journal.paths) {
      const entry = inCommit.get(p.path);
      if ((entry?.id ?? null) !== p.new) return undefined;
      if (entry && (entry.mode !== '100644' || entry.type !== 'blob')) return undefined;
    }
    if (journal.old !== null) {
      const parent = git.text(['rev-parse', '-q', '--verify', `${journal.commit}^1`]).trim();
      if (parent !== journal.old) return undefined;
    }
    const before = new Map(
      lsTree(
        git,
        journal.old ?? undefined,
        journal.paths.map((p) => p.path),
      ).map((e) => [e.path, e.id]),
    );
    if (!journal.paths.every((p) => (before.get(p.path) ?? null) === p.old)) return undefined;
  } catch {
    return undefined;
  }
  return journal;
}
