import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import { PlanSchema } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

/**
 * Issue 10 point 7: every shipped Government Work Report 1954–2025 parses (bare heading lines or no
 * numbering at all give headed paragraphs, not a refusal) and diffs — against itself as unchanged,
 * and against the next shipped edition.
 */
const GWR = join(ROOT, 'corpus', 'gwr');
const YEARS = readdirSync(GWR)
  .flatMap((n) => /^(\d{4})\.txt$/u.exec(n)?.[1] ?? [])
  .map(Number)
  .sort((a, b) => a - b);
const parse = (year: number) =>
  normalizePlan(readFileSync(join(GWR, `${year}.txt`), 'utf8'), {
    source: { path: `corpus/gwr/${year}.txt`, sha256: '0'.repeat(64), encoding: 'utf-8' },
  });

describe('every shipped report parses and diffs', () => {
  it('ships 1954 to 2025', () => {
    expect(YEARS[0]).toBe(1954);
    expect(YEARS[YEARS.length - 1]).toBe(2025);
  });

  it.each(YEARS)('%i parses into units and diffs as unchanged against itself', (year) => {
    const { plan, diagnostics } = parse(year);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan.units.length).toBeGreaterThan(0);
    expect(plan.year).toBe(year);
    expect(plan.region).toBeUndefined();
    expect(() => PlanSchema.parse(plan)).not.toThrow();
    const d = diffPlans(plan, plan, { wording: false });
    expect(d.changes.length).toBeGreaterThan(0);
    expect(d.changes.every((c) => c.kind === 'unchanged' && !c.moved)).toBe(true);
  });

  it('without a file named by its year, the reports of 1999–2025 give their own year or none, never another', () => {
    const wrong = YEARS.filter((y) => y >= 1999).flatMap((year) => {
      const { plan } = normalizePlan(readFileSync(join(GWR, `${year}.txt`), 'utf8'), {
        source: { path: 'site-b/report.txt', sha256: '0'.repeat(64), encoding: 'utf-8' },
      });
      return plan.year === undefined || plan.year === year ? [] : [`${year}: ${plan.year}`];
    });
    expect(wrong).toEqual([]);
  });

  // The editions that were refused before (no numbered sections) diff against their neighbours.
  it.each([
    [1954, 1955],
    [1959, 1960],
    [1960, 1964],
    [1975, 1978],
  ])('%i diffs against %i', (x, y) => {
    const d = diffPlans(parse(x).plan, parse(y).plan, { wording: false });
    expect(d.changes.some((c) => c.from.length > 0 && c.to.length > 0)).toBe(true);
    expect(d.summary.unchanged + d.summary.reworded + d.summary.merged + d.summary.split).toBeGreaterThan(0);
  });
});
