import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizePlan } from '@plandiff/normalize';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/index.ts';
import { ROOT } from './helpers/seed-plan.ts';

const parse = (text: string, path: string) =>
  normalizePlan(text, { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } }).plan;

/**
 * The same report as a second site would print it: ASCII commas and colons, corner-bracket quotes,
 * half-width parentheses, paragraphs indented with ideographic spaces and separated by extra blank lines.
 */
function asOtherSource(text: string): string {
  const swapped = text
    .replaceAll('，', ',')
    .replaceAll('；', ';')
    .replaceAll('：', ':')
    .replaceAll('“', '「')
    .replaceAll('”', '」')
    .replaceAll('（', '(')
    .replaceAll('）', ')');
  return swapped
    .split('\n\n')
    .map((p) => (p.trim().length > 60 && !p.trim().startsWith('(') ? `\u3000\u3000${p.trim()}` : p))
    .join('\n\n\n');
}

describe('the same report from two sources', () => {
  it('comes out entirely unchanged, with no wording noise', () => {
    const text = readFileSync(join(ROOT, 'corpus', 'gwr', '2019.txt'), 'utf8');
    const a = parse(text, 'site-a/2019.txt');
    const b = parse(asOtherSource(text), 'site-b/2019.txt');
    const d = diffPlans(a, b);
    expect(d.changes.length).toBeGreaterThan(100);
    expect(d.changes.filter((c) => c.kind !== 'unchanged' || c.moved)).toEqual([]);
    // With punctuation asked for, the swapped marks are the only differences reported.
    const strict = diffPlans(a, b, { punctuation: true });
    const inserted = strict.changes.flatMap((c) => c.wording.filter((w) => w.op !== 'equal').map((w) => w.text));
    expect(inserted.length).toBeGreaterThan(0);
    expect(inserted.filter((w) => !/^[\p{P}\s]+$/u.test(w))).toEqual([]);
  });
});

/** The same report hard-wrapped at 38 characters, as a plain-text mirror prints it (blank lines kept). */
const hardWrapped = (text: string) =>
  text
    .split('\n')
    .map((line) => line.match(/.{1,38}/gu)?.join('\n') ?? line)
    .join('\n');

const countUnits = (units: readonly { children: readonly unknown[] }[]): number =>
  units.reduce((n, u) => n + 1 + countUnits(u.children as { children: readonly unknown[] }[]), 0);

describe('the same report hard-wrapped by a second source', () => {
  // 2013 and 2019 print item headings alone; 2025 prints heading and intro in one paragraph, so there the
  // wrapped-off lines of an opening paragraph land under the item as its first paragraphs.
  it.each([2013, 2019, 2025])('%i comes out unchanged: the wrapped lines rejoin their paragraphs', (year) => {
    const full = readFileSync(join(ROOT, 'corpus', 'gwr', `${year}.txt`), 'utf8');
    // The wiki licence notice after the report is chrome, not report (the normalizer keeps it once wrapped).
    const text = full.slice(0, full.indexOf('本作品是中华人民共和国的'));
    const a = parse(text, `site-a/${year}.txt`);
    const b = parse(hardWrapped(text), `site-b/${year}.txt`);
    // The copy really is wrapped (so the test can fail); the normalizer rejoins the wrapped lines.
    expect(hardWrapped(text).split('\n').length).toBeGreaterThan(text.split('\n').length + 100);
    expect(countUnits(b.units)).toBe(countUnits(a.units));
    const d = diffPlans(a, b);
    expect(d.changes.filter((c) => c.kind !== 'unchanged' || c.moved)).toEqual([]);
  });
});
