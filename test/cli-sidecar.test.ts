import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.ts';

const body = '各位代表：\n\n现在报告工作。\n\n一、回顾\n\n过去一年很好。\n\n二、任务\n\n今年要做好工作。\n';

describe('SOURCES.tsv beside a text plan', () => {
  it('gives the plan its title and source URL when the text has no title line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-sidecar-'));
    writeFileSync(join(dir, '1999.txt'), body);
    writeFileSync(join(dir, 'SOURCES.tsv'), 'year\ttitle\turl\n1999\t1999年政府工作报告\thttps://example.org/1999\n');
    const run = await runMain(['parse', join(dir, '1999.txt')]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.title).toBe('1999年政府工作报告');
    expect(plan.source.url).toBe('https://example.org/1999');
    expect(plan.year).toBe(1999);
  });

  it('leaves the title empty when no row names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-sidecar-'));
    writeFileSync(join(dir, '2001.txt'), body.replace('各位代表：\n\n', ''));
    writeFileSync(join(dir, 'SOURCES.tsv'), 'year\ttitle\turl\n1999\t1999年政府工作报告\thttps://example.org/1999\n');
    const plan = JSON.parse((await runMain(['parse', join(dir, '2001.txt')])).stdout);
    expect(plan.title).toBe('');
    expect(plan.source.url).toBeUndefined();
  });
});
