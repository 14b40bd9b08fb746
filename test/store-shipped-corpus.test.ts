import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import { importSources, listEditions, rebuildCorpus, type SourceInput } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { runMain } from './helpers/run-main.ts';

const GWR = join(ROOT, 'corpus', 'gwr');
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

// Point 5: corpus/ ships sources, not a store. They import into a scratch corpus (never into this
// repository), byte for byte, and the store is reproducible: rebuilding changes nothing.
describe('the shipped corpus/gwr imports into a scratch corpus', () => {
  it('stores all 52 reports in one commit, byte-exact; re-import and rebuild change nothing', async () => {
    const files = readdirSync(GWR)
      .filter((f) => /^\d{4}\.txt$/.test(f))
      .sort();
    expect(files).toHaveLength(52);
    const corpus = join(mkdtempSync(join(tmpdir(), 'plandiff-')), 'corpus');
    const run = await runMain([
      'import',
      ...files.map((f) => join(GWR, f)),
      '--series',
      'gwr',
      '--edition-from',
      'file',
      '--issuer',
      '国务院',
      '--corpus',
      corpus,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.match(/^added/gm)).toHaveLength(52);
    expect(Number(git(corpus, 'rev-list', '--count', 'HEAD'))).toBe(2); // init + one import
    const editions = listEditions(corpus, 'gwr');
    expect(editions.map((e) => `${e.edition}.txt`)).toEqual(files);
    for (const f of files) {
      const stored = readFileSync(join(corpus, 'gwr', f.slice(0, 4), 'source.txt'));
      expect(stored.equals(readFileSync(join(GWR, f))), f).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(corpus, 'corpus.json'), 'utf8')).series.gwr.issuer).toBe('国务院');

    const sources: SourceInput[] = files.map((f) => ({
      bytes: readFileSync(join(GWR, f)),
      kind: 'txt',
      series: 'gwr',
      edition: f.slice(0, 4),
      label: f,
    }));
    const again = await importSources(corpus, sources, { normalizer: storeNormalizer });
    expect(again.editions.every((e) => e.status === 'unchanged')).toBe(true);
    expect(again.commit).toBeUndefined();
    const rebuilt = await rebuildCorpus(corpus, { normalizer: storeNormalizer });
    expect(rebuilt.checked).toHaveLength(52);
    expect(rebuilt.changed).toEqual([]);
    expect(rebuilt.commit).toBeUndefined();
    expect(Number(git(corpus, 'rev-list', '--count', 'HEAD'))).toBe(2);
    expect(git(corpus, 'status', '--porcelain')).toBe('');
    // This repository was not touched.
    expect(git(ROOT, 'status', '--porcelain', '--', 'corpus')).toBe('');
  }, 120_000);
});
