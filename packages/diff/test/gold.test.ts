import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Gold, scoreAlignment } from '../src/evaluate/score-alignment.ts';
import { diffPlans } from '../src/index.ts';
import { loadReport } from './helpers/seed-plan.ts';

// The hand-made development alignment of 2018 → 2019 (fixtures/gold/README.md). The floors are the
// scores the engine reached when the fixture was added: a threshold or rule change that loses links
// here fails CI instead of passing unnoticed.
const gold = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'gold', 'gwr-2018-2019.json'), 'utf8'),
) as Gold;

describe('diffPlans against the hand-made 2018 → 2019 alignment', () => {
  const changes = diffPlans(loadReport(2018), loadReport(2019), { wording: false }).changes;

  it('keeps item-level F1 at or above 0.94', () => {
    const s = scoreAlignment(gold.levels.item!, changes, { depths: [2] });
    expect(s.gold).toBe(10);
    expect(s.f1, `missed ${s.missed} spurious ${s.spurious}`).toBeGreaterThanOrEqual(0.94);
  });

  it('keeps paragraph-level F1 at or above 0.86', () => {
    const s = scoreAlignment(gold.levels.paragraph!, changes, { depths: [2, 3] });
    expect(s.gold).toBe(64);
    expect(s.f1, `missed ${s.missed} spurious ${s.spurious}`).toBeGreaterThanOrEqual(0.86);
  });
});
