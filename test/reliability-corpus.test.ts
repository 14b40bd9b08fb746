import { describe, expect, it } from 'vitest';
import { runCase } from './helpers/check-case.ts';
import { DIFF_CASES, IMPORT_CASES, REPORT_CASES } from './helpers/corpus-cases.ts';

// Bad inputs for import, diff and report, through the CLI in-process (`main(argv, io)`). Every case
// runs: a broken `--help` or a missing command fails them instead of skipping them.

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
  describe(`bad inputs through ${stage}`, () => {
    for (const c of cases) {
      it(`${c.id}: ${c.input} → ${c.behaviour}`, { timeout: 90_000 }, async () => {
        const { run, failure } = await runCase(c);
        expect(failure, `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toBeUndefined();
      });
    }
  });
}
