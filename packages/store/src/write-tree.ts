import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import type { Git } from './git.ts';
import { LINK_MODES, lsTree, type TreeEntry } from './tree.ts';

/**
 * Writes blobs straight into git's object database — `hash-object -w --no-filters`, so no
 * .gitattributes, clean filter or line-ending setting can change the stored bytes — and returns
 * their ids in order. One git process for all of them (through temporary files in `tmpDir`).
 */
export function writeBlobs(git: Git, tmpDir: string, blobs: Uint8Array[]): string[] {
  if (blobs.length === 0) return [];
  mkdirSync(tmpDir, { recursive: true });
  const files = blobs.map((bytes, i) => {
    const file = join(tmpDir, `blob-${process.pid}-${i}`);
    writeFileSync(file, bytes, { flag: 'wx' });
    return file;
  });
  try {
    const out = git.text(['hash-object', '-w', '--no-filters', '--stdin-paths'], `${files.join('\n')}\n`);
    return out.split('\n').filter(Boolean);
  } finally {
    for (const file of files) rmSync(file, { force: true });
  }
}

/**
 * The tree of `base` (a commit, or none for the first commit) with `changes` applied — path → blob id,
 * or null to delete — built with `mktree` for the touched folders only, so its cost does not grow
 * with the number of editions elsewhere in the corpus. A symbolic link, submodule or file in the way
 * of a path is refused naming it.
 */
export function buildTree(git: Git, base: string | undefined, changes: Map<string, string | null>): string {
  // Everything under the touched top-level folders, plus the top level itself.
  const tops = [...new Set([...changes.keys()].filter((p) => p.includes('/')).map((p) => p.split('/')[0] as string))];
  const known = new Map<string, TreeEntry[]>(); // folder ('' = top) → entries
  const add = (folder: string, entry: TreeEntry) => {
    const list = known.get(folder) ?? [];
    list.push(entry);
    known.set(folder, list);
  };
  for (const e of lsTree(git, base, undefined, false)) add('', e);
  for (const e of lsTree(git, base, tops)) {
    if (!e.path.includes('/')) continue; // the top-level entries came above
    const cut = e.path.lastIndexOf('/');
    add(e.path.slice(0, cut), { ...e, path: e.path.slice(cut + 1) });
  }
  // Folders to (re)write, deepest first, each with its entries after the changes.
  const folders = new Set<string>(['']);
  for (const path of changes.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const byDepth = [...folders].sort((a, b) => depth(b) - depth(a));
  const entries = new Map<string, Map<string, TreeEntry>>();
  for (const folder of byDepth) entries.set(folder, new Map((known.get(folder) ?? []).map((e) => [e.path, e])));
  for (const [path, id] of changes) {
    const cut = path.lastIndexOf('/');
    const folder = cut < 0 ? '' : path.slice(0, cut);
    const name = path.slice(cut + 1);
    const list = entries.get(folder) as Map<string, TreeEntry>;
    const old = list.get(name);
    if (old && (LINK_MODES.has(old.mode) || old.type !== 'blob')) throw inTheWay(path, old);
    if (id === null) list.delete(name);
    else list.set(name, { mode: '100644', type: 'blob', id, path: name });
  }
  // Check folders on the way are folders in the base tree, not links or files.
  for (const folder of byDepth) {
    if (folder === '') continue;
    const cut = folder.lastIndexOf('/');
    const parent = entries.get(cut < 0 ? '' : folder.slice(0, cut));
    const old = parent?.get(folder.slice(cut + 1));
    if (old && old.type !== 'tree') throw inTheWay(folder, old);
  }
  // Level by level, deepest first: one `mktree --batch` per level.
  const levels = [...new Set(byDepth.map(depth))];
  let root = '';
  for (const level of levels) {
    const batch = byDepth.filter((f) => depth(f) === level);
    const input = batch
      .map((f) =>
        [...(entries.get(f) as Map<string, TreeEntry>).values()]
          .map((e) => `${e.mode} ${e.type} ${e.id}\t${e.path}\0`)
          .join(''),
      )
      .join('\0');
    const ids = git.text(['mktree', '-z', '--batch'], input).split('\n').filter(Boolean);
    batch.forEach((folder, i) => {
      const id = ids[i] as string;
      if (folder === '') {
        root = id;
        return;
      }
      const cut = folder.lastIndexOf('/');
      const parent = entries.get(cut < 0 ? '' : folder.slice(0, cut)) as Map<string, TreeEntry>;
      const name = folder.slice(cut + 1);
      if (id === EMPTY_TREE_SHA1 || id === EMPTY_TREE_SHA256) parent.delete(name);
      else parent.set(name, { mode: '040000', type: 'tree', id, path: name });
    });
  }
  return root;
}

const EMPTY_TREE_SHA1 = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const EMPTY_TREE_SHA256 = '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321';

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
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
