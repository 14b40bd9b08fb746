import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { importSources, initCorpus, loadRef, type SourceInput } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
const V1 = join(ROOT, 'corpus/gwr/2012.txt');
const POINTS = ['after-lock', 'after-write', 'after-rename', 'before-commit', 'after-commit'] as const;

function source(path: string): SourceInput {
  return { bytes: readFileSync(path), kind: 'txt', series: 'gwr', edition: '2012', label: path };
}

describe('acceptance 3: SIGKILL during an import', () => {
  it('at every named point: the next command works, the corpus is consistent, the lock is reclaimed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plandiff-'));
    const v2 = join(work, '2012-edited.txt');
    // A change of wording, so the plan changes (a change the normalizer drops would be no new version).
    writeFileSync(v2, readFileSync(V1, 'utf8').replace('发展', '进步'));
    // One corpus per point, each holding version 1 of gwr@2012, then a real CLI process storing
    // version 2 is frozen at the point and killed with SIGKILL.
    const cases = [];
    for (const point of POINTS) {
      const corpus = join(work, point);
      await initCorpus(corpus);
      await importSources(corpus, [source(V1)], { normalizer: storeNormalizer });
      cases.push({ point, corpus, head: git(corpus, 'rev-parse', 'HEAD') });
    }
    await Promise.all(
      cases.map(async ({ point, corpus }) => {
        const run = spawnCli(['import', v2, '--series', 'gwr', '--edition', '2012', '--corpus', corpus], {
          env: { PLANDIFF_TEST_PAUSE_AT: point },
        });
        await run.waitForStderr(`paused at ${point}`, 150_000);
        run.child.kill('SIGKILL');
        const exit = await run.exited;
        expect(exit.signal).toBe('SIGKILL');
        expect(existsSync(join(corpus, '.plandiff/lock')), point).toBe(true); // left behind by the dead writer
      }),
    );
    const v1sha = execFileSync('sha256sum', [V1], { encoding: 'utf8' }).split(' ')[0];
    for (const { point, corpus, head } of cases) {
      const committed = point === 'after-commit';
      // A reader first: it sees a whole version (the interrupted write rolled back, or complete).
      const seen = await loadRef(corpus, 'gwr@2012');
      expect(seen.plan.source.sha256 === v1sha, point).toBe(!committed);
      expect(git(corpus, 'rev-parse', committed ? 'HEAD~1' : 'HEAD'), point).toBe(head);
      expect(git(corpus, 'status', '--porcelain', '--untracked-files=all'), point).toBe('');
      // The next write works at once: the stale lock is reclaimed, not waited out.
      const started = Date.now();
      const next = await importSources(corpus, [source(v2)], { normalizer: storeNormalizer, lockTimeoutMs: 5000 });
      expect(Date.now() - started, point).toBeLessThan(5000);
      expect(next.editions[0]?.status, point).toBe(committed ? 'unchanged' : 'updated');
      expect(git(corpus, 'rev-parse', 'HEAD~1'), point).toBe(head);
      expect(git(corpus, 'status', '--porcelain', '--untracked-files=all'), point).toBe('');
      execFileSync('git', ['-C', corpus, 'fsck', '--strict', '--no-progress'], { stdio: 'pipe' });
      expect(existsSync(join(corpus, '.plandiff/lock')), point).toBe(false);
      expect(existsSync(join(corpus, '.plandiff/journal.json')), point).toBe(false);
      expect(readdirSync(join(corpus, '.plandiff/tmp')), point).toEqual([]);
      expect(Number(git(corpus, 'rev-list', '--count', `${head}..HEAD`)), point).toBe(1);
    }
  }, 240_000);
});
