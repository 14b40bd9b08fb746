import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticSchema, PlanSchema } from '../../packages/model/src/index.ts';
import { normalizePlan, renderOutline } from '../../packages/normalize/src/index.ts';
import { anyTextArb, FUZZ_RUNS, FUZZ_TIMEOUT, SOURCE, timed } from './arbitraries.ts';

// normalizePlan promises never to throw: damage becomes diagnostics. Over fuzzed plan-like and
// arbitrary text it must return, quickly, a plan that validates — also after a JSON round trip,
// which is how plans are stored (a NaN or Infinity figure would turn into null there).
describe(`normalizePlan on fuzzed text (${FUZZ_RUNS} cases per property)`, () => {
  it('never throws or hangs, and its plan and diagnostics validate against the model schemas', {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const { plan, diagnostics } = timed('normalizePlan', () => normalizePlan(text, { source: SOURCE }));
        PlanSchema.parse(plan);
        PlanSchema.parse(JSON.parse(JSON.stringify(plan)));
        for (const d of diagnostics) DiagnosticSchema.parse(d);
        expect(plan.source).toEqual(SOURCE);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('renders an outline for every plan it makes, and unit ids follow the tree', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(anyTextArb, (text) => {
        const { plan } = normalizePlan(text, { source: SOURCE });
        expect(typeof timed('renderOutline', () => renderOutline(plan))).toBe('string');
        const walk = (units: typeof plan.units, prefix: string, depth: number): void =>
          units.forEach((u, i) => {
            expect(u.id).toBe(`${prefix}${i + 1}`);
            expect(u.depth).toBe(depth);
            walk(u.children, `${u.id}.`, depth + 1);
          });
        walk(plan.units, '', 1);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
