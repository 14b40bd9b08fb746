import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashBlob } from './blob-hash.ts';
import type { Git } from './git.ts';
import { indexStat, stagedPaths, writeStamp } from './index-stamp.ts';
import type { Journal } from './journal.ts';
import { assertNoLinks, makeDirs, pathKind } from './safe-path.ts';
import { tmpName } from './scratch.ts';
import { type IndexEntry, updateSplitIndex } from './split-index.ts';
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
  syncIndex(dir, git, journal);
  return keptLocal;
}

/**
 * Moves the index entries of the journal's paths that still hold the previous commit's blob: a path
 * the user has staged (or left unmerged) stays as it is. Which paths are staged comes from the index
 * stamp while the index is as plandiff left it, so a steady run of imports reads the index only in
 * the one `update-index` that writes it.
 */
function syncIndex(dir: string, git: Git, journal: Journal): void {
  const staged = stagedPaths(dir, git, journal.old);
  const checked = indexStat(dir);
  const zero = '0'.repeat(journal.commit.length);
  const lines: string[] = [];
  const sets: IndexEntry[] = [];
  const current = staged ? undefined : stagedByLsFiles(git, journal);
  for (const p of journal.paths) {
    if (staged?.has(p.path)) {
      // Already the new version (an interrupted writer got this far): in step with the new commit.
      if (staged.get(p.path) === (p.new ?? 'none')) staged.delete(p.path);
      continue; // else the user's staged version: left as it is
    }
    if (!staged && (current?.get(p.path) ?? null) !== p.old) continue;
    lines.push(p.new === null ? `0 ${zero}\t${p.path}` : `100644 ${p.new}\t${p.path}`);
    sets.push({ path: p.path, id: p.new ?? '' });
  }
  const untouched = indexStat(dir) === checked;
  if (lines.length === 0) {
    if (staged) writeStamp(dir, journal.commit, staged, untouched);
    return;
  }
  // A split index's small part is rewritten here (split-index.ts); anything else, or a deletion, by git.
  const algorithm = journal.commit.length === 64 ? 'sha256' : 'sha1';
  const done = sets.every((e) => e.id !== '') ? updateSplitIndex(dir, sets, algorithm) : 'unhandled';
  if (done !== 'done') {
    const fold = done === 'fold' ? ['-c', 'splitIndex.maxPercentChange=1'] : [];
    git.run([...splitIfLarge(dir), ...fold, 'update-index', '-z', '--index-info'], `${lines.join('\0')}\0`);
  }
  if (staged) writeStamp(dir, journal.commit, staged, untouched);
}

/** The index entries of the journal's paths (a conflicted one as `conflict`), read with `ls-files`. */
function stagedByLsFiles(git: Git, journal: Journal): Map<string, string> {
  const staged = new Map<string, string>();
  const paths = journal.paths.map((p) => p.path);
  for (let i = 0; i < paths.length; i += 500) {
    const out = git.text(['ls-files', '-s', '-z', '--', ...paths.slice(i, i + 500)]);
    for (const record of out.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [, id = '', stage = ''] = record.slice(0, tab).split(' ');
      // A conflicted path (stage > 0) is the user's to resolve: mark it so it is left alone.
      staged.set(record.slice(tab + 1), stage === '0' ? id : 'conflict');
    }
  }
  return staged;
}

/** Above this size of `.git/index` (about 80,000 files) plandiff keeps the index split. */
export const SPLIT_INDEX_BYTES = 8 << 20;

/**
 * A large index is switched to git's split-index format (`core.splitIndex` for this call only; git
 * keeps an index split until told otherwise), so each later update rewrites only the small part
 * holding the changed entries instead of the whole file (56 MB at 135,000 editions).
 */
function splitIfLarge(dir: string): string[] {
  try {
    return statSync(join(dir, '.git', 'index')).size > SPLIT_INDEX_BYTES ? ['-c', 'core.splitIndex=true'] : [];
  } catch {
    return [];
  }
}
