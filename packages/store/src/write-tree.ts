import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import type { Git } from './git.ts';
import { LINK_MODES, readRawObjects, type TreeEntry } from './tree.ts';
import { type HashAlgorithm, hashTree, parseTreeObject, renderTreeObject } from './tree-object.ts';

/**
 * Writes objects straight into git's object database — `hash-object -w --no-filters`, so no
 * .gitattributes, clean filter or line-ending setting can change the stored bytes — and returns
 * their ids in order. One git process for all of them (through temporary files in `tmpDir`).
 */
export function writeBlobs(git: Git, tmpDir: string, blobs: Uint8Array[], type: 'blob' | 'tree' = 'blob'): string[] {
  if (blobs.length === 0) return [];
  mkdirSync(tmpDir, { recursive: true });
  const files = blobs.map((bytes, i) => {
    const file = join(tmpDir, `${type}-${process.pid}-${i}`);
    writeFileSync(file, bytes, { flag: 'wx' });
    return file;
  });
  try {
    const out = git.text(['hash-object', '-t', type, '-w', '--no-filters', '--stdin-paths'], `${files.join('\n')}\n`);
    return out.split('\n').filter(Boolean);
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

/** A new root tree, the base's root tree, and the base's blob id of every changed path (null: absent). */
export interface BuiltTree {
  tree: string;
  oldTree: string | undefined;
  before: Map<string, string | null>;
}

/**
 * The tree of `base` (a commit, or none for the first commit) with `changes` applied — path → blob id,
 * or null to delete. Only the folders on the way to a changed path are read (one `cat-file --batch`
 * for all of them: the top level, the series, the edition) and rewritten (their tree objects are
 * built and hashed here and written with one `hash-object -t tree`), so the cost does not grow with
 * the number of editions elsewhere in the corpus. A symbolic link, submodule or file in the way of a
 * path is refused naming it.
 */
export function buildTree(
  git: Git,
  tmpDir: string,
  base: string | undefined,
  changes: Map<string, string | null>,
  algorithm: HashAlgorithm,
): BuiltTree {
  // Folders to (re)write, deepest first: the top level ('') and every folder on the way to a change.
  const folders = new Set<string>(['']);
  for (const path of changes.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const byDepth = [...folders].sort((a, b) => depth(b) - depth(a));
  const names = byDepth.map((f) => (f === '' ? `${base}^{tree}` : `${base}:${f}`));
  const raw = base ? readRawObjects(git, names) : [];
  const entries = new Map<string, Map<string, TreeEntry>>();
  let oldTree: string | undefined;
  byDepth.forEach((folder, i) => {
    const object = raw[i];
    if (folder === '' && object) oldTree = object.id;
    const list = object?.type === 'tree' ? parseTreeObject(object.bytes, algorithm) : [];
    entries.set(folder, new Map(list.map((e) => [e.path, e])));
  });
  // Check folders on the way are folders in the base tree, not links or files.
  for (const folder of byDepth) {
    if (folder === '') continue;
    const old = entries.get(parentOf(folder))?.get(nameOf(folder));
    if (old && old.type !== 'tree') throw inTheWay(folder, old);
  }
  const before = new Map<string, string | null>();
  for (const [path, id] of changes) {
    const list = entries.get(parentOf(path)) as Map<string, TreeEntry>;
    const old = list.get(nameOf(path));
    if (old && (LINK_MODES.has(old.mode) || old.type !== 'blob')) throw inTheWay(path, old);
    before.set(path, old?.id ?? null);
    if (id === null) list.delete(nameOf(path));
    else list.set(nameOf(path), { mode: '100644', type: 'blob', id, path: nameOf(path) });
  }
  // Deepest first, each folder's object is rendered and hashed here, then its parent points at it.
  const objects: Buffer[] = [];
  const ids: string[] = [];
  let root = '';
  for (const folder of byDepth) {
    const bytes = renderTreeObject([...(entries.get(folder) as Map<string, TreeEntry>).values()]);
    const id = hashTree(bytes, algorithm);
    if (folder === '') {
      root = id;
    } else if (bytes.length === 0) {
      (entries.get(parentOf(folder)) as Map<string, TreeEntry>).delete(nameOf(folder)); // git keeps no empty folders
      continue;
    } else {
      const parent = entries.get(parentOf(folder)) as Map<string, TreeEntry>;
      parent.set(nameOf(folder), { mode: '040000', type: 'tree', id, path: nameOf(folder) });
    }
    objects.push(bytes);
    ids.push(id);
  }
  const written = writeBlobs(git, tmpDir, objects, 'tree');
  // git hashed the same bytes: a mismatch would mean our tree format is wrong, so never commit it.
  if (written.join() !== ids.join()) throw new PlandiffError('INTERNAL', "tree object ids differ from git's");
  return { tree: root, oldTree, before };
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function inTheWay(path: string, entry: TreeEntry): PlandiffError {
  const what = LINK_MODES.has(entry.mode)
    ? entry.mode === '120000'
      ? 'a symbolic link'
      : 'a submodule'
    : entry.type === 'tree'
      ? 'a folder'
      : 'a file';
  return new PlandiffError(
    'STORE_INVALID',
    `${path}: is ${what} in the corpus's last commit, where plandiff needs ${entry.type === 'tree' ? 'a file' : 'a folder'}; plandiff never writes through links`,
  );
}
