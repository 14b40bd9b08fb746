import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
const YEARS = [1954, 1978, 1992, 2000, 2008, 2012, 2021, 2025];

describe('acceptance 2: eight writers at once', () => {
  it('stores every report, loses no commit, and leaves git fsck --strict clean', async () => {
    const corpus = join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'corpus');
    expect(runCli(['init', '--corpus', corpus]).code).toBe(0);
    const before = Number(git(corpus, 'rev-list', '--count', 'HEAD'));
    const runs = YEARS.map((year) =>
      spawnCli(['import', join(ROOT, 'corpus/gwr', `${year}.txt`), '--series', 'gwr', '--edition', String(year)], {
        env: { PLANDIFF_CORPUS: corpus, PLANDIFF_LOCK_TIMEOUT: '90' },
      }),
    );
    const results = await Promise.all(runs.map((r) => r.exited));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    for (const [i, r] of results.entries()) expect(r.stdout).toMatch(new RegExp(`added\\s+gwr@${YEARS[i]}`));

    // one commit per writer, each naming its edition; none lost or merged
    expect(Number(git(corpus, 'rev-list', '--count', 'HEAD'))).toBe(before + YEARS.length);
    const subjects = git(corpus, 'log', '--format=%s', `-${YEARS.length}`).split('\n').sort();
    expect(subjects).toEqual(YEARS.map((y) => `import gwr@${y} (added)`).sort());
    for (const year of YEARS) {
      const stored = execFileSync('git', ['-C', corpus, 'show', `HEAD:gwr/${year}/source.txt`]);
      expect(stored.equals(readFileSync(join(ROOT, 'corpus/gwr', `${year}.txt`)))).toBe(true);
    }
    expect(git(corpus, 'status', '--porcelain')).toBe('');
    execFileSync('git', ['-C', corpus, 'fsck', '--strict', '--no-progress'], { stdio: 'pipe' });
    const list = JSON.parse(runCli(['list', '--json', '--corpus', corpus]).stdout);
    expect(list.series[0].editions).toEqual(YEARS.map(String));
  }, 240_000);
});
