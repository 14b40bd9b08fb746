import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Git, GitChild } from './git.ts';
import { indexStat, type Staged, stagedPaths, writeStamp } from './index-stamp.ts';
import type { Journal } from './journal.ts';

/** Above this size of `.git/index` (about 80,000 files) plandiff keeps the index split. */
export const SPLIT_INDEX_BYTES = 8 << 20;

/**
 * The one update of the index an import makes, started ahead of the commit. At 135,000 editions
 * `git update-index` spends most of its time loading the 540,000 entries before it reads its input
 * (it takes `.git/index.lock` and reads the index first), so plandiff starts it as soon as it holds
 * the corpus lock and the branch is checked, lets it load while the blobs, trees, commit and ref are
 * written, and only feeds it the touched entries once the branch has moved. The corpus lock covers
 * it throughout; readers never read the index. Which touched paths the user has staged is decided
 * before it starts (from the index stamp, else one `git diff-index --cached`).
 */
export interface IndexUpdate {
  /** Moves the journal's index entries that still hold the previous commit's blob, and records the stamp. */
  finish(journal: Journal): Promise<void>;
  /** Nothing to update after all (no commit): stops git, the index stays as it was. */
  cancel(): Promise<void>;
}

/** Starts the index update for a commit on top of `head` (null: the first commit). */
export function startIndexUpdate(dir: string, git: Git, head: string | null): IndexUpdate {
  const staged = stagedPaths(dir, git, head);
  const checked = indexStat(dir);
  let child: GitChild | undefined = git.open([...splitIfLarge(dir), 'update-index', '-z', '--index-info']);
  return {
    async finish(journal) {
      const lines = indexLines(git, journal, staged);
      const untouched = indexStat(dir) === checked;
      const started = child;
      child = undefined;
      try {
        await started?.end(lines);
      } catch {
        // git could not start on the index then (a user's git held index.lock): once more, now
        if (lines) git.run([...splitIfLarge(dir), 'update-index', '-z', '--index-info'], lines);
      }
      if (staged) writeStamp(dir, journal.commit, staged, untouched);
    },
    async cancel() {
      const started = child;
      child = undefined;
      await started?.kill();
    },
  };
}

/**
 * Brings the index entries of the journal's paths in step at once (recovery of an interrupted
 * writer: nothing to overlap with).
 */
export function syncIndex(dir: string, git: Git, journal: Journal): void {
  const staged = stagedPaths(dir, git, journal.old);
  const checked = indexStat(dir);
  const lines = indexLines(git, journal, staged);
  const untouched = indexStat(dir) === checked;
  if (lines) git.run([...splitIfLarge(dir), 'update-index', '-z', '--index-info'], lines);
  if (staged) writeStamp(dir, journal.commit, staged, untouched);
}

/**
 * The `--index-info` input moving the journal's paths that still hold the previous commit's blob: a
 * path the user has staged (or left unmerged) stays as it is. `staged` is updated for paths already
 * at the new version (an interrupted writer got this far).
 */
function indexLines(git: Git, journal: Journal, staged: Staged | undefined): string {
  const zero = '0'.repeat(journal.commit.length);
  const lines: string[] = [];
  const current = staged ? undefined : stagedByLsFiles(git, journal);
  for (const p of journal.paths) {
    if (staged?.has(p.path)) {
      if (staged.get(p.path) === (p.new ?? 'none')) staged.delete(p.path);
      continue; // else the user's staged version: left as it is
    }
    if (!staged && (current?.get(p.path) ?? null) !== p.old) continue;
    lines.push(p.new === null ? `0 ${zero}\t${p.path}` : `100644 ${p.new}\t${p.path}`);
  }
  return lines.length > 0 ? `${lines.join('\0')}\0` : '';
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
