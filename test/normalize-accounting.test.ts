import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan, Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

/**
 * Issue 10 point 10: every character of the input is accounted for. Over every shipped file (the
 * Government Work Reports, the seed, the normalizer fixtures) each input line either lands in the
 * plan (title, subtitle, preamble, notice, attachments, units, annexes) or lies in the lines a
 * diagnostic names; and the normalizer's own account reports no `unaccounted-text`.
 */
const files = [
  ...readdirSync(join(ROOT, 'corpus', 'gwr'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => `corpus/gwr/${n}`),
  ...readdirSync(join(ROOT, 'seeds'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => `seeds/${n}`),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'normalize'), { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const dir = join('test', 'fixtures', 'normalize', entry.name);
    return readdirSync(join(ROOT, dir))
      .filter((n) => n.endsWith('.txt'))
      .map((n) => `${dir}/${n}`);
  }),
].sort();

/** Whitespace and invisible characters aside. */
const form = (text: string) => text.replace(/[\s\p{Cf}]+/gu, '');
const unitTexts = (units: readonly Unit[]): string[] => units.flatMap((u) => [u.text, ...unitTexts(u.children)]);
function planText(plan: Plan): string {
  return form(
    [
      plan.title,
      plan.subtitle ?? '',
      plan.preamble,
      // The recipients line is stored without its closing colon.
      plan.notice ? `${plan.notice.recipients}：` : '',
      plan.notice?.body ?? '',
      ...(plan.attachments ?? []),
      ...unitTexts(plan.units),
      ...(plan.annexes ?? []).flatMap((a) => [a.label, a.title, ...unitTexts(a.units)]),
    ].join('\n'),
  );
}

describe('every character is accounted for (issue 10, point 10)', () => {
  it('covers the shipped reports, the seed and the fixtures', () => {
    expect(files.filter((f) => f.startsWith('corpus/gwr/')).length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.includes('provincial-2026/')).length).toBe(10);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const { plan, diagnostics } = normalizePlan(text, {
      source: { path: file, sha256: '0'.repeat(64), encoding: 'utf-8' },
    });
    expect(diagnostics.filter((d) => d.ruleId === 'unaccounted-text')).toEqual([]);
    const kept = planText(plan);
    const named = (line: number) =>
      diagnostics.some((d) => d.place && d.place.line <= line && line <= (d.place.endLine ?? d.place.line));
    const lost = text
      .split(/\r\n?|\n|\u2028|\u2029/u)
      .map((line, i) => ({ line: i + 1, text: form(line) }))
      .filter((l) => l.text !== '' && !kept.includes(l.text) && !named(l.line));
    expect(lost).toEqual([]);
  });
});
