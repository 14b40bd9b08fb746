import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh empty temp directory for a corpus. */
export function tempDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'corpus');
}

/** Runs git in `dir` and returns stdout (trimmed). */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}

/** Number of commits on HEAD. */
export function commitCount(dir: string): number {
  return Number(git(dir, 'rev-list', '--count', 'HEAD'));
}

/** Bytes of a small text plan for `year`. */
export function planBytes(year: number, ...lines: string[]): Buffer {
  return Buffer.from(`${year}年工作要点\n${(lines.length ? lines : ['一、抓好教育', '二、办好学校']).join('\n')}\n`);
}
