import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { acquireLock } from './lock.ts';
import { pauseAt } from './pause.ts';

/** The parts of a corpus a write needs. */
export interface CorpusHandle {
  dir: string;
  git: SimpleGit;
}

/** One file to write (bytes) or delete (null), by corpus-relative path with `/` separators. */
export interface FileWrite {
  path: string;
  bytes: Uint8Array | null;
}

/** What an interrupted write left behind: the paths it was changing. */
interface Journal {
  paths: string[];
  startedAt: string;
  pid: number;
}

const JOURNAL = '.plandiff/journal.json';
const TMP = '.plandiff/tmp';

/**
 * Writes files into the corpus and commits them as ONE commit; the caller holds the corpus lock.
 * Order: temporary files (fsynced) → journal naming the paths → rename into place → `git add` →
 * `git commit -- <paths>` (only these paths, whatever else is staged) → drop the journal.
 * If the process dies anywhere, `recoverCorpus` restores those paths to the last commit.
 * Returns the new commit, or undefined when nothing changed.
 */
export async function commitFiles(
  corpus: CorpusHandle,
  writes: FileWrite[],
  message: string,
): Promise<string | undefined> {
  if (writes.length === 0) return undefined;
  const tmpDir = join(corpus.dir, TMP);
  mkdirSync(tmpDir, { recursive: true });
  const staged: { tmp: string; target: string; bytes: Uint8Array }[] = [];
  for (const write of writes) {
    if (write.bytes === null) continue;
    const tmp = join(tmpDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
    staged.push({ tmp, target: join(corpus.dir, write.path), bytes: write.bytes });
  }
  // Concurrent fsyncs share the filesystem's journal commits: far cheaper than one after another.
  await forEachLimit(staged, 16, ({ tmp, bytes }) => writeDurablyAsync(tmp, bytes));
  await pauseAt('after-write');
  const paths = writes.map((w) => w.path);
  writeDurably(
    join(corpus.dir, JOURNAL),
    Buffer.from(JSON.stringify({ paths, startedAt: new Date().toISOString(), pid: process.pid } satisfies Journal)),
  );
  for (const { tmp, target } of staged) {
    mkdirSync(dirname(target), { recursive: true });
    renameSync(tmp, target);
  }
  for (const write of writes) if (write.bytes === null) rmSync(join(corpus.dir, write.path), { force: true });
  await fsyncDirs(
    corpus.dir,
    staged.map((s) => dirname(s.target)),
  );
  await pauseAt('after-rename');
  let commit: string | undefined;
  await withPathspec(corpus, paths, async (pathspec) => {
    await corpus.git.raw(['add', '-A', ...pathspec]);
    const ours = new Set(paths);
    const staged = await corpus.git
      .raw(['diff', '--cached', '--name-only', '--no-renames', '-z', 'HEAD'])
      .catch(() => undefined);
    // No HEAD yet (first commit) counts as changed; otherwise only our own paths matter.
    const changed = staged === undefined || staged.split('\0').some((p) => ours.has(p));
    await pauseAt('before-commit');
    if (changed) {
      // The pathspec makes git commit exactly these paths, whatever else a user has staged.
      await corpus.git.raw(['commit', '-q', '--no-verify', '-m', message, ...pathspec]);
      commit = (await corpus.git.raw(['rev-parse', 'HEAD'])).trim();
    }
  });
  await pauseAt('after-commit');
  rmSync(join(corpus.dir, JOURNAL), { force: true });
  return commit;
}

/**
 * Undoes what an interrupted writer left (run under the lock before every write): clears temporary
 * files, removes a stale `.git/index.lock`, and restores every path named in a leftover journal to
 * its state in the last commit (deleting it if the last commit lacks it). Paths outside the journal
 * are never touched, so a user's own uncommitted edits survive.
 * Returns the paths it restored.
 */
export async function recoverCorpus(corpus: CorpusHandle): Promise<string[]> {
  const tmpDir = join(corpus.dir, TMP);
  if (existsSync(tmpDir)) for (const name of readdirSync(tmpDir)) rmSync(join(tmpDir, name), { force: true });
  await clearStaleIndexLock(corpus.dir);
  const journalPath = join(corpus.dir, JOURNAL);
  if (!existsSync(journalPath)) return [];
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  } catch {
    // The journal is written before any rename; a torn journal means nothing was moved yet.
    unlinkSync(journalPath);
    return [];
  }
  const paths = journal.paths;
  const inHead = new Set(
    (await corpus.git.raw(['ls-tree', '-r', '-z', '--name-only', 'HEAD']).catch(() => '')).split('\0').filter(Boolean),
  );
  await withPathspec(corpus, paths, (pathspec) =>
    corpus.git
      .raw(['reset', '-q', 'HEAD', ...pathspec])
      .catch(() => corpus.git.raw(['rm', '-q', '--cached', '--ignore-unmatch', '-r', ...pathspec])),
  );
  const tracked = paths.filter((p) => inHead.has(p));
  if (tracked.length > 0) {
    await withPathspec(corpus, tracked, (pathspec) => corpus.git.raw(['checkout', '-q', 'HEAD', ...pathspec]));
  }
  for (const p of paths) if (!inHead.has(p)) rmSync(join(corpus.dir, p), { force: true });
  unlinkSync(journalPath);
  return paths;
}

/** A `.git/index.lock` seen while we hold the corpus lock belongs to a dead writer's git; wait briefly, then remove it. */
async function clearStaleIndexLock(dir: string): Promise<void> {
  const lock = join(dir, '.git', 'index.lock');
  for (let i = 0; i < 40 && existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
  rmSync(lock, { force: true });
}

/**
 * Passes paths to git through a NUL-separated pathspec file instead of the command line, so a
 * rebuild of thousands of editions stays under every platform's argument-length limit.
 */
async function withPathspec<T>(
  corpus: CorpusHandle,
  paths: string[],
  run: (pathspec: string[]) => Promise<T>,
): Promise<T> {
  const dir = join(corpus.dir, TMP);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pathspec-${process.pid}-${randomBytes(6).toString('hex')}`);
  writeFileSync(file, paths.join('\0'));
  try {
    return await run([`--pathspec-from-file=${file}`, '--pathspec-file-nul']);
  } finally {
    rmSync(file, { force: true });
  }
}

async function writeDurablyAsync(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function forEachLimit<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Persists renames (directory entries) where the platform allows it. */
async function fsyncDirs(root: string, dirs: string[]): Promise<void> {
  if (process.platform === 'win32') return;
  await forEachLimit([...new Set([root, ...dirs])], 16, async (dir) => {
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // best effort: some filesystems refuse fsync on directories
    }
  });
}

/**
 * For readers: if a writer died mid-write (journal present, its lock reclaimable), restore the
 * corpus before reading so nobody sees half an import. Does nothing while a live writer works.
 */
export async function recoverIfInterrupted(corpus: CorpusHandle): Promise<void> {
  if (!existsSync(join(corpus.dir, JOURNAL))) return;
  let lock: { release(): void };
  try {
    lock = await acquireLock(corpus.dir, { timeoutMs: 0, command: 'recover' });
  } catch {
    return; // a live writer holds the lock: its journal is work in progress
  }
  try {
    await recoverCorpus(corpus);
  } finally {
    lock.release();
  }
}
