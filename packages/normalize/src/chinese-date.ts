import { foldDigits, parseDigitString, parseNumeral } from './chinese-numeral.ts';

const YEAR_DIGIT = '[0-9０-９〇零○Ｏ一二三四五六七八九]';
const SMALL = '(?:[0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})';
const CJK_DATE = new RegExp(`(${YEAR_DIGIT}{4})\\s*年\\s*(${SMALL})\\s*月\\s*(${SMALL})\\s*[日号]`, 'u');
const NUMERIC_DATE = /(?<![0-9.])((?:19|20)\d{2})\s*([-/.．])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![0-9])/;

function small(text: string): number {
  return parseNumeral(text.replace('廿', '二十').replace('卅', '三十'));
}

function toIso(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1800 || year > 2200) return undefined;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Finds the first date in `text` and returns it as ISO `YYYY-MM-DD`: `二〇一二年二月九日`, `2012年2月9日`,
 * `2012-02-09`, `2012.2.9`, `2012/2/9`, full-width digits; undefined when there is no valid date.
 */
export function parseChineseDate(text: string): string | undefined {
  const cjk = CJK_DATE.exec(text);
  if (cjk) {
    const iso = toIso(parseDigitString(cjk[1]!), small(cjk[2]!), small(cjk[3]!));
    if (iso) return iso;
  }
  const numeric = NUMERIC_DATE.exec(foldDigits(text));
  if (numeric) return toIso(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]));
  return undefined;
}
