import type { WordPart } from '@plandiff/model';
import { DeletedTextRun, InsertedTextRun, type ParagraphChild, TextRun } from 'docx';

/** Who made the tracked changes and when (ISO 8601, seconds), plus the counter that keeps revision ids unique. */
export interface Revisions {
  author: string;
  date: string;
  next: () => number;
}

/** A wording as Word runs: equal text plain, insertions as w:ins, deletions as w:del. */
export function trackedRuns(
  parts: readonly WordPart[],
  revisions: Revisions,
  style: { bold?: boolean } = {},
): ParagraphChild[] {
  // A line break inside a text is a break in the run (Word shows a raw newline as a space).
  return parts
    .filter((part) => part.text !== '')
    .flatMap((part) =>
      part.text.split(/\r\n?|\n/).map((line, i) => {
        const base = { text: line, ...style, ...(i > 0 ? { break: 1 } : {}) };
        if (part.op === 'equal') return new TextRun(base);
        const mark = { id: revisions.next(), author: revisions.author, date: revisions.date };
        return part.op === 'insert'
          ? new InsertedTextRun({ ...base, ...mark })
          : new DeletedTextRun({ ...base, ...mark });
      }),
    );
}

/** Tokens of a short text: numbers and Latin words whole, every other character alone. */
const tokens = (text: string): string[] => text.match(/[0-9０-９.%％]+|[A-Za-z]+|[\s\S]/gu) ?? [];

/**
 * The edit of a short text (a title, a heading) as parts, by the longest common run of tokens, so
 * `2024年…要点` → `2025年…要点（征求意见稿）` keeps `年…要点` and changes only the year and the end.
 */
export function editParts(before: string, after: string): WordPart[] {
  if (before === after) return after ? [{ op: 'equal', text: after }] : [];
  const a = tokens(before);
  const b = tokens(after);
  // lcs[i][j]: common tokens of a[i:] and b[j:] (headings are short, so the table is small).
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: WordPart[] = [];
  const push = (op: WordPart['op'], text: string): void => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('equal', a[i]!);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      push('delete', a[i++]!); // deletions before insertions, as Word and jsdiff show them
    } else {
      push('insert', b[j++]!);
    }
  }
  return out;
}
