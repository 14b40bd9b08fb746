import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  importSources,
  initCorpus,
  listEditions,
  listSeries,
  loadRef,
  logEdition,
  rebuildCorpus,
} from '../src/index.ts';
import { fakeNormalizer } from './fake-normalizer.ts';
import { commitCount, git, planBytes, tempDir } from './helpers.ts';

const normalizer = fakeNormalizer;
let dir: string;

beforeEach(async () => {
  dir = tempDir();
  await initCorpus(dir);
});

function importOne(bytes: Buffer, edition?: string, extra: Record<string, string> = {}) {
  return importSources(
    dir,
    [
      {
        bytes,
        kind: 'txt',
        series: 'edu',
        label: 'plan.txt',
        fileName: '/home/me/plan.txt',
        ...(edition ? { edition } : {}),
        ...extra,
      },
    ],
    { normalizer },
  );
}

describe('import', () => {
  it('writes the layout and one commit; the same bytes again make no commit', async () => {
    const bytes = planBytes(2012);
    const first = await importOne(bytes);
    expect(first.editions[0]).toMatchObject({ edition: '2012', status: 'added' });
    expect(first.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync(join(dir, 'edu/2012/source.txt')).equals(bytes)).toBe(true);
    const record = JSON.parse(readFileSync(join(dir, 'edu/2012/source.json'), 'utf8'));
    expect(record).toMatchObject({ file: 'source.txt', fileName: 'plan.txt', size: bytes.length });
    expect(JSON.parse(readFileSync(join(dir, 'edu/2012/plan.json'), 'utf8')).source.path).toBe('edu/2012/source.txt');
    expect(readFileSync(join(dir, 'edu/2012/plan.md'), 'utf8')).toContain('# 2012年工作要点');
    expect(JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')).series).toHaveProperty('edu');
    const count = commitCount(dir);
    const again = await importOne(bytes);
    expect(again.editions[0]?.status).toBe('unchanged');
    expect(again.commit).toBeUndefined();
    expect(commitCount(dir)).toBe(count);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('changed bytes make exactly one commit; log and ~1 show both versions', async () => {
    await importOne(planBytes(2012, '一、旧的任务'));
    const count = commitCount(dir);
    const second = await importOne(planBytes(2012, '一、新的任务', '二、另一项'));
    expect(second.editions[0]?.status).toBe('updated');
    expect(commitCount(dir)).toBe(count + 1);
    const versions = await logEdition(dir, 'edu@2012');
    expect(versions).toHaveLength(2);
    expect(versions[0]?.commit).toBe(second.commit);
    expect(versions[0]?.sha256).not.toBe(versions[1]?.sha256);
    expect((await loadRef(dir, 'edu@2012')).plan.units.map((u) => u.heading)).toEqual(['一、新的任务', '二、另一项']);
    const old = await loadRef(dir, 'edu@2012~1');
    expect(old.plan.units.map((u) => u.heading)).toEqual(['一、旧的任务']);
    await expect(loadRef(dir, 'edu@2012~2')).rejects.toThrow(/only 2 versions/);
  });

  it('orders editions and resolves latest', async () => {
    for (const year of [2013, 2009, 2011]) await importOne(planBytes(year));
    expect(listEditions(dir, 'edu').map((e) => e.edition)).toEqual(['2009', '2011', '2013']);
    expect((await loadRef(dir, 'edu@latest')).edition).toBe('2013');
    expect(listSeries(dir)).toEqual([{ series: 'edu', info: {}, editions: ['2009', '2011', '2013'] }]);
  });

  it('strips credentials from URLs and keeps only selected headers', async () => {
    await importSources(
      dir,
      [
        {
          bytes: planBytes(2014),
          kind: 'html',
          series: 'edu',
          label: 'u',
          url: 'https://user:secret@example.org/a',
          finalUrl: 'https://user:secret@example.org/b',
          fetchedAt: '2026-01-01T00:00:00Z',
          headers: { 'Content-Type': 'text/html', 'Set-Cookie': 'id=1' },
        },
      ],
      { normalizer },
    );
    const text = readFileSync(join(dir, 'edu/2014/source.json'), 'utf8');
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({ url: 'https://example.org/a', headers: { 'content-type': 'text/html' } });
    expect(text).not.toContain('id=1');
    expect(existsSync(join(dir, 'edu/2014/source.html'))).toBe(true);
  });

  it('asks for --edition when the plan has no year', async () => {
    await expect(importOne(Buffer.from('无年份\n一、事项\n'))).rejects.toThrow(/no year found.*--edition/);
    expect(commitCount(dir)).toBe(1);
  });
});

describe('validation of stored plans', () => {
  it('names the file and the zod issue path', async () => {
    await importOne(planBytes(2012));
    const file = join(dir, 'edu/2012/plan.json');
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    plan.units[1].depth = 'deep';
    writeFileSync(file, JSON.stringify(plan));
    // Readers read committed plans only: the bad plan is committed, as a shared corpus could carry it.
    git(dir, 'commit', '-qam', 'bad plan');
    await expect(loadRef(dir, 'edu@2012')).rejects.toThrow(/edu\/2012\/plan\.json: invalid plan at units\[1\]\.depth/);
    expect(() => listEditions(dir, 'edu')).toThrow(/plan\.json: invalid plan at units\[1\]\.depth/);
    writeFileSync(file, '{ not json');
    git(dir, 'commit', '-qam', 'not json');
    await expect(loadRef(dir, 'edu@2012')).rejects.toThrow(/plan\.json: not valid JSON/);
  });
});

describe('rebuild', () => {
  it('makes no commit when nothing changed, one commit when the normalizer output changed', async () => {
    await importOne(planBytes(2011));
    await importOne(planBytes(2012));
    const count = commitCount(dir);
    const same = await rebuildCorpus(dir, { normalizer });
    expect(same).toMatchObject({ changed: [], checked: ['edu@2011', 'edu@2012'] });
    expect(same.commit).toBeUndefined();
    const changed = await rebuildCorpus(dir, {
      normalizer: { ...normalizer, render: (plan) => `## ${plan.title}\n` },
    });
    expect(changed.changed).toEqual(['edu@2011', 'edu@2012']);
    expect(commitCount(dir)).toBe(count + 1);
    expect(readFileSync(join(dir, 'edu/2012/plan.md'), 'utf8')).toBe('## 2012年工作要点\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('is all-or-nothing when a source fails to parse', async () => {
    await importOne(planBytes(2011));
    const count = commitCount(dir);
    const failing = {
      parse: () => {
        throw new Error('boom');
      },
      render: () => '',
    };
    await expect(rebuildCorpus(dir, { normalizer: failing })).rejects.toThrow(/edu@2011: boom/);
    expect(commitCount(dir)).toBe(count);
  });
});
