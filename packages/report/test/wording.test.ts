import type { WordPart } from '@plandiff/model';
import { describe, expect, it } from 'vitest';
import { sideParts, splitParts, splitWordingByNew } from '../src/wording.ts';

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

describe('splitWordingByNew', () => {
  const render = (list: WordPart[][] | undefined) =>
    list?.map((parts) =>
      parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'insert' ? `[+${p.text}]` : `[-${p.text}]`)).join(''),
    );
  it('cuts a split wording at the new tasks, deletions included, separators dropped', () => {
    const parts: WordPart[] = [
      { op: 'equal', text: '深化产教融合' },
      { op: 'delete', text: '，' },
      { op: 'insert', text: '。' },
      { op: 'equal', text: '支持高校建设一流学科。' },
    ];
    expect(render(splitWordingByNew(parts, ['深化产教融合。', '支持高校建设一流学科。']))).toEqual([
      '深化产教融合[-，][+。]',
      '支持高校建设一流学科。',
    ]);
    expect(render(splitWordingByNew(parts, ['深化产教融合', '支持高校建设一流学科。']))).toBeUndefined();
    const spaced: WordPart[] = [
      { op: 'equal', text: '甲乙' },
      { op: 'insert', text: '\n丙' },
      { op: 'delete', text: '丁' },
    ];
    expect(render(splitWordingByNew(spaced, ['甲乙', '丙']))).toEqual(['甲乙', '[+丙][-丁]']);
  });
  it('takes a single task whole when its text is the new side', () => {
    const parts: WordPart[] = [
      { op: 'delete', text: '推进' },
      { op: 'insert', text: '推动' },
      { op: 'equal', text: '改革' },
    ];
    expect(render(splitWordingByNew(parts, ['推动改革']))).toEqual(['[-推进][+推动]改革']);
  });
});
