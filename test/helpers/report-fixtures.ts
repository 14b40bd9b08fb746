import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Lineage, LineageSchema, type PlanDiff, PlanDiffSchema } from '../../packages/model/src/index.ts';
import { ROOT } from './run-cli.ts';

/** Folder of the report fixtures. */
export const REPORT_FIXTURES = join(ROOT, 'test', 'fixtures', 'report');

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The hand-made 2024→2025 pair diff: every kind, a move, a merge, a split, figures, hostile text. */
export function loadPairFixture(): PlanDiff {
  return PlanDiffSchema.parse(readJson(join(REPORT_FIXTURES, 'pair', 'diff.json')));
}

/** The hand-made 2023–2025 lineage and its two consecutive diffs (the second is the pair fixture). */
export function loadSeriesFixture(): { lineage: Lineage; diffs: PlanDiff[] } {
  const lineage = LineageSchema.parse(readJson(join(REPORT_FIXTURES, 'series', 'lineage.json')));
  const first = PlanDiffSchema.parse(readJson(join(REPORT_FIXTURES, 'series', 'diff-2023-2024.json')));
  return { lineage, diffs: [first, loadPairFixture()] };
}
