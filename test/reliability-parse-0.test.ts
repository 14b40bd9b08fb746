import { describe, expect, it } from 'vitest';
import { PARSE_CASES } from './helpers/bad-input-cases.ts';
import { runCase } from './helpers/check-case.ts';

// Half of the parse/clean bad inputs (the other half is in reliability-parse-1.test.ts, so the two
// files run in parallel). Each case runs the CLI in-process
// (`main(argv, io)`); heap-capped child-process runs are in the slow project.
const cases = PARSE_CASES.filter((_c, i) => i % 2 === 0);

describe(`bad inputs through parse/clean (part 0, < 30 s each)`, () => {
  for (const c of cases) {
    it(`${c.id}: ${c.input} → ${c.behaviour}`, { timeout: 90_000 }, async () => {
      const { run, failure } = await runCase(c);
      expect(failure, `exit ${run.code}; stderr: ${run.stderr.slice(0, 500)}`).toBeUndefined();
    });
  }
});
