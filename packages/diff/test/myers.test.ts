import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTokens } from '../src/myers.ts';

/** jsdiff's components without its bookkeeping fields, for comparison. */
const jsdiff = (a: string[], b: string[]) =>
  diffArrays(a, b).map((c) => ({ added: Boolean(c.added), removed: Boolean(c.removed), value: c.value }));

describe('diffTokens (the word diffs’ Myers search)', () => {
  it('gives exactly jsdiff’s diffArrays script on random token lists', () => {
    // A small alphabet makes many equal tokens, so ties between equally short scripts are common:
    // the port must break them as jsdiff does, not merely find some shortest script.
    const tokens = fc.array(fc.constantFrom('发展', '改革', '推进', '加强', '，', '。', '城镇化'), { maxLength: 40 });
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(diffTokens(a, b)).toEqual(jsdiff(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles empty sides and identical lists', () => {
    expect(diffTokens([], [])).toEqual([]);
    expect(diffTokens([], ['a', 'b'])).toEqual([{ added: true, removed: false, value: ['a', 'b'] }]);
    expect(diffTokens(['a'], [])).toEqual([{ added: false, removed: true, value: ['a'] }]);
    expect(diffTokens(['a', 'b'], ['a', 'b'])).toEqual([{ added: false, removed: false, value: ['a', 'b'] }]);
  });

  it('gives up after its timeout', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    expect(diffTokens(a, b, 0)).toBeUndefined();
  });
});
