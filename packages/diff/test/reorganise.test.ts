import { describe, expect, it } from 'vitest';
import { scoreSet, TEST, TUNING } from '../../../bench/diff-reorganise.ts';
import { reorganise } from '../src/evaluate/reorganise.ts';
import { scoreAlignment } from '../src/evaluate/score-alignment.ts';
import { diffPlans } from '../src/index.ts';
import { loadReport } from './helpers/seed-plan.ts';

// Reorganisations of real reports with the truth known (src/evaluate/reorganise.ts). The TEST set's
// reports and seeds are disjoint from the TUNING set's, which is the only one thresholds were looked at on.

describe('the reorganisation generator', () => {
  const r = reorganise(loadReport(2021), loadReport(2011), 101);

  it('really re-cuts: its gold has splits and merges at both levels, and added and dropped paragraphs', () => {
    for (const level of ['item', 'paragraph'] as const) {
      const g = r.gold.levels[level]!;
      expect(g.links.some((l) => l.to.length > 1)).toBe(true);
      expect(g.links.some((l) => l.from.length > 1)).toBe(true);
    }
    expect(r.gold.levels.paragraph!.added?.length).toBeGreaterThan(0);
    expect(r.gold.levels.paragraph!.dropped?.length).toBeGreaterThan(0);
  });

  it('scores a perfect prediction 1 and a blind one far lower (the scorer can fail)', () => {
    const g = r.gold.levels.paragraph!;
    const perfect = g.links.map((l) => ({
      kind: 'reworded',
      from: l.from.map((k) => ({ id: k.slice(1) })),
      to: l.to.map((k) => ({ id: k.slice(1) })),
    }));
    expect(scoreAlignment(g, perfect).recall).toBeGreaterThan(0.9);
    expect(scoreAlignment(g, perfect).precision).toBe(1);
    // Everything reported added and dropped: no link is right.
    const blind = [
      ...g.A.map((u) => ({ kind: 'dropped', from: [{ id: u.id! }], to: [] })),
      ...g.B.map((u) => ({ kind: 'added', from: [], to: [{ id: u.id! }] })),
    ];
    expect(scoreAlignment(g, blind).f1).toBeLessThan(0.2);
  });
});

describe('diffPlans on unseen generated reorganisations', () => {
  it('reaches item F1 ≥ 0.95 and paragraph F1 ≥ 0.85 on the TEST set', () => {
    expect(TEST.years.filter((y) => TUNING.years.includes(y))).toEqual([]);
    expect(TEST.seeds.filter((s) => TUNING.seeds.includes(s))).toEqual([]);
    const s = scoreSet(TEST);
    expect(s.item.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.paragraph.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('finds a pair identical to itself', () => {
    const a = loadReport(2022);
    const d = diffPlans(a, structuredClone(a), { wording: false });
    expect(d.changes.every((c) => c.kind === 'unchanged')).toBe(true);
  });
});
