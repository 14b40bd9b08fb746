import { describe, expect, it } from 'vitest';
import { runCase } from './helpers/check-case.ts';
import { DIFF_CASES, IMPORT_CASES, REPORT_CASES } from './helpers/corpus-cases.ts';
import { commandBuilt } from './helpers/reliability.ts';

// Bad inputs for import, diff and report, through the real CLI. diff and report cases are skipped
// (visibly) only while those commands are still the "not built yet" placeholders.
const built = { diff: await commandBuilt('diff'), report: await commandBuilt('report') };

describe('bad inputs through import', () => {
  for (const c of IMPORT_CASES) {
    it(`${c.id}: ${c.input} → ${c.behaviour}`, { timeout: 90_000 }, async () => {
      const { run, failure } = await runCase(c);
      expect(failure, `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toBeUndefined();
    });
  }
});

for (const [stage, cases] of [
  ['diff', DIFF_CASES],
  ['report', REPORT_CASES],
] as const) {
  describe.skipIf(!built[stage])(`bad inputs through ${stage}`, () => {
    for (const c of cases) {
      it(`${c.id}: ${c.input} → ${c.behaviour}`, { timeout: 90_000 }, async () => {
        const { run, failure } = await runCase(c);
        expect(failure, `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toBeUndefined();
      });
    }
  });
}
