import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planText } from './helpers/bad-inputs.ts';
import { checkCorpus, committedIn, dirtyFiles } from './helpers/corpus-check.ts';
import {
  errorLines,
  recordFigure,
  runCliMeasured,
  runMainMeasured,
  stackLines,
  tempDir,
} from './helpers/reliability.ts';

// The machine misbehaving under plandiff: a read-only corpus, a full disk, git missing from PATH.
// Each must give one clear line and a non-zero exit, leave the corpus consistent (fsck clean, every
// edition complete, HEAD where it was), and the next command must work once the fault is gone.
// The faulty runs are real processes (exit code and stderr as a shell sees them; PATH is the process's);
// the setup imports and the reads and recoveries around them run in this process through main(argv, io).

const root = tempDir();
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
  rmSync(root, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

/** Mounts (as root) and records the mount point for cleanup; false when the kernel refuses. */
function mount(args: string[], target: string): boolean {
  const ok = spawnSync('mount', [...args, target]).status === 0;
  if (ok) mounts.push(target);
  return ok;
}

/** Probe: can this process mount a tmpfs (root in a VM or privileged container)? */
function canMount(): boolean {
  if (!isRoot) return false;
  const probe = join(root, 'probe');
  mkdirSync(probe);
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
}
const mountable = canMount();

/** A corpus with one edition, made through the CLI in this process (setup, not a fault); returns its path. */
async function seededCorpus(dir: string): Promise<string> {
  const corpus = join(dir, 'corpus');
  const file = join(dir, 'seed-2012.txt');
  writeFileSync(file, planText({ year: 2012 }));
  const run = await runMainMeasured(['import', file, '--series', 'edu', '--corpus', corpus]);
  expect(run.code, run.stderr).toBe(0);
  return corpus;
}

function expectOneLineError(run: { code: number; stderr: string }, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBe(70);
  expect(stackLines(run.stderr)).toEqual([]);
  expect(errorLines(run.stderr)).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
}

describe('a read-only corpus directory', () => {
  // Root ignores file modes, so as root a read-only bind mount is used; other users get chmod a-w.
  const how = mountable ? 'read-only bind mount' : isRoot ? undefined : 'chmod -R a-w';
  it.skipIf(!how)(
    `refuses to write with one line, still reads, and recovers (${how ?? 'not testable here'})`,
    async () => {
      const dir = join(root, 'ro');
      mkdirSync(dir);
      const corpus = await seededCorpus(dir);
      const before = checkCorpus(corpus);
      if (mountable) {
        expect(mount(['--bind', corpus], corpus)).toBe(true);
        expect(spawnSync('mount', ['-o', 'remount,ro,bind', corpus]).status).toBe(0);
      } else spawnSync('chmod', ['-R', 'a-w', corpus]);
      const file = join(dir, 'new-2013.txt');
      writeFileSync(file, planText({ year: 2013 }));
      const write = await runCliMeasured(['import', file, '--series', 'edu', '--corpus', corpus]);
      expectOneLineError(write, /read-only|permission denied/);
      expect(write.code).toBe(4);
      const list = await runMainMeasured(['list', '--corpus', corpus]);
      expect(list.code, list.stderr).toBe(0);
      expect(list.stdout).toMatch(/edu: 1 edition/);
      const show = await runMainMeasured(['show', 'edu@2012', '--corpus', corpus]);
      expect(show.code, show.stderr).toBe(0);
      if (mountable) spawnSync('umount', [corpus]);
      else spawnSync('chmod', ['-R', 'u+w', corpus]);
      expect(checkCorpus(corpus).head).toBe(before.head);
      const again = await runMainMeasured(['import', file, '--series', 'edu', '--corpus', corpus]);
      expect(again.code, again.stderr).toBe(0);
      const final = checkCorpus(corpus);
      expect([...final.editions.keys()].sort()).toEqual(['edu@2012', 'edu@2013']);
      recordFigure({ suite: 'read-only corpus', faults: 1, records: final.recordsChecked, losses: 0 });
    },
  );
});

describe('disk full (a 1 MB tmpfs, filled to different levels)', () => {
  it.skipIf(!mountable)(
    'fails cleanly at every fill level, never corrupts, and works once space is freed',
    async () => {
      const disk = join(root, 'disk');
      mkdirSync(disk);
      expect(mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs'], disk)).toBe(true);
      const corpus = await seededCorpus(disk);
      const big = join(root, 'big-2014.txt');
      writeFileSync(big, planText({ year: 2014, sections: 40, items: 12 })); // ~70 KB: needs room to archive
      let failures = 0;
      // Free space left before the import: from none to enough, so the write fails at different steps.
      for (const [i, freeKb] of [0, 16, 64, 160].entries()) {
        const before = checkCorpus(corpus);
        const filler = join(disk, 'filler');
        rmSync(filler, { force: true });
        const stat = spawnSync('df', ['-k', '--output=avail', disk], { encoding: 'utf8' });
        const avail = Number(stat.stdout.trim().split('\n').pop());
        writeFileSync(filler, Buffer.alloc(Math.max(0, (avail - freeKb) * 1024)));
        const run = await runCliMeasured([
          'import',
          big,
          '--series',
          'edu',
          '--edition',
          `full-${i}`,
          '--corpus',
          corpus,
        ]);
        const after = checkCorpus(corpus);
        recordFigure({ suite: 'disk full', faults: 1, records: after.recordsChecked });
        if (run.code === 0) {
          expect(after.head).toBe(committedIn(run.stdout) && after.head);
          expect(after.editions.has(`edu@full-${i}`)).toBe(true);
        } else {
          failures++;
          expectOneLineError(run, /no space left/);
          expect(after.head, 'a failed import moved HEAD').toBe(before.head);
        }
      }
      expect(failures, 'the smallest fill levels must fail').toBeGreaterThan(0);
      rmSync(join(disk, 'filler'), { force: true });
      const freed = await runMainMeasured(['import', big, '--series', 'edu', '--edition', 'freed', '--corpus', corpus]);
      expect(freed.code, freed.stderr).toBe(0);
      expect(checkCorpus(corpus).editions.has('edu@freed')).toBe(true);
      expect(dirtyFiles(corpus)).toEqual([]);
    },
  );
});

describe('git missing from PATH', () => {
  it('import and init say git is missing in one line (exit 4); the corpus is untouched', async () => {
    const dir = join(root, 'nogit');
    mkdirSync(dir);
    const corpus = await seededCorpus(dir);
    const before = checkCorpus(corpus);
    const file = join(dir, 'next-2013.txt');
    writeFileSync(file, planText({ year: 2013 }));
    const env = { PATH: join(dir, 'empty-bin') };
    const write = await runCliMeasured(['import', file, '--series', 'edu', '--corpus', corpus], { env });
    expectOneLineError(write, /git was not found on PATH/);
    expect(write.code).toBe(4);
    const init = await runCliMeasured(['init', join(dir, 'fresh')], { env });
    expectOneLineError(init, /git was not found on PATH/);
    recordFigure({ suite: 'git missing', faults: 2, records: checkCorpus(corpus).recordsChecked, losses: 0 });
    expect(checkCorpus(corpus).head).toBe(before.head);
    const again = await runMainMeasured(['import', file, '--series', 'edu', '--corpus', corpus]);
    expect(again.code, again.stderr).toBe(0);
  });
});
