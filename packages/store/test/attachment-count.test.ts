import { describe, expect, it } from 'vitest';
import { type AttachmentInput, importSources, initCorpus, MAX_ATTACHMENTS, type SourceInput } from '../src/index.ts';
import { fakeNormalizer } from './fake-normalizer.ts';
import { git, planBytes, tempDir } from './helpers.ts';

// attachment-<n> names stop at MAX_ATTACHMENTS (isAttachmentFile): a source with more is refused as
// that source's own failure, before any write, never as an internal error that stops the whole import.
const attachment = (i: number): AttachmentInput => ({
  bytes: Buffer.from(`file ${i}`),
  name: `附件${i}.xlsx`,
  url: `https://example.gov.cn/${i}.xlsx`,
  kind: 'xlsx',
});
const input = (series: string, attachments: AttachmentInput[]): SourceInput => ({
  bytes: planBytes(2012),
  kind: 'txt',
  series,
  edition: '2012',
  label: `${series}.txt`,
  attachments,
});

describe('a source with more attachments than the store names', () => {
  it("is that source's own failure in collect mode; the others are stored", async () => {
    const dir = tempDir();
    await initCorpus(dir);
    const many = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) => attachment(i + 1));
    const report = await importSources(dir, [input('edu', many), input('health', [attachment(1)])], {
      normalizer: fakeNormalizer,
      onError: 'collect',
    });
    expect(report.failures.map((f) => [f.label, f.code])).toEqual([['edu.txt', 'USAGE']]);
    expect(git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n')).toContain('health/2012/attachment-1.xlsx');
    await expect(importSources(dir, [input('edu', many)], { normalizer: fakeNormalizer })).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
