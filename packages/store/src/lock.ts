import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import { assertNoLinks, symlinkError } from './safe-path.ts';

/** Who holds a corpus lock, as written in `.plandiff/lock`. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  since: string;
  /** What the holder is doing (`import`, `rebuild`…). */
  command: string;
}

/** Options for acquiring the corpus lock. */
export interface LockOptions {
  /** How long to wait for another writer, in ms (default: $PLANDIFF_LOCK_TIMEOUT seconds, else 30 s). */
  timeoutMs?: number;
  /** What this writer is doing, recorded for others' error messages. */
  command?: string;
}

/** A held lock; call `release()` when done (also released if the process dies: it is then reclaimed). */
export interface CorpusLock {
  holder: LockHolder;
  release(): void;
}

const POLL_MS = 50;

/** Default lock wait from $PLANDIFF_LOCK_TIMEOUT (seconds), else 30 s. */
export function defaultLockTimeoutMs(): number {
  const seconds = Number(process.env.PLANDIFF_LOCK_TIMEOUT);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
}

/**
 * Takes the corpus write lock (`.plandiff/lock`, created with O_EXCL), waiting up to the timeout.
 * A lock left by a dead process on this host is reclaimed; a live holder makes us wait, then fail
 * with STORE_LOCKED naming it.
 */
export async function acquireLock(corpusDir: string, options: LockOptions = {}): Promise<CorpusLock> {
  const dir = join(corpusDir, '.plandiff');
  // Never through a link: a committed `.plandiff` symlink would put the lock (and tmp/) elsewhere.
  assertNoLinks(corpusDir, '.plandiff', true);
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  assertNoLinks(corpusDir, '.plandiff', true);
  const path = join(dir, 'lock');
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    command: options.command ?? 'write',
  };
  const deadline = Date.now() + (options.timeoutMs ?? defaultLockTimeoutMs());
  for (;;) {
    if (tryCreate(path, holder)) break;
    const current = readHolder(path);
    if (current && isDead(current)) reclaimStale(path, current);
    else if (Date.now() >= deadline) {
      throw new PlandiffError(
        'STORE_LOCKED',
        `corpus ${corpusDir} is locked by ${describeHolder(current)}; try again later`,
      );
    } else await sleep(POLL_MS);
  }
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      const current = readHolder(path);
      if (current && current.pid === holder.pid && current.since === holder.since) unlinkQuietly(path);
    },
  };
}

/** Describes a lock holder for messages: `pid 123 on host (import since …)`. */
export function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'another process';
  return `pid ${holder.pid} on ${holder.hostname} (${holder.command} since ${holder.since})`;
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Reads the lock file; undefined when absent. A half-written file is treated as a live holder. */
function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    if (lstatSync(path).isSymbolicLink()) throw symlinkError(path);
  } catch (error) {
    if (error instanceof PlandiffError) throw error;
    return undefined;
  }
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as LockHolder;
  } catch {
    // Written between O_EXCL create and write: give it a moment, unless it is old (writer died there).
    const age = ageMs(path);
    return { pid: age > 5000 ? -1 : process.pid, hostname: hostname(), since: '?', command: 'unknown' };
  }
}

/** A holder is dead when it ran on this host and its pid no longer exists. */
function isDead(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === -1) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock. Reclaimers are serialised by a second O_EXCL file so two waiters cannot both
 * see the same stale lock, one remove it and take a fresh one, and the other then delete that fresh one.
 */
function reclaimStale(path: string, stale: LockHolder): void {
  const guard = `${path}.reclaim`;
  const marker: LockHolder = { ...stale, command: 'reclaim', pid: process.pid, since: new Date().toISOString() };
  if (!tryCreate(guard, marker)) {
    if (ageMs(guard) > 10_000) unlinkQuietly(guard); // a reclaimer died mid-way
    return;
  }
  try {
    const current = readHolder(path);
    if (current && current.pid === stale.pid && current.since === stale.since) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
