import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { PlanSchema } from '../../packages/model/src/index.ts';

/** What a consistency check of a corpus found. */
export interface CorpusState {
  head: string;
  /** `series@edition` → sha256 of the archived source, as committed on HEAD. */
  editions: Map<string, string>;
  /** Files read and checked (sources hashed, source.json and plan.json validated, plan.md present). */
  recordsChecked: number;
}

const gitOut = (dir: string, args: string[]): Buffer =>
  execFileSync('git', ['-C', dir, ...args], { maxBuffer: 256 << 20 });

/** `git fsck --strict` on the corpus; throws with git's output unless it is clean. */
export function assertFsckClean(dir: string): void {
  const run = spawnSync('git', ['-C', dir, 'fsck', '--strict', '--no-dangling', '--no-progress'], { encoding: 'utf8' });
  assert.equal(run.status, 0, `git fsck --strict failed:\n${run.stdout}${run.stderr}`);
  assert.doesNotMatch(`${run.stdout}${run.stderr}`, /error|missing|broken|corrupt/i, 'git fsck reported problems');
}

/**
 * Checks the committed corpus: fsck clean, and every edition directory on HEAD complete — its
 * source, a source.json whose sha256 matches the source bytes, a plan.json that validates and
 * points at those bytes, and plan.md.
 */
export function checkCorpus(dir: string): CorpusState {
  assertFsckClean(dir);
  const head = gitOut(dir, ['rev-parse', 'HEAD']).toString().trim();
  const files = gitOut(dir, ['ls-tree', '-r', '-z', '--name-only', 'HEAD']).toString().split('\0').filter(Boolean);
  const byEdition = new Map<string, string[]>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length !== 3) continue;
    const key = `${parts[0]}@${parts[1]}`;
    byEdition.set(key, [...(byEdition.get(key) ?? []), parts[2]!]);
  }
  const editions = new Map<string, string>();
  let recordsChecked = 0;
  for (const [key, names] of byEdition) {
    const [series, edition] = key.split('@') as [string, string];
    const base = `${series}/${edition}`;
    const source = names.find((n) => n === 'source.txt' || n === 'source.html');
    assert.ok(source, `${key}: no archived source`);
    for (const required of ['source.json', 'plan.json', 'plan.md'])
      assert.ok(names.includes(required), `${key}: ${required} missing`);
    const bytes = gitOut(dir, ['show', `HEAD:${base}/${source}`]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const record = JSON.parse(gitOut(dir, ['show', `HEAD:${base}/source.json`]).toString()) as {
      sha256: string;
      size: number;
    };
    assert.equal(record.sha256, sha, `${key}: source.json sha256 does not match the archived bytes`);
    assert.equal(record.size, bytes.length, `${key}: source.json size does not match`);
    const plan = PlanSchema.parse(JSON.parse(gitOut(dir, ['show', `HEAD:${base}/plan.json`]).toString()));
    assert.equal(plan.source.sha256, sha, `${key}: plan.json does not point at the archived bytes`);
    assert.ok(gitOut(dir, ['show', `HEAD:${base}/plan.md`]).length > 0, `${key}: plan.md empty`);
    editions.set(key, sha);
    recordsChecked += 4;
  }
  return { head, editions, recordsChecked };
}

/** Whether `commit` is HEAD or one of its ancestors (an acknowledged write was not lost). */
export function inHistory(dir: string, commit: string): boolean {
  return spawnSync('git', ['-C', dir, 'merge-base', '--is-ancestor', commit, 'HEAD']).status === 0;
}

/** Uncommitted changes in the working tree (plandiff's ignored scratch space excluded). */
export function dirtyFiles(dir: string): string[] {
  return gitOut(dir, ['status', '--porcelain', '-z', '--untracked-files=all']).toString().split('\0').filter(Boolean);
}

/** Number of commits on HEAD. */
export function commitCount(dir: string): number {
  return Number(gitOut(dir, ['rev-list', '--count', 'HEAD']).toString().trim());
}

/** The commit a successful import/fetch printed (`committed abc123… in DIR`), if any. */
export function committedIn(stdout: string): string | undefined {
  return /committed ([0-9a-f]{7,40}) in /.exec(stdout)?.[1];
}
