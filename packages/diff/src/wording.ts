import type { WordPart } from '@plandiff/model';
import { diffArrays, diffWords } from 'diff';
import { isPunctuationOnly } from './text-form.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Counters the benchmarks read to prove jsdiff never gave up on real input. */
export const wordingStats = { calls: 0, timeouts: 0 };

/** Splits Chinese text into sentences, keeping the end mark with its sentence. */
function splitSentences(text: string): string[] {
  return text.match(/[^。！？!?；;]+[。！？!?；;]*|[。！？!?；;]+/gu) ?? [];
}

/** Appends a part, merging it into the previous one when the op is the same. */
function push(parts: WordPart[], op: WordPart['op'], text: string): void {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Word-level diff of one pair of (short) texts through jsdiff with a Chinese word segmenter. */
function diffChunk(a: string, b: string, parts: WordPart[]): void {
  wordingStats.calls++;
  const result = diffWords(a, b, { intlSegmenter: segmenter, timeout: 1000 });
  if (!result) {
    wordingStats.timeouts++;
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return;
  }
  for (const c of result) push(parts, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value);
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

/**
 * Word-level diff of two texts. Long texts are first aligned sentence by sentence, and only the
 * changed stretches go through the word diff, so input size stays capped at `maxChars` per call.
 */
export function diffWording(a: string, b: string, options: { punctuation?: boolean; maxChars: number }): WordPart[] {
  const parts: WordPart[] = [];
  if (a.length + b.length <= options.maxChars) diffChunk(a, b, parts);
  else {
    const sa = splitSentences(a);
    const sb = splitSentences(b);
    const blocks = diffArrays(sa, sb);
    for (let i = 0; i < blocks.length; i++) {
      const blk = blocks[i]!;
      if (!blk.added && !blk.removed) {
        push(parts, 'equal', blk.value.join(''));
        continue;
      }
      const next = blocks[i + 1];
      if (blk.removed && next?.added) {
        const x = blk.value.join('');
        const y = next.value.join('');
        if (x.length + y.length <= options.maxChars) diffChunk(x, y, parts);
        else {
          push(parts, 'delete', x);
          push(parts, 'insert', y);
        }
        i++;
      } else push(parts, blk.added ? 'insert' : 'delete', blk.value.join(''));
    }
  }
  return options.punctuation ? parts : dropPunctuationChanges(parts);
}

/** Compact rendering of a wording diff: `[-推进][+推动]`, for tests and plain text. */
export function renderWording(parts: readonly WordPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'insert' ? `[+${p.text}]` : `[-${p.text}]`)).join('');
}
