import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planText } from './helpers/bad-inputs.ts';
import { checkCorpus, committedIn, dirtyFiles, inHistory } from './helpers/corpus-check.ts';
import {
  killGroup,
  recordFigure,
  runCliMeasured,
  runMainMeasured,
  spawnCli,
  stackLines,
  tempDir,
} from './helpers/reliability.ts';

// SIGKILL at 20 points during `plandiff import`: half at the store's named pause points
// ($PLANDIFF_TEST_PAUSE_AT: the process stops there and announces it, then is killed), half at
// random times after start (seeded; the seed is printed so a failure can be replayed with KILL_SEED).
// After every kill: git fsck --strict is clean and every committed edition is complete; every
// import that reported success is still in HEAD's history; the next command works.

const PAUSE_POINTS = ['after-lock', 'after-write', 'after-rename', 'before-commit', 'after-commit'] as const;
const KILLS = 20;
const seed = Number(process.env.KILL_SEED) || Math.floor(Math.random() * 1e9);

/** mulberry32: a tiny seeded PRNG so a failing kill schedule can be replayed. */
function random(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Waits until the child announces its pause (or ends); false when it ended first. */
async function waitForPause(stderr: () => string, ended: () => boolean, point: string): Promise<boolean> {
  for (;;) {
    if (stderr().includes(`paused at ${point}`)) return true;
    if (ended()) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`SIGKILL at ${KILLS} points during imports (seed ${seed})`, () => {
  it('leaves a consistent corpus after every kill, loses no acknowledged import, and the next command works', {
    timeout: 600_000,
  }, async () => {
    const rand = random(seed);
    const corpus = join(dir, 'corpus');
    const file = (year: number, version: number) => {
      const path = join(dir, `${year}.txt`);
      writeFileSync(path, planText({ year, sections: 2 + version, items: 3 }));
      return path;
    };
    const args = (year: number, version: number) => [
      'import',
      file(year, version),
      ...(year > 2001 ? [file(year - 1, version + 1)] : []),
      '--series',
      'edu',
      '--corpus',
      corpus,
    ];
    // A normal import first: it creates the corpus and times a whole run for the random kills.
    const first = await runCliMeasured(args(2000, 0));
    expect(first.code, first.stderr).toBe(0);
    const acknowledged = [committedIn(first.stdout)!];
    const log: string[] = [];
    let records = 0;
    for (let i = 0; i < KILLS; i++) {
      const year = 2001 + i;
      const point = i % 2 === 0 ? PAUSE_POINTS[(i / 2) % PAUSE_POINTS.length] : undefined;
      const env = point ? { PLANDIFF_TEST_PAUSE_AT: point } : {};
      // plain: the CLI is our direct child (no /usr/bin/time), so it is reaped at once and its pid is really gone.
      const cli = spawnCli(args(year, i), { env, plain: true });
      let ended = false;
      cli.done.then(() => {
        ended = true;
      });
      if (point) {
        const paused = await waitForPause(cli.stderr, () => ended, point);
        expect(paused, `run ${i} ended before pausing at ${point}: ${cli.stderr()}`).toBe(true);
      } else {
        await new Promise((r) => setTimeout(r, rand() * first.ms * 1.1));
      }
      killGroup(cli.child);
      const run = await cli.done;
      const commit = run.code === 0 ? committedIn(run.stdout) : undefined;
      if (commit) acknowledged.push(commit);
      log.push(`${i}: ${point ?? 'random'} → ${run.signal ?? `exit ${run.code}`}`);
      expect(stackLines(run.stderr)).toEqual([]);
      const state = checkCorpus(corpus);
      records += state.recordsChecked;
      for (const c of acknowledged) expect(inHistory(corpus, c), `acknowledged ${c} lost`).toBe(true);
      if (point === 'after-rename' || point === 'before-commit') {
        // The worst moment: new files renamed into place, not committed. A read must still work (in this
        // process: the read needs no process of its own, the killed writer had one).
        const list = await runMainMeasured(['list', '--json', '--corpus', corpus]);
        expect(list.code, list.stderr).toBe(0);
        const listed = (JSON.parse(list.stdout).series as { series: string; editions: string[] }[]).flatMap((s) =>
          s.editions.map((e) => `${s.series}@${e}`),
        );
        expect(listed.sort()).toEqual([...state.editions.keys()].sort());
      }
    }
    // The next command after the last kill: a full import of every year, which must succeed (in-process).
    const years = Array.from({ length: KILLS + 1 }, (_, k) => 2000 + k);
    const final = await runMainMeasured([
      'import',
      ...years.map((y) => file(y, 99)),
      '--series',
      'edu',
      '--corpus',
      corpus,
    ]);
    expect(final.code, final.stderr).toBe(0);
    const state = checkCorpus(corpus);
    expect([...state.editions.keys()].sort()).toEqual(years.map((y) => `edu@${y}`));
    expect(dirtyFiles(corpus)).toEqual([]);
    for (const c of acknowledged) expect(inHistory(corpus, c)).toBe(true);
    recordFigure({
      suite: 'SIGKILL during import',
      faults: KILLS,
      records: records + state.recordsChecked,
      losses: acknowledged.filter((c) => !inHistory(corpus, c)).length,
    });
    console.log(`kill schedule (seed ${seed}):\n  ${log.join('\n  ')}\n${state.recordsChecked} records checked`);
  });
});
