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
  const blobs = readBlobs(
    dir,
    [...byEdition.entries()].flatMap(([key, names]) => names.map((n) => `${key.replace('@', '/')}/${n}`)),
  );
  const editions = new Map<string, string>();
  let recordsChecked = 0;
  for (const [key, names] of byEdition) {
    const base = key.replace('@', '/');
    const blob = (name: string): Buffer => blobs.get(`${base}/${name}`) ?? Buffer.alloc(0);
    const source = names.find((n) => n === 'source.txt' || n === 'source.html');
    assert.ok(source, `${key}: no archived source`);
    for (const required of ['source.json', 'plan.json', 'plan.md'])
      assert.ok(names.includes(required), `${key}: ${required} missing`);
    const bytes = blob(source);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const record = JSON.parse(blob('source.json').toString()) as { sha256: string; size: number };
    assert.equal(record.sha256, sha, `${key}: source.json sha256 does not match the archived bytes`);
    assert.equal(record.size, bytes.length, `${key}: source.json size does not match`);
    const plan = PlanSchema.parse(JSON.parse(blob('plan.json').toString()));
    assert.equal(plan.source.sha256, sha, `${key}: plan.json does not point at the archived bytes`);
    assert.ok(blob('plan.md').length > 0, `${key}: plan.md empty`);
    editions.set(key, sha);
    recordsChecked += 4;
  }
  return { head, editions, recordsChecked };
}

/** Reads HEAD's blobs at `paths` with one `git cat-file --batch` (not one process per file). */
function readBlobs(dir: string, paths: string[]): Map<string, Buffer> {
  const out = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], {
    input: paths.map((p) => `HEAD:${p}\n`).join(''),
    maxBuffer: 1 << 30,
  });
  const blobs = new Map<string, Buffer>();
  let at = 0;
  for (const path of paths) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString();
    const size = Number(header.split(' ')[2]);
    assert.ok(/ blob \d+$/.test(header), `${path}: not a blob on HEAD (${header})`);
    blobs.set(path, out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
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
