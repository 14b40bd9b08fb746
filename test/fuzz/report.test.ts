import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlans, tracePlans } from '../../packages/diff/src/index.ts';
import { PlanDiffSchema } from '../../packages/model/src/index.ts';
import { renderDiffReport, renderSeriesReport } from '../../packages/report/src/index.ts';
import { FUZZ_RUNS, FUZZ_TIMEOUT, planArb, planPairArb, timed } from './arbitraries.ts';

const lang = fc.constantFrom('zh' as const, 'en' as const);

/** Raw markup fragments the fuzzer injects; none may survive unescaped into an HTML report. */
const RAW_MARKUP = /<script>alert\(1\)<\/script>|<img src=x onerror=y>/;

// Reports over fuzzed diffs: every format renders without throwing or hanging; the JSON report
// validates against PlanDiffSchema; injected markup never reaches HTML or Markdown unescaped.
describe(`reports on fuzzed diffs (${FUZZ_RUNS} cases per property)`, () => {
  it('renders md, html, csv and json for any diff; JSON validates; markup is escaped', {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(planPairArb, lang, ([a, b], language) => {
        const diff = diffPlans(a, b);
        for (const format of ['md', 'html', 'csv', 'json'] as const) {
          const out = timed(`render ${format}`, () => renderDiffReport(diff, format, { lang: language }));
          expect(typeof out).toBe('string');
          if (format === 'json') {
            const { $schema, ...rest } = JSON.parse(out) as Record<string, unknown>;
            expect($schema).toMatch(/diff\.schema\.json$/);
            PlanDiffSchema.parse(rest);
          }
          if (format === 'html' || format === 'md') expect(out).not.toMatch(RAW_MARKUP);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('renders many-year reports (md and html) for fuzzed series', { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(planArb, { minLength: 1, maxLength: 4 }), lang, (plans, language) => {
        const numbered = plans.map((p, i) => ({ ...p, year: 2010 + i }));
        const lineage = tracePlans(numbered);
        const diffs = numbered.slice(1).map((p, i) => diffPlans(numbered[i]!, p));
        for (const format of ['md', 'html'] as const) {
          const out = timed(`series ${format}`, () => renderSeriesReport(lineage, diffs, format, { lang: language }));
          expect(out).not.toMatch(RAW_MARKUP);
        }
      }),
      { numRuns: Math.max(1, Math.round(FUZZ_RUNS / 4)) },
    );
  });
});
