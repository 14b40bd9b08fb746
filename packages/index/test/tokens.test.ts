import { describe, expect, it } from 'vitest';
import { foldText, parseQuery, tokenizeText } from '../src/index.ts';
import { makeSnippet, markSnippet } from '../src/snippet.ts';

describe('tokens, queries and snippets', () => {
  it('indexes words, bigrams and single characters of each Han run; Latin and digits whole', () => {
    const t = tokenizeText('推进学前教育，建设5G基站。');
    expect(t.grams.split(' ')).toEqual(['推进', '进学', '学前', '前教', '教育', '建设', '5g', '基站']);
    expect(t.chars.split(' ')).toEqual(['推', '进', '学', '前', '教', '育', '建', '设', '基', '站']);
    expect(t.words.split(' ')).toContain('建设');
    expect(t.words).not.toMatch(/[，。]/);
  });

  it('folds traditional characters, full-width forms and case', () => {
    expect(foldText('義務教育ＧＤＰ　９＋３')).toBe('义务教育gdp9+3');
  });

  it('compiles one-character terms to the character column, longer ones to a bigram phrase (plus words)', () => {
    expect(parseQuery(['教']).match).toBe('(chars : "教")');
    expect(parseQuery(['教育']).match).toMatch(/^\(\(grams : "教育" OR words : "教育"\)\)$/);
    expect(parseQuery(['义务教育 均衡']).match).toContain('grams : "义务 务教 教育 育均 均衡"');
    expect(parseQuery(['"学前 教育" 园']).terms.map((t) => t.runs)).toEqual([['学前教育'], ['园']]);
  });

  it('highlights hits in the printed text, traditional or not, and marks cut ends', () => {
    const text = `${'前文'.repeat(30)}推進義務教育均衡發展。${'后文'.repeat(80)}`;
    const s = makeSnippet(text, ['义务教育']);
    expect(markSnippet(s, '«', '»')).toMatch(/^…(前文)+推進«義務教育»均衡發展。(后文)+后?…$/);
  });
});
