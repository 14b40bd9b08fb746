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

const FOLDABLE = /[\uff01-\uff5e，。、；：？！“”‘’「」『』《》〈〉【】〔〕—–～·・…]|\s+/gu;

/**
 * The canonical form two texts are compared in: full-width letters, digits and punctuation folded to
 * ASCII, CJK punctuation folded to its ASCII counterpart, whitespace removed. Idempotent.
 */
export function toComparisonForm(text: string): string {
  return text.replace(FOLDABLE, (ch) => {
    if (/^\s+$/u.test(ch)) return '';
    const mapped = PUNCTUATION[ch];
    if (mapped !== undefined) return mapped;
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  });
}
