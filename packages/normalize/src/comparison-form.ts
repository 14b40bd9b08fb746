import { variantFolds } from './variants.ts';

/** Full-width forms that have a half-width twin, plus CJK punctuation folded to the ASCII we compare on. */
const PUNCTUATION: Record<string, string> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '；': ';',
  '：': ':',
  '？': '?',
  '！': '!',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '—': '-',
  '–': '-',
  '－': '-',
  '～': '~',
  '·': '.',
  '・': '.',
  '…': '...',
};

/** Per BMP code unit: 0 keep, -1 drop, -2 three dots (`…`), else the code it folds to. */
let table: Int32Array | undefined;

function buildTable(): Int32Array {
  const t = new Int32Array(0x10000);
  for (let code = 0xff01; code <= 0xff5e; code++) t[code] = code - 0xfee0;
  for (const [ch, ascii] of Object.entries(PUNCTUATION))
    if (ascii.length === 1) t[ch.charCodeAt(0)] = ascii.charCodeAt(0);
  for (const [point, folded] of variantFolds())
    if (point <= 0xffff && folded.length === 1) t[point] = folded.charCodeAt(0);
  // Whitespace and invisible characters.
  for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0xad, 0x3000, 0xfeff]) t[code] = -1;
  for (let code = 0x2000; code <= 0x200f; code++) t[code] = -1;
  for (let code = 0x2028; code <= 0x202f; code++) t[code] = -1;
  for (let code = 0x205f; code <= 0x206f; code++) t[code] = -1;
  t[0x2026] = -2;
  return t;
}

/**
 * The canonical form two texts are compared in: full-width letters, digits and punctuation folded to
 * ASCII, CJK punctuation folded to its ASCII counterpart, whitespace and invisible characters removed,
 * traditional and variant characters folded to simplified (`要點` = `要点`). Idempotent. One pass
 * over the text through a table, since it runs on every unit.
 */
export function toComparisonForm(text: string): string {
  table ??= buildTable();
  const out = new Uint16Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = table[code]!;
    if (mapped === 0) out[n++] = code;
    else if (mapped > 0) out[n++] = mapped;
    else if (mapped === -2) {
      out[n++] = 0x2e;
      out[n++] = 0x2e;
      out[n++] = 0x2e;
    }
  }
  let result = '';
  for (let at = 0; at < n; at += 8192) result += String.fromCharCode(...out.subarray(at, Math.min(n, at + 8192)));
  return result;
}
