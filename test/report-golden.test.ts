import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, renderDiffReport, renderSeriesReport } from '../packages/report/src/index.ts';
import { loadPairFixture, loadSeriesFixture, REPORT_FIXTURES } from './helpers/report-fixtures.ts';

/** Compares with the committed golden file; `UPDATE=1` rewrites it instead. */
function expectGolden(actual: string, relative: string): void {
  const path = join(REPORT_FIXTURES, relative);
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE !== '1') throw new Error(`${relative} did not exist; written — read it, then commit it`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('pair report goldens (test/fixtures/report/pair)', () => {
  const diff = loadPairFixture();

  it('the fixture is consistent: its summary counts its changes, and it covers every kind', () => {
    for (const kind of KINDS) {
      expect(diff.changes.filter((c) => c.kind === kind).length, kind).toBe(diff.summary[kind]);
      expect(diff.summary[kind], kind).toBeGreaterThan(0);
    }
    expect(diff.changes.some((c) => c.moved)).toBe(true);
    expect(diff.changes.some((c) => c.figures.length > 0)).toBe(true);
  });

  for (const [format, lang, file] of [
    ['md', 'zh', 'pair/expected.md'],
    ['md', 'en', 'pair/expected.en.md'],
    ['csv', 'zh', 'pair/expected.csv'],
    ['json', 'zh', 'pair/expected.json'],
    ['html', 'zh', 'pair/expected.html'],
    ['html', 'en', 'pair/expected.en.html'],
  ] as const) {
    it(`${format} (${lang}) matches ${file}`, () => {
      expectGolden(renderDiffReport(diff, format, { lang }), file);
    });
  }

  it('JSON is the diff itself plus its $schema', () => {
    const { $schema, ...rest } = JSON.parse(renderDiffReport(diff, 'json', { lang: 'zh' }));
    expect($schema).toBe('https://plandiff.dev/schemas/diff.schema.json');
    expect(rest).toEqual(diff);
  });
});

describe('series report goldens (test/fixtures/report/series)', () => {
  const { lineage, diffs } = loadSeriesFixture();
  for (const [format, lang, file] of [
    ['md', 'zh', 'series/expected.md'],
    ['html', 'zh', 'series/expected.html'],
    ['html', 'en', 'series/expected.en.html'],
  ] as const) {
    it(`${format} (${lang}) matches ${file}`, () => {
      expectGolden(renderSeriesReport(lineage, diffs, format, { lang }), file);
    });
  }
});
