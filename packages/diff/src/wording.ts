import type { WordPart } from '@plandiff/model';
import { diffTokens } from './myers.ts';
import { segmentWords } from './segment-words.ts';
import { comparisonForm, isPunctuationOnly } from './text-form.ts';

/** Least bigram overlap (Dice) for a changed stretch to get a word-level diff rather than replace-all. */
const MIN_OVERLAP = 0.25;

/** Counters the benchmarks read to prove jsdiff never gave up on real input. */
export const wordingStats = { calls: 0, timeouts: 0 };

/** Appends a part, merging it into the previous one when the op is the same. */
function push(parts: WordPart[], op: WordPart['op'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Share of bigrams two texts have in common (Dice), to skip word diffs of unrelated stretches. */
function overlap(a: string, b: string): number {
  const grams = (t: string) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const x = grams(comparisonForm(a));
  const y = grams(comparisonForm(b));
  if (x.size + y.size === 0) return 1;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * Word-level diff of one pair of (short) texts: jsdiff over segmentWords tokens. Stretches
 * that share almost nothing are shown as replaced outright: a word diff of unrelated text is only noise.
 */
function diffChunk(a: string, b: string, parts: WordPart[]): void {
  if (a && b && overlap(a, b) < MIN_OVERLAP) {
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  wordingStats.calls++;
  // jsdiff's array diff (our allocation-free port of it) over words, policy terms whole; jsdiff's own
  // diffWords re-tokenises and handles whitespace at several times the cost, which Chinese text does not need.
  const result = diffTokens(segmentWords(a), segmentWords(b), 1000);
  if (!result) {
    wordingStats.timeouts++;
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  for (let i = 0; i < result.length; i++) {
    const c = result[i]!;
    const next = result[i + 1];
    if (c.removed && next?.added) {
      pushReplacement(parts, c.value.join(''), next.value.join(''));
      i++;
    } else push(parts, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value.join(''));
  }
}

/** Length of the common prefix of two strings (forward) or suffix (backward). */
function common(a: string, b: string, backward: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length && a[backward ? a.length - 1 - n : n] === b[backward ? b.length - 1 - n : n]) n++;
  return n;
}

/**
 * A replaced word pair, with a shared affix of two or more characters shown as equal: the segmenter's
 * dictionary holds set phrases (`大力开展`, `深入开展`), and `[-大力][+深入]开展` says what changed. A
 * one-character affix stays inside (`[-碳达峰][+碳中和]`): it is part of the word, not a word of its own.
 */
function pushReplacement(parts: WordPart[], a: string, b: string): void {
  let pre = common(a, b, false);
  if (pre < 2 || pre >= Math.min(a.length, b.length) || insideNumber(a, b, pre, pre)) pre = 0;
  let suf = common(a.slice(pre), b.slice(pre), true);
  if (suf < 2 || pre + suf >= Math.min(a.length, b.length) || insideNumber(a, b, a.length - suf, b.length - suf))
    suf = 0;
  push(parts, 'equal', a.slice(0, pre));
  push(parts, 'delete', a.slice(pre, a.length - suf));
  push(parts, 'insert', b.slice(pre, b.length - suf));
  push(parts, 'equal', b.slice(b.length - suf));
}

const DIGIT = /[0-9０-９.．〇零一二三四五六七八九十百千万亿]/u;

/**
 * True when a cut at `i` in `a` and `j` in `b` falls inside a number: `1200` → `1300` is one figure
 * changed, not `[-12][+13]00`, and `2024年` → `2025年` is a year, not `202[-4][+5]年`.
 */
function insideNumber(a: string, b: string, i: number, j: number): boolean {
  const digitAt = (t: string, k: number) => k >= 0 && k < t.length && DIGIT.test(t[k]!);
  return (digitAt(a, i - 1) || digitAt(b, j - 1)) && (digitAt(a, i) || digitAt(b, j));
}

/** Turns punctuation-only insertions/deletions into the new text's equal part. */
function dropPunctuationChanges(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    if (p.op !== 'equal' && isPunctuationOnly(p.text)) {
      if (p.op === 'insert') push(out, 'equal', p.text);
      continue;
    }
    push(out, p.op, p.text);
  }
  return out;
}

/** Ever finer cuts for long texts: sentences, then clauses. */
const CUTS = [/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/gu, /[^，,：:、]+[，,：:、]*|[，,：:、]+/gu];

/**
 * Diffs a long text by aligning its pieces (sentences, then clauses) first; only the changed stretches
 * go through the word diff, so each jsdiff call stays under `maxChars`.
 */
function diffLong(
  a: string,
  b: string,
  level: number,
  options: { punctuation?: boolean; maxChars: number },
  parts: WordPart[],
): void {
  if (a.length + b.length <= options.maxChars) {
    diffChunk(a, b, parts);
    return;
  }
  const cut = CUTS[level];
  if (!cut) {
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  const sa = a.match(cut) ?? [];
  const sb = b.match(cut) ?? [];
  // Pieces that differ only in punctuation and width are the same piece unless asked otherwise; their
  // comparison forms are computed once (a comparator would recompute them at every step of the search).
  const key = (x: string) => comparisonForm(x, options.punctuation);
  const blocks = diffTokens(sa.map(key), sb.map(key)) ?? [];
  let aAt = 0;
  let bAt = 0;
  for (let i = 0; i < blocks.length; i++) {
    const blk = blocks[i]!;
    if (!blk.added && !blk.removed) {
      // jsdiff reports the old side's pieces for equal runs; show the new wording.
      push(parts, 'equal', sb.slice(bAt, bAt + blk.value.length).join(''));
      aAt += blk.value.length;
      bAt += blk.value.length;
      continue;
    }
    const next = blocks[i + 1];
    if (blk.removed && next?.added) {
      diffLong(
        sa.slice(aAt, aAt + blk.value.length).join(''),
        sb.slice(bAt, bAt + next.value.length).join(''),
        level + 1,
        options,
        parts,
      );
      aAt += blk.value.length;
      bAt += next.value.length;
      i++;
    } else if (blk.added) {
      push(parts, 'insert', sb.slice(bAt, bAt + blk.value.length).join(''));
      bAt += blk.value.length;
    } else {
      push(parts, 'delete', sa.slice(aAt, aAt + blk.value.length).join(''));
      aAt += blk.value.length;
    }
  }
}

/**
 * Word-level diff of two texts (jsdiff with a Chinese word segmenter). Long texts are aligned piece by
 * piece first (see diffLong) so jsdiff's O(ND) search stays small and never reaches its timeout.
 */
export function diffWording(a: string, b: string, options: { punctuation?: boolean; maxChars: number }): WordPart[] {
  const parts: WordPart[] = [];
  diffLong(a, b, 0, options, parts);
  return options.punctuation ? parts : dropPunctuationChanges(parts);
}

/** Compact rendering of a wording diff: `[-推进][+推动]`, for tests and plain text. */
export function renderWording(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'insert' ? `[+${p.text}]` : `[-${p.text}]`)).join('');
}
