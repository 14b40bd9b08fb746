import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initCorpus } from '../packages/store/src/index.ts';
import { checkCorpus, commitCount, dirtyFiles, inHistory } from './helpers/corpus-check.ts';
import { recordFigure, tempDir } from './helpers/reliability.ts';
import { ROOT, scriptCommand } from './helpers/run-cli.ts';

// 8 writer processes × 25 imports each into one corpus, all at once, through the real store (the
// corpus lock, the journal, git). None may be lost: 200 acknowledged commits, all in HEAD's history,
// 200 complete editions with the bytes each writer wrote, fsck clean, a clean working tree.
// (bench/reliability-concurrency.ts runs the same load through 200 real CLI processes.)

const WRITERS = Number(process.env.WRITERS) || 8;
const IMPORTS = Number(process.env.IMPORTS) || 25;
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ack {
  edition: string;
  sha256: string;
  commit?: string;
}

function runWriter(corpus: string, writer: number): Promise<{ code: number | null; acks: Ack[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // The writer's JavaScript copy from this run's build (no tsx start-up for each of the 8), else tsx.
      [...scriptCommand('test/helpers/concurrent-writer.ts'), corpus, String(writer), String(IMPORTS)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stderr: err,
        acks: out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Ack),
      }),
    );
  });
}

describe(`${WRITERS} concurrent writers × ${IMPORTS} imports each`, () => {
  it('loses nothing: every acknowledged import is committed, complete and intact', { timeout: 600_000 }, async () => {
    const corpus = join(dir, 'corpus');
    await initCorpus(corpus);
    const commitsBefore = commitCount(corpus);
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: WRITERS }, (_, w) => runWriter(corpus, w)));
    const seconds = (performance.now() - started) / 1000;
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const acks = results.flatMap((r) => r.acks);
    expect(acks).toHaveLength(WRITERS * IMPORTS);
    const state = checkCorpus(corpus);
    for (const ack of acks) {
      expect(ack.commit, `${ack.edition} made no commit`).toBeTruthy();
      expect(inHistory(corpus, ack.commit!), `${ack.edition}: commit lost`).toBe(true);
      expect(state.editions.get(`edu@${ack.edition}`), `${ack.edition}: bytes differ or missing`).toBe(ack.sha256);
    }
    expect(new Set(acks.map((a) => a.commit)).size).toBe(WRITERS * IMPORTS);
    expect(commitCount(corpus) - commitsBefore).toBe(WRITERS * IMPORTS);
    expect(state.editions.size).toBe(WRITERS * IMPORTS);
    expect(dirtyFiles(corpus)).toEqual([]);
    recordFigure({
      suite: `${WRITERS} concurrent writers × ${IMPORTS} imports`,
      cases: acks.length,
      records: state.recordsChecked,
      losses: acks.filter((a) => state.editions.get(`edu@${a.edition}`) !== a.sha256).length,
    });
    console.log(
      `${acks.length} imports by ${WRITERS} writers in ${seconds.toFixed(1)} s; ${state.recordsChecked} records checked; 0 lost`,
    );
  });
});
