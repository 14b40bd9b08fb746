import { createHash } from 'node:crypto';
import { closeSync, constants, openSync, readdirSync, readFileSync, renameSync, rmSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { HashAlgorithm } from './tree-object.ts';

/** One index entry to set: a regular file at `path` (no deletions: those go through git). */
export interface IndexEntry {
  path: string;
  id: string;
}

/** Beyond this many entries in the split part, git folds them into a new shared index. */
export const MAX_SPLIT_ENTRIES = 20_000;

/** Why the split part was left to git: not a form handled here, or grown large enough to fold. */
export type SplitResult = 'done' | 'unhandled' | 'fold';

interface RawEntry {
  name: Buffer;
  stage: number;
  bytes: Buffer;
}

/**
 * Sets index entries in a split index (docs/store.md) by rewriting only its split part
 * (`.git/index`: the entries changed since the shared index, the `link` to it, the cache-tree), the
 * way git does, without reading the shared index: at 135,000 editions git's own `update-index` parses
 * all 540,000 shared entries (≈ 0.13 s CPU) to change four. New entries are added to the split part
 * (git lets an added entry override a shared one of the same name), an entry already there is
 * replaced, and the cache-tree nodes on the way to each path are invalidated as git would. Held under
 * `.git/index.lock` (O_EXCL, renamed into place: git's own protocol). Anything unusual — another
 * index version, a sparse index, an unmerged entry at a path, a deletion — is left to git.
 */
export function updateSplitIndex(dir: string, entries: IndexEntry[], algorithm: HashAlgorithm): SplitResult {
  const index = join(dir, '.git', 'index');
  // Most corpora never split their index: without a shared index there is nothing to do here, and
  // reading, hashing and parsing the whole (unsplit) index only to hand it to git would read it twice.
  if (!hasSharedIndex(join(dir, '.git'))) return 'unhandled';
  const lock = `${index}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch {
    return 'unhandled'; // someone's git holds the index: git reports it
  }
  let renamed = false;
  try {
    let out: Buffer[] | SplitResult;
    try {
      out = rewrite(readIndex(index), entries, algorithm);
    } catch {
      out = 'unhandled'; // a truncated or odd index: git reads it, or says what is wrong
    }
    if (typeof out === 'string') return out;
    const total = out.reduce((n, b) => n + b.length, 0);
    if (writevSync(fd, out) !== total) return 'unhandled'; // a short write (disk full): git says why
    closeSync(fd);
    fd = -1;
    renameSync(lock, index);
    renamed = true;
    return 'done';
  } finally {
    if (fd >= 0) closeSync(fd);
    if (!renamed) rmSync(lock, { force: true });
  }
}

/** True when `.git` holds a shared index (`sharedindex.<id>`), which every split index links to. */
function hasSharedIndex(gitDir: string): boolean {
  try {
    return readdirSync(gitDir).some((name) => name.startsWith('sharedindex.'));
  } catch {
    return false;
  }
}

function readIndex(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The new split part (in pieces, so its few MB are not copied again), or why not. */
function rewrite(buf: Buffer | undefined, entries: IndexEntry[], algorithm: HashAlgorithm): Buffer[] | SplitResult {
  const size = algorithm === 'sha256' ? 32 : 20;
  if (!buf || buf.length < 12 + size || buf.toString('latin1', 0, 4) !== 'DIRC') return 'unhandled';
  // A torn or foreign file is never built upon: its checksum must hold (a few ms for a 4 MB part).
  const digest = createHash(algorithm)
    .update(buf.subarray(0, buf.length - size))
    .digest();
  if (!digest.equals(buf.subarray(buf.length - size))) return 'unhandled';
  const version = buf.readUInt32BE(4);
  if (version !== 2 && version !== 3) return 'unhandled';
  const count = buf.readUInt32BE(8);
  if (count + entries.length > MAX_SPLIT_ENTRIES) return 'fold';
  const list: RawEntry[] = [];
  let at = 12;
  for (let i = 0; i < count; i++) {
    const flags = buf.readUInt16BE(at + 40 + size);
    const extended = (flags & 0x4000) !== 0;
    if (extended && version < 3) return 'unhandled';
    const nameAt = at + 42 + size + (extended ? 2 : 0);
    const nul = buf.indexOf(0, nameAt);
    if (nul < 0) return 'unhandled';
    const length = (nul - at + 8) & ~7;
    list.push({ name: buf.subarray(nameAt, nul), stage: (flags >> 12) & 3, bytes: buf.subarray(at, at + length) });
    at += length;
  }
  const extensions: (Buffer | 'TREE')[] = [];
  let link = false;
  let tree: Buffer | undefined;
  while (at < buf.length - size) {
    if (at + 8 > buf.length - size) return 'unhandled';
    const signature = buf.toString('latin1', at, at + 4);
    const end = at + 8 + buf.readUInt32BE(at + 4);
    if (end > buf.length - size) return 'unhandled';
    if (signature === 'link') link = true;
    if (signature === 'TREE') {
      tree = buf.subarray(at + 8, end);
      extensions.push('TREE');
    } else if (signature === 'link' || signature === 'REUC') extensions.push(buf.subarray(at, end));
    // Other optional extensions (upper-case: untracked cache, fsmonitor, offsets) may be dropped:
    // git rebuilds them. A required one plandiff does not know (a sparse index) is git's to handle.
    else if (!/^[A-Z]/.test(signature)) return 'unhandled';
    at = end;
  }
  if (!link) return 'unhandled';
  for (const e of entries) {
    const name = Buffer.from(e.path, 'utf8');
    const same = list.filter((r) => r.name.equals(name));
    if (same.some((r) => r.stage !== 0)) return 'unhandled'; // unmerged: never touched here
    const bytes = entryBytes(name, e.id, size);
    if (same[0]) same[0].bytes = bytes;
    else list.push({ name, stage: 0, bytes });
  }
  // git's order: the replacements of shared entries first (written with empty names, matched to the
  // link's bitmap by position, so kept in place), then the added entries sorted by name.
  const replacements = list.findIndex((r) => r.name.length > 0);
  const cut = replacements < 0 ? list.length : replacements;
  const added = list.slice(cut).sort((a, b) => Buffer.compare(a.name, b.name) || a.stage - b.stage);
  const ordered = [...list.slice(0, cut), ...added];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(ordered.length, 8);
  const parts = [header, ...ordered.map((r) => r.bytes)];
  for (const extension of extensions) {
    if (extension !== 'TREE') {
      parts.push(extension);
      continue;
    }
    const fresh = invalidate(tree as Buffer, entries, size);
    if (!fresh) return 'unhandled';
    const head = Buffer.alloc(8);
    head.write('TREE', 0, 'latin1');
    head.writeUInt32BE(
      fresh.reduce((n, b) => n + b.length, 0),
      4,
    );
    parts.push(head, ...fresh);
  }
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  parts.push(hash.digest());
  return parts;
}

/** A stage-0 entry for a regular file with no stat data (as `update-index --index-info` makes it). */
function entryBytes(name: Buffer, id: string, size: number): Buffer {
  const length = (42 + size + name.length + 8) & ~7;
  const out = Buffer.alloc(length);
  out.writeUInt32BE(0o100644, 24);
  out.write(id, 40, 'hex');
  out.writeUInt16BE(Math.min(name.length, 0xfff), 40 + size);
  name.copy(out, 42 + size);
  return out;
}

/**
 * The cache-tree with the folders on the way to each path marked invalid (entry count -1, no id), as
 * git's own index update does; every other node is copied as it is. Undefined if it cannot be read.
 */
function invalidate(tree: Buffer, entries: IndexEntry[], size: number): Buffer[] | undefined {
  const invalid = new Set<string>(['']);
  for (const e of entries) {
    const parts = e.path.split('/');
    for (let i = 1; i < parts.length; i++) invalid.add(parts.slice(0, i).join('/'));
  }
  const out: Buffer[] = [];
  let at = 0;
  let copied = 0; // nodes are copied in spans; only the invalidated ones are rewritten
  // Pre-order walk with a stack of [folder path, children left, folder invalidated]. A node's name is
  // decoded only below an invalidated folder: nowhere else can one be invalidated.
  const stack: { path: string; left: number; dirty: boolean }[] = [];
  let first = true;
  while (first || stack.length > 0) {
    const parent = stack[stack.length - 1];
    if (parent && parent.left === 0) {
      stack.pop();
      continue;
    }
    if (parent) parent.left--;
    const nul = tree.indexOf(0, at);
    const sp = tree.indexOf(0x20, nul);
    const lf = tree.indexOf(0x0a, sp);
    if (nul < 0 || sp < 0 || lf < 0) return undefined;
    const entryCount = decimal(tree, nul + 1, sp);
    const subtrees = decimal(tree, sp + 1, lf);
    if (entryCount === undefined || subtrees === undefined || subtrees < 0) return undefined;
    const end = entryCount >= 0 ? lf + 1 + size : lf + 1;
    if (end > tree.length) return undefined;
    let path = '';
    let dirty = false;
    if (first || parent?.dirty) {
      const name = tree.toString('utf8', at, nul);
      path = !parent || parent.path === '' ? name : `${parent.path}/${name}`;
      dirty = invalid.has(path);
    }
    first = false;
    if (dirty && entryCount >= 0) {
      out.push(tree.subarray(copied, nul + 1), Buffer.from(`-1 ${subtrees}\n`, 'latin1'));
      copied = end;
    }
    at = end;
    if (subtrees > 0) stack.push({ path, left: subtrees, dirty });
  }
  if (at !== tree.length) return undefined;
  out.push(tree.subarray(copied));
  return out;
}

/** A decimal (possibly negative) integer from ASCII bytes, or undefined. */
function decimal(buf: Buffer, from: number, to: number): number | undefined {
  let i = from;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  if (i >= to) return undefined;
  let n = 0;
  for (; i < to; i++) {
    const c = (buf[i] as number) - 0x30;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return negative ? -n : n;
}
