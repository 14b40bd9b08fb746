import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../packages/diff/src/index.ts';
import { PlanDiffSchema } from '../../packages/model/src/index.ts';
import { FUZZ_RUNS, FUZZ_TIMEOUT, planArb, planPairArb, timed } from './arbitraries.ts';

const EDIT_KINDS = ['reworded', 'merged', 'split', 'added', 'dropped'] as const;

// diffPlans over fuzzed plan pairs (a plan and a mutated next edition, and unrelated plans):
// no throw, no hang, the result validates against PlanDiffSchema, and a plan diffed with itself
// shows no edits.
describe(`diffPlans on fuzzed plans (${FUZZ_RUNS} cases per property)`, () => {
  it('never throws or hangs, and its result validates against PlanDiffSchema', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(planPairArb, fc.tuple(planArb, planArb)), ([a, b]) => {
        const diff = timed('diffPlans', () => diffPlans(a, b));
        PlanDiffSchema.parse(diff);
        PlanDiffSchema.parse(JSON.parse(JSON.stringify(diff)));
        // The summary counts the changes it sums up, kind by kind.
        const counted = Object.values(diff.summary).reduce((n, k) => n + k, 0);
        expect(counted).toBe(diff.changes.length);
        for (const kind of Object.keys(diff.summary) as (keyof typeof diff.summary)[])
          expect(diff.summary[kind], kind).toBe(diff.changes.filter((c) => c.kind === kind).length);
        // A change names units of its plans: nothing is reported from a unit that is not there.
        for (const c of diff.changes) expect(c.from.length + c.to.length, c.kind).toBeGreaterThan(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('finds no edits between a plan and itself', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const diff = timed('diffPlans', () => diffPlans(plan, structuredClone(plan)));
        for (const kind of EDIT_KINDS) expect(diff.summary[kind] ?? 0, kind).toBe(0);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
