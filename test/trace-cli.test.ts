import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineageSchema } from '../packages/model/src/index.ts';
import { runMain } from './helpers/run-main.ts';

const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
// Shuffled on purpose: trace orders editions by the year in their file names.
const FILES = [...YEARS].reverse().map((y) => `corpus/gwr/${y}.txt`);

/**
 * The education paragraph of each report's work plan, as printed (first sentence), checked by hand in
 * corpus/gwr: each opens the paragraph that also sets the 义务教育 (compulsory education) tasks.
 */
const EDUCATION: Record<number, string> = {
  2014: '促进教育事业优先发展、公平发展',
  2015: '促进教育公平发展和质量提升',
  2016: '发展更高质量更加公平的教育',
  2017: '办好公平优质教育',
  2018: '发展公平而有质量的教育',
  2019: '发展更加公平更有质量的教育',
  2021: '发展更加公平更高质量的教育',
  2022: '促进教育公平与质量提升',
  2023: '促进教育公平和质量提升',
};

describe('plandiff trace over the Government Work Reports 2008–2025', () => {
  it('follows the compulsory-education goal from edition to edition', async () => {
    const run = await runMain(['trace', ...FILES, '--query', '义务教育', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const lineage = LineageSchema.parse(JSON.parse(run.stdout));
    expect(lineage.editions.map((e) => e.year)).toEqual(YEARS);
    expect(lineage.query).toBe('义务教育');
    // Every goal kept mentions the phrase in some edition.
    for (const g of lineage.goals)
      expect(g.events.some((e) => e.units.some((u) => u.text.includes('义务教育')))).toBe(true);
  });

  // 2015 prints its tasks as paragraphs right under sections, 2016 under items of one section: the
  // pair's context is their nearest linked containers (2015 section 五 ↔ 2016 section 三), not their
  // parents, or 2016's paragraph goes to 2015's review paragraph 1.17 instead.
  it('follows the education paragraph through every report from 2014 to 2023', async () => {
    const run = await runMain(['trace', ...FILES, '--query', '义务教育', '--format', 'json']);
    const lineage = LineageSchema.parse(JSON.parse(run.stdout));
    // One goal carries the education paragraph through every report from 2014 to 2023.
    const goal = lineage.goals.find((g) =>
      g.events.some((e) => e.year === 2014 && e.units.some((u) => u.heading === EDUCATION[2014])),
    );
    expect(goal, 'a goal holding the 2014 education paragraph').toBeDefined();
    const byYear = new Map(goal!.events.map((e) => [e.year, e]));
    for (const [year, heading] of Object.entries(EDUCATION)) {
      const event = byYear.get(Number(year));
      expect(
        event?.units.map((u) => u.heading),
        `education paragraph in ${year}`,
      ).toContain(heading);
      expect(event?.kind).not.toBe('dropped');
    }
    expect(goal!.firstYear).toBeLessThanOrEqual(2014);
    expect(goal!.lastYear).toBeGreaterThanOrEqual(2023);
  });

  it('traces a stored series, and diffs its editions by corpus reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
    try {
      const corpus = join(dir, 'corpus');
      expect((await runMain(['init', '--corpus', corpus])).code).toBe(0);
      const files = ['corpus/gwr/2018.txt', 'corpus/gwr/2019.txt', 'corpus/gwr/2021.txt'];
      const imported = await runMain([
        'import',
        ...files,
        '--series',
        'gwr',
        '--edition-from',
        'file',
        '--corpus',
        corpus,
      ]);
      expect(imported.code, imported.stderr).toBe(0);
      const run = await runMain([
        'trace',
        'gwr',
        '--corpus',
        corpus,
        '--query',
        '专项债券',
        '--from',
        '2019',
        '--format',
        'json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const lineage = LineageSchema.parse(JSON.parse(run.stdout));
      expect(lineage.editions.map((e) => [e.ref, e.year])).toEqual([
        ['gwr@2019', 2019],
        ['gwr@2021', 2021],
      ]);
      // 2019: 拟安排地方政府专项债券2.15万亿元 (有效发挥地方政府债券作用), checked in corpus/gwr/2019.txt.
      expect(
        lineage.goals.some((g) =>
          g.events.some((e) => e.year === 2019 && e.units.some((u) => u.heading === '有效发挥地方政府债券作用')),
        ),
      ).toBe(true);
      const diff = await runMain(['diff', 'gwr@2018', 'gwr@2019', '--corpus', corpus, '--depth', '1']);
      expect(diff.code, diff.stderr).toBe(0);
      expect(diff.stdout.split('\n')[0]).toBe('gwr@2018 (2018) → gwr@2019 (2019)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains what it needs when given fewer than two editions or a missing file', async () => {
    const one = await runMain(['trace', 'corpus/gwr/2019.txt', 'corpus/gwr/2018.txt', '--from', '2019']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/at least two editions/);
    const missing = await runMain(['trace', 'corpus/gwr/2019.txt', 'corpus/gwr/2020.txt']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/2020\.txt/);
  });
});
