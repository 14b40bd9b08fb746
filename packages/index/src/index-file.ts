import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';

/** Where a corpus keeps its search index: inside `.git`, so it is never in the work tree nor committed. */
export function indexPath(corpusDir: string): string {
  return join(corpusDir, '.git', 'plandiff', 'index.sqlite');
}

/** Files SQLite may create next to the index; none of them may be a symlink either. */
const SIDE_FILES = ['', '-journal', '-wal', '-shm'];

/**
 * Checks the index location before anything opens it: `.git` and `.git/plandiff` must be real folders,
 * the index and SQLite's side files real files (or absent). A corpus is untrusted input: a symlink there
 * could make plandiff write over a file elsewhere. Creates `.git/plandiff` when `create` is set.
 */
export function checkIndexLocation(corpusDir: string, create: boolean): string {
  const gitDir = join(corpusDir, '.git');
  const folder = join(gitDir, 'plandiff');
  const path = indexPath(corpusDir);
  const git = lstatSync(gitDir, { throwIfNoEntry: false });
  if (!git?.isDirectory()) {
    throw new PlandiffError(
      'STORE_INVALID',
      `${gitDir}: ${git?.isSymbolicLink() ? 'is a symlink' : 'is not a folder'}; plandiff keeps the search index only in a corpus's own .git folder`,
    );
  }
  const dir = lstatSync(folder, { throwIfNoEntry: false });
  if (dir && !dir.isDirectory())
    throw new PlandiffError(
      'STORE_INVALID',
      `${folder}: is ${dir.isSymbolicLink() ? 'a symlink' : 'not a folder'}; refusing to use it for the search index`,
    );
  for (const suffix of SIDE_FILES) {
    const file = lstatSync(path + suffix, { throwIfNoEntry: false });
    if (file && !file.isFile())
      throw new PlandiffError(
        'STORE_INVALID',
        `${path + suffix}: is ${file.isSymbolicLink() ? 'a symlink' : 'not a regular file'}; refusing to use it as the search index`,
      );
  }
  if (create && !existsSync(folder)) mkdirSync(folder);
  return path;
}
