// The synthetic national corpus of bench/index-scale.ts and bench/export-scale.ts: plans made of sentences
// of the shipped Government Work Reports (corpus/gwr) and the seed, seeded and repeatable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
/** Distinct task paragraphs the editions draw from. */
export const VARIANTS = 60_000;
const parse = (text: string, path: string) =>
  normalizePlan(text, { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } }).plan;

let state = 42;
const rand = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

// Sentences of every shipped report and the seed.
const files = readdirSync(join(ROOT, 'corpus', 'gwr')).filter((f) => f.endsWith('.txt'));
/** Sentences of every shipped report. */
export const sentences: string[] = [];
for (const f of files) {
  const plan = parse(readFileSync(join(ROOT, 'corpus', 'gwr', f), 'utf8'), f);
  const walk = (us: readonly Unit[]) => {
    for (const u of us) {
      for (const s of u.text.match(/[^。！？；]+[。！？；]/gu) ?? [])
        if (s.length >= 8 && s.length <= 160) sentences.push(s);
      walk(u.children);
    }
  };
  walk(plan.units);
}
/** The seed plan (Luzhou education bureau 2012), whose echoes the benches look for. */
export const seedPlan = parse(readFileSync(join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt'), 'utf8'), 'seed.txt');
const variants = Array.from({ length: VARIANTS }, () =>
  Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(sentences)).join(''),
);
const HEADINGS = sentences.filter((s) => s.length < 30);

/** Edition k of the synthetic corpus: city × department series, 15 years each. */
export function syntheticEdition(k: number): {
  series: string;
  edition: string;
  year: number;
  plan: Plan;
  blob: string;
} {
  const year = 2011 + (k % 15);
  const series = `c${String(Math.floor(k / 15 / 30)).padStart(3, '0')}-d${String(Math.floor(k / 15) % 30).padStart(2, '0')}`;
  const units: Unit[] = [];
  for (let s = 1; s <= 5; s++) {
    const heading = pick(HEADINGS).replace(/[。！？；]$/u, '');
    const section: Unit = {
      id: `${s}`,
      depth: 1,
      number: `${s}、`,
      ordinal: s,
      heading,
      text: `${s}、${heading}`,
      figures: [],
      children: [],
    };
    for (let t = 1; t <= 6; t++) {
      const n = (s - 1) * 6 + t;
      const body = pick(variants);
      section.children.push({
        id: `${s}.${t}`,
        depth: 2,
        number: `${n}.`,
        ordinal: n,
        heading: body.slice(0, 12),
        text: `${n}.${body}`,
        figures: [],
        children: [],
      });
    }
    units.push(section);
  }
  const plan: Plan = {
    title: `${year}年${series}工作要点`,
    year,
    source: { sha256: '0'.repeat(64), encoding: 'utf-8' },
    preamble: '',
    units,
  };
  return { series, edition: String(year), year, plan, blob: `synthetic-${k}` };
}
