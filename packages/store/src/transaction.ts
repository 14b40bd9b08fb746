import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import type { Git } from './git.ts';
import { type Journal, parseJournal, readJournalText, writeJournal } from './journal.ts';
import { pauseAt } from './pause.ts';
import { isCorpusPath } from './safe-path.ts';
import { checkBranch, checkScratch, TMP } from './scratch.ts';
import { algorithmOf } from './tree-object.ts';
import { syncWorkTree } from './work-tree.ts';
import { buildTree, writeBlobs } from './write-tree.ts';

/** The parts of a corpus a write needs. */
export interface CorpusHandle {
  dir: string;
  git: Git;
}

/** One file to write (bytes) or delete (null), by corpus-relative path with `/` separators. */
export interface FileWrite {
  path: string;
  bytes: Uint8Array | null;
}

/** What a commit did, besides making the commit. */
export interface CommitResult {
  commit?: string;
  /** Touched paths whose uncommitted changes in the work tree were left as the user had them. */
  keptLocal: string[];
}

/**
 * Writes files into the corpus as ONE commit; the caller holds the corpus lock. Everything goes
 * through git's object database — blobs (hash-object --no-filters) → trees for the touched folders
 * (built here, written with hash-object -t tree) → commit-tree → journal → update-ref (compare-and-swap on the branch: the commit point) —
 * with no index or work-tree scan. Afterwards the touched work-tree files and index entries are
 * brought in step, each only where it still held the previous commit's version, so a user's own
 * uncommitted change is never overwritten, committed or rolled back. Returns the new commit, or
 * undefined when nothing changed.
 */
export async function commitFiles(
  corpus: CorpusHandle,
  writes: FileWrite[],
  message: string,
): Promise<string | undefined> {
  return (await commitFilesDetailed(corpus, writes, message)).commit;
}

/** commitFiles, also saying which touched paths kept the user's uncommitted version. */
export async function commitFilesDetailed(
  corpus: CorpusHandle,
  writes: FileWrite[],
  message: string,
): Promise<CommitResult> {
  if (writes.length === 0) return { keptLocal: [] };
  for (const w of writes) {
    if (!isCorpusPath(w.path)) throw new PlandiffError('INTERNAL', `${w.path}: not a path plandiff writes`);
  }
  checkScratch(corpus.dir);
  const { ref, old } = checkBranch(corpus.git, corpus.dir);
  const kept = writes.filter((w) => w.bytes !== null);
  const ids = writeBlobs(
    corpus.git,
    join(corpus.dir, TMP),
    kept.map((w) => w.bytes as Uint8Array),
  );
  const changes = new Map<string, string | null>();
  for (const w of writes) changes.set(w.path, null);
  for (const [i, w] of kept.entries()) changes.set(w.path, ids[i] as string);
  // The hash algorithm (sha1 or sha256 repositories) shows in the ids git just gave.
  const algorithm = algorithmOf(old ?? ids[0] ?? '');
  const { tree, oldTree, before } = buildTree(corpus.git, join(corpus.dir, TMP), old, changes, algorithm);
  await pauseAt('after-write');
  if (tree === oldTree) return { keptLocal: [] };
  const commit = corpus.git
    .text(['commit-tree', tree, ...(old ? ['-p', old] : []), '-F', '-'], cleanMessage(message))
    .trim();
  const journal: Journal = {
    ref,
    old: old ?? null,
    commit,
    paths: [...changes].map(([path, id]) => ({ path, old: before.get(path) ?? null, new: id })),
    startedAt: new Date().toISOString(),
    pid: process.pid,
  };
  writeJournal(corpus.dir, journal);
  await pauseAt('after-rename');
  await pauseAt('before-commit');
  // The commit point: the branch moves only if nobody else moved it since we read it.
  const zero = '0'.repeat(commit.length);
  corpus.git.run(['update-ref', '-m', `plandiff: ${firstLine(message)}`, ref, commit, old ?? zero]);
  await pauseAt('after-ref');
  const graph = updateCommitGraph(corpus.git); // alongside the work-tree and index updates
  const keptLocal = syncWorkTree(corpus.dir, corpus.git, journal);
  await pauseAt('after-commit');
  rmSync(join(corpus.dir, JOURNAL_FILE), { force: true });
  await graph;
  return { commit, keptLocal };
}

const JOURNAL_FILE = '.plandiff/journal.json';

/**
 * Finishes or discards what an interrupted writer left (run under the lock before every write):
 * clears temporary files and a dead writer's `.git/index.lock`; then, if a journal is left, validates
 * it (known paths only, object ids that are really in the journal's commit) and — when that commit
 * was published — brings those work-tree files in step; when it was not, nothing in the work tree was
 * touched and the journal is just dropped. A journal that fails validation is set aside, never acted
 * on. Nothing outside the journal's paths is touched; nothing is ever rolled back.
 * Returns the paths it brought in step.
 */
export async function recoverCorpus(corpus: CorpusHandle): Promise<string[]> {
  checkScratch(corpus.dir);
  const tmpDir = join(corpus.dir, TMP);
  if (existsSync(tmpDir)) for (const name of readdirSync(tmpDir)) rmSync(join(tmpDir, name), { force: true });
  await clearStaleIndexLock(corpus.dir);
  const text = readJournalText(corpus.dir);
  if (text === undefined) return [];
  const journal = parseJournal(text, corpus.git);
  if (!journal) {
    // Torn (a writer died while writing it, before publishing) or forged: never act on it.
    renameSync(join(corpus.dir, JOURNAL_FILE), join(corpus.dir, `.plandiff/journal.rejected-${Date.now()}.json`));
    return [];
  }
  let current: string | undefined;
  try {
    current = corpus.git.text(['rev-parse', '--verify', '-q', journal.ref]).trim();
  } catch {
    current = undefined;
  }
  const done = current === journal.commit ? journal.paths.map((p) => p.path) : [];
  if (done.length > 0) syncWorkTree(corpus.dir, corpus.git, journal);
  rmSync(join(corpus.dir, JOURNAL_FILE), { force: true });
  return done;
}

/** A `.git/index.lock` seen while we hold the corpus lock belongs to a dead writer's git; wait briefly, then remove it. */
async function clearStaleIndexLock(dir: string): Promise<void> {
  const lock = join(dir, '.git', 'index.lock');
  for (let i = 0; i < 40 && existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
  rmSync(lock, { force: true });
}

/**
 * Readers read committed objects only (HEAD), so there is nothing to recover for them: kept so
 * callers written for the earlier work-tree store still compile. Never writes.
 */
export async function recoverIfInterrupted(_corpus: CorpusHandle): Promise<void> {}

/**
 * Keeps the commit-graph (with changed-path Bloom filters) current, incrementally (`--split`), so
 * `log` of one edition stays fast in a long history. Best effort: a failure here loses nothing.
 */
function updateCommitGraph(git: Git): Promise<void> {
  return git
    .start(['commit-graph', 'write', '--reachable', '--changed-paths', '--split', '--no-progress'])
    .catch(() => {
      // an old git, or a read-only objects folder: log is just slower
    });
}

/** Control characters from file names or documents never reach a commit message raw. */
export function cleanMessage(message: string): string {
  return `${message
    .split('\n')
    .map((line) => escapeControls(line))
    .join('\n')
    .trimEnd()}\n`;
}

/** Replaces control, bidi-override and line-separator characters by visible `\u{…}` escapes. */
export function escapeControls(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`,
  );
}

function firstLine(message: string): string {
  return escapeControls(message.split('\n')[0] ?? '').slice(0, 200);
}
