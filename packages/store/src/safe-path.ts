import { lstatSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import { isAttachmentFile } from './attachments.ts';
import { explainBadName } from './names.ts';
import { SOURCE_FILE_NAMES } from './source-files.ts';

/** Files plandiff writes at the top of a corpus. */
export const TOP_FILES = ['corpus.json', '.gitignore', '.gitattributes'] as const;
/** Files plandiff writes inside an edition folder. */
export const EDITION_FILES = [...SOURCE_FILE_NAMES, 'source.json', 'plan.json', 'plan.md', 'fetch-log.jsonl'] as const;

/**
 * True for the corpus-relative paths plandiff itself writes: a top file, or
 * `<series>/<edition>/<edition file>` with valid names. Anything else in a journal is forged.
 */
export function isCorpusPath(path: string): boolean {
  if ((TOP_FILES as readonly string[]).includes(path)) return true;
  const parts = path.split('/');
  if (parts.length !== 3) return false;
  const [series = '', edition = '', file = ''] = parts;
  return (
    explainBadName(series, 'series') === undefined &&
    explainBadName(edition, 'edition') === undefined &&
    isEditionFile(file)
  );
}

/** True for the files plandiff writes inside an edition folder (its own names and `attachment-<n>.<kind>`). */
export function isEditionFile(name: string): boolean {
  return (EDITION_FILES as readonly string[]).includes(name) || isAttachmentFile(name);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The error for a symbolic link found inside a corpus. */
export function symlinkError(path: string): PlandiffError {
  return new PlandiffError(
    'STORE_INVALID',
    `${path}: is a symbolic link; plandiff never follows links inside a corpus (remove it, or use another name)`,
  );
}

/**
 * Checks every existing component of `rel` under `dir` with lstat: none may be a symbolic link, and
 * every folder on the way must be a real folder (the last component, when it exists, a regular file
 * unless `lastIsDir`). Throws STORE_INVALID naming the offending path.
 */
export function assertNoLinks(dir: string, rel: string, lastIsDir = false): void {
  const parts = rel.split('/').filter(Boolean);
  let path = dir;
  for (const [i, part] of parts.entries()) {
    path = join(path, part);
    const stat = lstatOrUndefined(path);
    if (!stat) return;
    if (stat.isSymbolicLink()) throw symlinkError(path);
    const last = i === parts.length - 1;
    if ((!last || lastIsDir) && !stat.isDirectory())
      throw new PlandiffError('STORE_INVALID', `${path}: is not a folder`);
    if (last && !lastIsDir && !stat.isFile())
      throw new PlandiffError('STORE_INVALID', `${path}: is not a regular file`);
  }
}

/** Creates the folders of `rel` under `dir` one by one, never through a symbolic link. */
export function makeDirs(dir: string, rel: string): void {
  assertNoLinks(dir, rel, true);
  let path = dir;
  for (const part of rel.split('/').filter(Boolean)) {
    path = join(path, part);
    try {
      mkdirSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) throw symlinkError(path);
    if (!stat.isDirectory()) throw new PlandiffError('STORE_INVALID', `${path}: is not a folder`);
  }
}

/** The work-tree state of a path: absent, a regular file, or something plandiff must not touch. */
export function pathKind(path: string): 'absent' | 'file' | 'other' {
  const stat = lstatOrUndefined(path);
  if (!stat) return 'absent';
  return stat.isFile() ? 'file' : 'other';
}
