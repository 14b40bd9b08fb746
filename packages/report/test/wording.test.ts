import { describe, expect, it } from 'vitest';
import { sideParts, splitParts } from '../src/wording.ts';

describe('sideParts / splitParts', () => {
  const wording = [
    { op: 'equal', text: '深化产教融合' },
    { op: 'delete', text: '，' },
    { op: 'insert', text: '。' },
    { op: 'equal', text: '支持高校建设一流学科。' },
  ] as const;

  it('keeps equal text plus the side own edits', () => {
    expect(
      sideParts([...wording], 'old')
        .map((p) => p.text)
        .join(''),
    ).toBe('深化产教融合，支持高校建设一流学科。');
    expect(
      sideParts([...wording], 'new')
        .map((p) => p.text)
        .join(''),
    ).toBe('深化产教融合。支持高校建设一流学科。');
  });

  it('cuts a split side back into its tasks when the texts line up', () => {
    const parts = sideParts([...wording], 'new');
    expect(splitParts(parts, ['深化产教融合。', '支持高校建设一流学科。'])).toEqual([
      [
        { op: 'equal', text: '深化产教融合' },
        { op: 'insert', text: '。' },
      ],
      [{ op: 'equal', text: '支持高校建设一流学科。' }],
    ]);
    expect(splitParts(parts, ['深化产教融合。', '支持高校建设一流学科。'].reverse())).toBeUndefined();
  });

  it('also cuts when the tasks were joined with a line break', () => {
    const parts = [{ op: 'equal' as const, text: '甲。\n乙。' }];
    expect(splitParts(parts, ['甲。', '乙。'])).toEqual([
      [{ op: 'equal', text: '甲。' }],
      [{ op: 'equal', text: '乙。' }],
    ]);
  });
});
