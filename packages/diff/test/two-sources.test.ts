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
