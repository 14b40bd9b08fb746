// Real text for page tests: the numbered tasks and section headings of the shipped seed plan
// (seeds/000_4d3ac6cf14e30664.txt, Luzhou Education Bureau 2012 work plan; see seeds/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

const SEED = readFileSync(join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt'), 'utf8');
/** The plan part of the seed (after the duplicated cover notices), one space-separated run. */
const PLAN = SEED.slice(SEED.lastIndexOf('2012年是泸州教育'));

/** Task `n` of the seed (`8.大力实施素质教育。…`), its whole paragraph. */
export function seedTask(n: number): string {
  const m = new RegExp(`(?:^|\\s)(${n}\\.\\S[^]*?)(?=\\s+(?:\\d+\\.|[一二三四五六七八九十]+、)|\\s*$)`, 'u').exec(PLAN);
  if (!m?.[1]) throw new Error(`seed task ${n} not found`);
  return m[1].trim();
}

/** The heading of seed task `n` without its number (`大力实施素质教育。`). */
export function seedHeading(n: number): string {
  const task = seedTask(n).replace(/^\d+\./u, '');
  return task.slice(0, task.indexOf('。') + 1);
}

/** The opening paragraph of the seed plan. */
export const SEED_OPENING = PLAN.slice(0, PLAN.indexOf(' ')).trim();
