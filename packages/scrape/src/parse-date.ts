/** A calendar date found in text, with where it was found. */
export interface DateMatch {
  /** ISO `YYYY-MM-DD`. */
  iso: string;
  index: number;
  length: number;
  /** True when a clock time (`12:30`) follows the date — typical of a publication stamp. */
  withTime: boolean;
}

const HAN_DIGITS: Record<string, number> = Object.fromEntries([
  ...[...'〇○零ＯОO'].map((c) => [c, 0]),
  ...[...'一二三四五六七八九'].map((c, i) => [c, i + 1]),
  ['两', 2],
]);

const D = '[0-9０-９]';
const H = '[〇○零ＯОO一二三四五六七八九]';
const HM = '[一二三四五六七八九十]';
// Arabic or full-width: 2012年2月9日, 2012-02-09, 2012/2/9, 2012.02.09, 2012_02_09 (URL stamps).
const ARABIC = new RegExp(
  `(?<![0-9０-９])(${D}{4})\\s*(?:年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日?|[-/.．／_](${D}{1,2})[-/.．／_](${D}{1,2})(?![0-9０-９]))`,
  'g',
);
// Han numerals: 二〇一二年二月九日, 二○一二年十二月三十一日.
const HAN = new RegExp(`(${H}{4})\\s*年\\s*(${HM}{1,3})\\s*月\\s*(${HM}{1,4})\\s*日`, 'g');
const TIME_AFTER = /^\s*(?:日)?\s*(?:[（(]?[^\d\n]{0,6}[)）]?)?\s*\d{1,2}[:：时]\d{1,2}/;

/** Finds every plausible calendar date in `text` (Arabic, full-width and 〇-numeral forms). */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const year = toInt(m[1]);
    const month = toInt(m[2] ?? m[4]);
    const day = toInt(m[3] ?? m[5]);
    push(out, text, m.index, m[0].length, year, month, day);
  }
  for (const m of text.matchAll(HAN)) {
    const year = Number([...(m[1] ?? '')].map((c) => HAN_DIGITS[c] ?? 0).join(''));
    push(out, text, m.index, m[0].length, year, hanNumber(m[2] ?? ''), hanNumber(m[3] ?? ''));
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Parses the first date in `text` to ISO `YYYY-MM-DD`, or undefined when there is none. */
export function parseDateText(text: string): string | undefined {
  return findDates(text)[0]?.iso;
}

function push(out: DateMatch[], text: string, index: number, length: number, y: number, m: number, d: number) {
  if (!validDate(y, m, d)) return;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const withTime = TIME_AFTER.test(text.slice(index + length, index + length + 16));
  out.push({ iso, index, length, withTime });
}

/** True for a real calendar day in 1949–2100 (the years a government page can carry). */
export function validDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1949 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Number of an ASCII or full-width digit string (`０９` → 9); NaN when absent. */
export function toInt(s: string | undefined): number {
  if (!s) return Number.NaN;
  return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
}

/** 九 → 9, 十二 → 12, 二十九 → 29, 三十一 → 31. */
function hanNumber(s: string): number {
  if (!s) return Number.NaN;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? (HAN_DIGITS[s] ?? Number.NaN) : Number.NaN;
  const tens = i === 0 ? 1 : (HAN_DIGITS[s[0] ?? ''] ?? Number.NaN);
  const ones = i === s.length - 1 ? 0 : (HAN_DIGITS[s[i + 1] ?? ''] ?? Number.NaN);
  return tens * 10 + ones;
}
