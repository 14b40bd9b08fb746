import { createHash } from 'node:crypto';
import type { TreeEntry } from './tree.ts';

/** Hash algorithm of a repository, told by the length of its object ids. */
export type HashAlgorithm = 'sha1' | 'sha256';

/** The algorithm whose hex ids have this length. */
export function algorithmOf(id: string): HashAlgorithm {
  return id.length === 64 ? 'sha256' : 'sha1';
}

/** Parses the raw bytes of a git tree object (`<mode> <name>\0<binary id>` repeated). */
export function parseTreeObject(bytes: Uint8Array, algorithm: HashAlgorithm): TreeEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = algorithm === 'sha256' ? 32 : 20;
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < buf.length) {
    const space = buf.indexOf(0x20, at);
    const nul = buf.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + size > buf.length) throw new Error('malformed tree object');
    const raw = buf.toString('latin1', at, space);
    const mode = raw.padStart(6, '0');
    const id = buf.toString('hex', nul + 1, nul + 1 + size);
    const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
    entries.push({ mode, type, id, path: buf.toString('utf8', space + 1, nul) });
    at = nul + 1 + size;
  }
  return entries;
}

/**
 * Git's tree order: names compared as UTF-8 bytes, a folder as if its name ended in `/`. UTF-8 byte
 * order is code-point order; JS strings compare UTF-16 units, which differ from it only between a
 * surrogate and U+E000–U+FFFF, so those units are shifted into code-point order first.
 */
function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * The raw bytes of a tree object with these entries (names without `/`), in git's canonical form —
 * what `git mktree` would write — so its id can be computed here and the object written with
 * `git hash-object -t tree`, without git looking up every entry (which costs a pack lookup each).
 */
export function renderTreeObject(entries: TreeEntry[]): Buffer {
  const keyed = entries.map((e) => ({ e, key: e.type === 'tree' ? `${e.path}/` : e.path }));
  keyed.sort((a, b) => compareNames(a.key, b.key));
  const heads = keyed.map(({ e }) => `${e.mode.replace(/^0+/, '')} ${e.path}\0`);
  let size = 0;
  for (const [i, head] of heads.entries()) size += Buffer.byteLength(head) + (keyed[i]?.e.id.length ?? 0) / 2;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const [i, head] of heads.entries()) {
    at += out.write(head, at, 'utf8');
    at += out.write(keyed[i]?.e.id ?? '', at, 'hex');
  }
  return out;
}

/** The id git gives a tree object with these raw bytes. */
export function hashTree(bytes: Uint8Array, algorithm: HashAlgorithm): string {
  return createHash(algorithm).update(`tree ${bytes.length}\0`).update(bytes).digest('hex');
}
