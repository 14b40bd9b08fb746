import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePlan, renderOutline } from '../packages/normalize/src/index.ts';
import { expectFixture } from './helpers/expect-fixture.ts';
import { ROOT } from './helpers/run-cli.ts';

/**
 * Fixture cases: test/fixtures/normalize/<case>/input.txt → expected.json ({plan, diagnostics})
 * and expected.md (the outline). `UPDATE=1 npx vitest run test/normalize-fixtures.test.ts`
 * rewrites the expectations; read the diff before committing it.
 */
const DIR = join(ROOT, 'test', 'fixtures', 'normalize');
const CASES = readdirSync(DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(DIR, entry.name, 'input.txt')))
  .map((entry) => entry.name)
  .sort();

describe('normalizer fixtures (acceptance 4)', () => {
  it('has the seed, three eras of Government Work Reports and damaged inputs', () => {
    expect(CASES).toContain('seed');
    expect(CASES.filter((name) => name.startsWith('gwr-')).length).toBeGreaterThanOrEqual(3);
    expect(CASES.filter((name) => name.startsWith('damaged-')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('%s', (name) => {
    const bytes = readFileSync(join(DIR, name, 'input.txt'));
    const source = { path: 'input.txt', sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8' };
    const result = normalizePlan(bytes.toString('utf8'), { source });
    const json = `${JSON.stringify(result, null, 2)}\n`;
    const md = renderOutline(result.plan);
    const jsonPath = join(DIR, name, 'expected.json');
    const mdPath = join(DIR, name, 'expected.md');
    expectFixture(json, jsonPath);
    expectFixture(md, mdPath);
  });
});
