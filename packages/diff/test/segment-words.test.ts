import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_TERMS } from '@plandiff/lexicon';
import { describe, expect, it } from 'vitest';
import { diffWording, renderWording, segmentWords } from '../src/index.ts';
import { chunkText, MAX_SEGMENT_CHARS } from '../src/segment-words.ts';
import { ROOT } from './helpers/seed-plan.ts';

const YEARS = [2008, 2012, 2016, 2019, 2022, 2025];
const sentences = YEARS.flatMap((y) =>
  readFileSync(join(ROOT, 'corpus', 'gwr', `${y}.txt`), 'utf8').split(/(?<=[。；！？\n])/u),
);
const labelled = readFileSync(join(import.meta.dirname, 'fixtures', 'segment', 'policy-terms-labelled.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split('\t') as [string, string]);

/** Share of a term's occurrences that no token boundary cuts, over the sampled reports. */
function wholeShare(label: string): number {
  let n = 0;
  let whole = 0;
  for (const [term, l] of labelled) {
    if (l !== label) continue;
    for (const s of sentences) {
      if (!s.includes(term)) continue;
      const cuts = new Set<number>();
      let at = 0;
      for (const w of segmentWords(s)) {
        at += w.length;
        cuts.add(at);
      }
      for (let i = s.indexOf(term); i >= 0; i = s.indexOf(term, i + 1)) {
        n++;
        let cut = false;
        for (let k = i + 1; k < i + term.length; k++) if (cuts.has(k)) cut = true;
        if (!cut) whole++;
      }
    }
  }
  return whole / n;
}

describe('segmentWords', () => {
  it('keeps the policy terms of the user dictionary whole wherever the reports use them', () => {
    expect(segmentWords('加快幼儿园建设，推进城镇化，实现碳达峰，落实双减，发展普惠托育')).toEqual([
      '加快',
      '幼儿园',
      '建设',
      '，',
      '推进',
      '城镇化',
      '，',
      '实现',
      '碳达峰',
      '，',
      '落实',
      '双减',
      '，',
      '发展',
      '普惠托育',
    ]);
    expect(wholeShare('dict')).toBe(1);
  });

  it('keeps most terms it was not told about whole too (the base segmenter, held-out terms)', () => {
    // Intl.Segmenter keeps 12% of these whole, jieba 77% (bench/segment-compare.ts).
    expect(wholeShare('held-out')).toBeGreaterThanOrEqual(0.7);
  });

  it('gives the text back exactly, and never segments more than 64 characters in one call', () => {
    const text = readFileSync(join(ROOT, 'corpus', 'gwr', '2024.txt'), 'utf8');
    expect(segmentWords(text).join('')).toBe(text);
    const unbroken = '推进新型城镇化'.repeat(3000);
    const chunks = chunkText(unbroken);
    expect(chunks.join('')).toBe(unbroken);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(MAX_SEGMENT_CHARS);
    expect(segmentWords(unbroken).join('')).toBe(unbroken);
  });
});

describe('wording diffs with policy terms', () => {
  it('shows a replaced term whole, not a changed half-word', () => {
    // Intl.Segmenter cuts 城镇|化 and 工业|化, which gives `[-城镇][+工业]化`.
    expect(renderWording(diffWording('持续推进城镇化', '持续推进工业化', { maxChars: 200 }))).toBe(
      '持续推进[-城镇化][+工业化]',
    );
    expect(renderWording(diffWording('全面落实双减', '全面落实减负', { maxChars: 200 }))).toBe(
      '全面落实[-双减][+减负]',
    );
  });

  it('shows what changed in a set phrase, keeping its shared part equal', () => {
    expect(renderWording(diffWording('大力开展文明教育', '深入开展文明教育', { maxChars: 200 }))).toBe(
      '[-大力][+深入]开展文明教育',
    );
  });

  it('changes a number or a year as a whole, never a few of its digits', () => {
    const w = (a: string, b: string) => renderWording(diffWording(a, b, { maxChars: 200 }));
    expect(w('城镇新增就业1200万人以上', '城镇新增就业1300万人以上')).toBe('城镇新增就业[-1200][+1300]万人以上');
    expect(w('二、2024年经济社会发展总体要求', '二、2025年经济社会发展总体要求')).toBe(
      '二、[-2024][+2025]年经济社会发展总体要求',
    );
  });
});

describe('the policy-term user dictionary', () => {
  it('is the lexicon’s POLICY_TERMS list (ruleId policy-term), and every term comes out as one token', () => {
    expect(POLICY_TERMS.ruleId).toBe('policy-term');
    for (const term of ['幼儿园', '城镇化', '碳达峰', '双减', '普惠']) expect(POLICY_TERMS.terms).toContain(term);
    // Alone and inside a sentence: the dictionary wins over jieba's own cut.
    for (const term of POLICY_TERMS.terms) {
      expect(segmentWords(term), term).toEqual([term]);
      expect(segmentWords(`我们要推进${term}工作。`), term).toContain(term);
    }
    // The labelled fixture's dict terms are exactly the lexicon's terms that the fixture labels.
    for (const [term, label] of labelled) if (label === 'dict') expect(POLICY_TERMS.terms, term).toContain(term);
  });
});
