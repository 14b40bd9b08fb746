import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import type { Git } from './git.ts';
import { assertNoLinks, symlinkError } from './safe-path.ts';

/** plandiff's scratch folder (lock, journal, temporary files), never committed. */
export const SCRATCH = '.plandiff';
/** Temporary files of a write. */
export const TMP = '.plandiff/tmp';

/**
 * Refuses a corpus whose `.git` is not a real folder (a link or gitfile could send writes elsewhere)
 * or whose `.plandiff` scratch folder is a symbolic link or a file.
 */
export function checkScratch(dir: string): void {
  checkGitDir(dir);
  assertNoLinks(dir, TMP, true);
  const lock = join(dir, SCRATCH, 'lock');
  if (existsSync(lock) && lstatSync(lock).isSymbolicLink()) throw symlinkError(lock);
}

/** `.git` must be a real folder at the top of the corpus. */
export function checkGitDir(dir: string): void {
  const gitDir = join(dir, '.git');
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(gitDir);
  } catch {
    throw new PlandiffError('STORE_NOT_CORPUS', `${dir}: not a plandiff corpus (no .git folder at its top)`);
  }
  if (stat.isSymbolicLink()) throw symlinkError(gitDir);
  if (!stat.isDirectory())
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${gitDir}: is a file (a worktree or submodule link), not a repository folder; plandiff writes only into a corpus's own .git`,
    );
}

/** States in which a write must wait for the user to finish (files git leaves in `.git`). */
const BUSY = [
  ['MERGE_HEAD', 'an unfinished merge'],
  ['CHERRY_PICK_HEAD', 'an unfinished cherry-pick'],
  ['REVERT_HEAD', 'an unfinished revert'],
  ['rebase-merge', 'an unfinished rebase'],
  ['rebase-apply', 'an unfinished rebase or am'],
  ['BISECT_LOG', 'a bisect in progress'],
] as const;

/**
 * The branch a write commits to and its current commit. Refuses a detached HEAD (the editions would
 * be lost at the next checkout) and a repository in the middle of a merge, rebase or similar.
 */
export function checkBranch(git: Git, dir: string): { ref: string; old: string | undefined } {
  for (const [file, what] of BUSY) {
    if (existsSync(join(dir, '.git', file))) {
      throw new PlandiffError(
        'STORE_INVALID',
        `${dir}: the corpus is in the middle of ${what}; finish or abort it with git first (plandiff writes nothing meanwhile)`,
      );
    }
  }
  let ref: string;
  try {
    ref = git.text(['symbolic-ref', '-q', 'HEAD']).trim();
  } catch {
    ref = '';
  }
  if (!/^refs\/heads\/[^\0\s]+$/.test(ref)) {
    throw new PlandiffError(
      'STORE_INVALID',
      `${dir}: HEAD is detached (not on a branch); plandiff would commit where a checkout loses it — run \`git switch <branch>\` in the corpus first`,
    );
  }
  let old: string | undefined;
  try {
    old = git.text(['rev-parse', '--verify', '-q', `${ref}^{commit}`]).trim() || undefined;
  } catch {
    old = undefined;
  }
  return { ref, old };
}

/** A unique temporary file name in the scratch folder. */
export function tmpName(dir: string): string {
  return join(dir, TMP, `${process.pid}-${randomBytes(6).toString('hex')}`);
}
