import { type Git, rethrowOwn } from './git.ts';

/** One entry of a git tree listing. */
export interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  path: string;
}

/** Mode of a symbolic link and of a submodule in a git tree: never followed, never written through. */
export const LINK_MODES = new Set(['120000', '160000']);

/** Parses `ls-tree -z` output. */
function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', id = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, id, path: record.slice(tab + 1) });
  }
  return entries;
}

/**
 * Lists `rev` (a commit or tree): recursively under `paths` when given (`-t`: folders too), else the
 * top level only. Empty when `rev` does not exist (no commit yet).
 */
export function lsTree(git: Git, rev: string | undefined, paths?: string[], recursive = true): TreeEntry[] {
  if (!rev) return [];
  const flags = recursive ? ['-r', '-t'] : [];
  if (!paths) return parseLsTree(git.text(['ls-tree', '-z', '--full-tree', ...flags, rev]));
  const entries: TreeEntry[] = [];
  // In chunks, to stay under command-line length limits for very large imports.
  for (let i = 0; i < paths.length; i += 500) {
    const chunk = paths.slice(i, i + 500);
    entries.push(...parseLsTree(git.text(['ls-tree', '-z', '--full-tree', ...flags, rev, '--', ...chunk])));
  }
  return entries;
}

/** Blob ids of the regular files under `dirs` in HEAD (or `head`, when the caller has it), by path (empty before the first commit). */
export async function listHeadBlobs(
  git: Git,
  dirs: string[],
  head: string | undefined = headCommit(git),
): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (!head || dirs.length === 0) return blobs;
  for (const e of lsTree(git, head, dirs)) if (e.type === 'blob' && !LINK_MODES.has(e.mode)) blobs.set(e.path, e.id);
  return blobs;
}

/** HEAD's commit id, or undefined before the first commit. */
export function headCommit(git: Git): string | undefined {
  try {
    return git.text(['rev-parse', '--verify', '-q', 'HEAD^{commit}']).trim() || undefined;
  } catch (error) {
    rethrowOwn(error);
    return undefined;
  }
}

/** One object read by `readRawObjects`. */
export interface RawObject {
  id: string;
  type: string;
  bytes: Buffer;
}

/**
 * Reads many objects of any type in one `git cat-file --batch` (names like `HEAD:gwr/2012`, `abc^{tree}`
 * or ids). Missing objects map to undefined. Bytes stay exact: no filters, no textconv.
 */
export function readRawObjects(git: Git, names: string[]): (RawObject | undefined)[] {
  if (names.length === 0) return [];
  const out = git.run(['cat-file', '--batch'], `${names.join('\n')}\n`);
  const results: (RawObject | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < names.length; i++) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match) {
      results.push(undefined); // "<name> missing" or "ambiguous"
      continue;
    }
    const size = Number(match[3]);
    results.push({ id: match[1] as string, type: match[2] as string, bytes: out.subarray(at, at + size) });
    at += size + 1;
  }
  return results;
}

/**
 * Reads many blobs in one `git cat-file --batch` (names like `HEAD:gwr/2012/plan.json` or blob ids).
 * Missing objects (and objects that are not blobs) map to undefined.
 */
export function readObjects(git: Git, names: string[]): (Buffer | undefined)[] {
  return readRawObjects(git, names).map((o) => (o?.type === 'blob' ? o.bytes : undefined));
}

/** Reads a file as it is in commit `rev` (e.g. `HEAD`, `abc123^`), or undefined if absent there. */
export async function readAtRevision(git: Git, rev: string, path: string): Promise<Buffer | undefined> {
  return readObjects(git, [`${rev}:${path}`])[0];
}
