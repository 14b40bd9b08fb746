import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashBlob } from './blob-hash.ts';
import type { Git } from './git.ts';
import { syncIndex } from './index-update.ts';
import type { Journal } from './journal.ts';
import { assertNoLinks, makeDirs, pathKind } from './safe-path.ts';
import { tmpName } from './scratch.ts';
import { readObjects } from './tree.ts';

/**
 * Brings the work tree and the index in step with a published commit, for the journal's paths only
 * (no scan of the rest of the corpus). A file is replaced only while it still holds the previous
 * commit's bytes (or is absent where the previous commit had none); anything else is the user's own
 * uncommitted work and is left exactly as it is — and returned, so the caller can say so. Index
 * entries likewise move only where they still held the previous commit's blob (a user's staged
 * change stays staged). Nothing is ever written through a symbolic link.
 */
export function syncWorkTree(dir: string, git: Git, journal: Journal): string[] {
  const keptLocal = syncFiles(dir, git, journal);
  syncIndex(dir, git, journal);
  return keptLocal;
}

/** The work-tree half of syncWorkTree (the index is the caller's: see index-update.ts). */
export function syncFiles(dir: string, git: Git, journal: Journal): string[] {
  const algorithm = journal.commit.length === 64 ? 'sha256' : 'sha1';
  const keptLocal: string[] = [];
  const news = journal.paths.filter((p) => p.new !== null);
  const bytes = readObjects(
    git,
    news.map((p) => p.new as string),
  );
  const content = new Map(news.map((p, i) => [p.path, bytes[i]]));
  for (const p of journal.paths) {
    const file = join(dir, p.path);
    try {
      assertNoLinks(dir, p.path);
    } catch {
      keptLocal.push(p.path); // a link or folder appeared in the way since the check: never written through
      continue;
    }
    const kind = pathKind(file);
    const current = kind === 'absent' ? null : kind === 'file' ? hashBlob(readFileSync(file), algorithm) : 'other';
    if (current === p.new) continue;
    if (current !== p.old) {
      keptLocal.push(p.path);
      continue;
    }
    if (p.new === null) {
      rmSync(file, { force: true });
      continue;
    }
    const data = content.get(p.path);
    if (!data) continue;
    makeDirs(dir, dirname(p.path));
    const tmp = tmpName(dir);
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, file);
  }
  return keptLocal;
}
