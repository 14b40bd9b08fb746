import { closeSync, constants, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Git } from './git.ts';
import { SCRATCH, tmpName } from './scratch.ts';

/**
 * What plandiff knows about `.git/index` right after its own last write to it: the file's identity
 * (inode, size, nanosecond times) and the paths whose index entry differed from HEAD (the user's
 * staged work). While the file is unchanged, that knowledge still holds, so the next import needs no
 * read of the whole index to learn which touched paths are staged — at 135,000 editions every git
 * command that reads the index parses 540,000 entries.
 */
const StampSchema = z.object({ head: z.string(), stat: z.string(), staged: z.record(z.string(), z.string()) });

type Stamp = z.infer<typeof StampSchema>;

const FILE = `${SCRATCH}/index-stamp.json`;
/** Beyond this many staged paths the stamp is not kept (it would cost more than the read it saves). */
const MAX_STAGED = 10_000;

/** The identity of `.git/index`: changes whenever anything (plandiff, the user's git) rewrites it. */
export function indexStat(dir: string): string | undefined {
  try {
    const s = statSync(join(dir, '.git', 'index'), { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return undefined;
  }
}

function readStamp(dir: string): Stamp | undefined {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a link planted at this name (a clone can carry one) is never followed out of the corpus.
    fd = openSync(join(dir, FILE), constants.O_RDONLY | constants.O_NOFOLLOW);
    const parsed = StampSchema.safeParse(JSON.parse(readFileSync(fd, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Paths whose index entry differs from a commit → the index's blob id (`none`: removed, `conflict`: unmerged). */
export type Staged = Map<string, string>;

/**
 * The paths whose index entry differs from commit `head` (staged by the user, unmerged, or left by an
 * interrupted writer), with what the index holds, or undefined when that cannot be told without git
 * (no commit yet). Taken from the stamp while the index is exactly as plandiff left it, else from one
 * `git diff-index --cached`.
 */
export function stagedPaths(dir: string, git: Git, head: string | null): Staged | undefined {
  if (head === null) return undefined;
  const stat = indexStat(dir);
  const stamp = readStamp(dir);
  if (stamp && stat !== undefined && stamp.stat === stat && stamp.head === head)
    return new Map(Object.entries(stamp.staged));
  if (stat === undefined) return undefined;
  const out = git.text(['diff-index', '--cached', '--no-renames', '--raw', '-z', head, '--']).split('\0');
  const staged: Staged = new Map();
  // -z records: ":<mode> <mode> <commit's id> <index's id> <status>" then the path.
  for (let i = 0; i + 1 < out.length; i += 2) {
    const [, , , id = '', status = ''] = (out[i] ?? '').split(' ');
    const path = out[i + 1] ?? '';
    staged.set(path, status.startsWith('U') ? 'conflict' : /^0+$/.test(id) ? 'none' : id);
  }
  return staged;
}

/**
 * Records the index as plandiff just left it (after its update-index, `head` now being the branch's
 * commit). `valid` is false when the index changed between plandiff's check and its update (someone
 * else wrote it meanwhile): then the stamp is dropped and the next import asks git again.
 */
export function writeStamp(dir: string, head: string, staged: Staged, valid: boolean): void {
  const file = join(dir, FILE);
  const stat = indexStat(dir);
  try {
    if (!valid || stat === undefined || staged.size > MAX_STAGED) {
      rmSync(file, { force: true }); // removes a planted link itself, never what it points to
      return;
    }
    const tmp = tmpName(dir);
    writeFileSync(tmp, JSON.stringify({ head, stat, staged: Object.fromEntries(staged) }), { flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    // best effort: without a stamp the next import reads the index once more
  }
}
