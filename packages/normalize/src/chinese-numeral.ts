const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with (digits and 十/百/千), for building patterns. */
export const CHINESE_NUMERAL = '〇零一二两三四五六七八九十百千';

/** Folds full-width digits ０-９ to ASCII. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Value of a Chinese numeral (`十三` → 13, `二十` → 20, `一百零五` → 105) or ASCII digits; NaN if neither. */
export function parseNumeral(text: string): number {
  const folded = foldDigits(text);
  if (/^\d+$/.test(folded)) return Number(folded);
  let total = 0;
  let pending = -1;
  for (const ch of folded) {
    const digit = DIGITS[ch];
    const unit = UNITS[ch];
    if (digit !== undefined) pending = digit;
    else if (unit !== undefined) {
      total += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
    } else return Number.NaN;
  }
  return total + Math.max(pending, 0);
}

/** Reads digit-by-digit numerals (`二〇一二` → 2012), as years are written; NaN if any character is not a digit. */
export function parseDigitString(text: string): number {
  let out = '';
  for (const ch of foldDigits(text)) {
    if (ch >= '0' && ch <= '9') out += ch;
    else {
      const digit = DIGITS[ch];
      if (digit === undefined) return Number.NaN;
      out += String(digit);
    }
  }
  return out === '' ? Number.NaN : Number(out);
}
