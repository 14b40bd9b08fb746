import { toInt, validDate } from './parse-date.ts';

/**
 * Dates printed without a full year, read only where a label says a date follows (`发布时间：`):
 * two-digit years (`18-03-08`, `18年3月8日`) and month-day stamps (`10-08`, `10月8日`), whose year
 * the caller resolves from elsewhere on the page.
 */
export interface ShortDate {
  /** Full year for a two-digit year; undefined for a month-day stamp. */
  year?: number;
  month: number;
  day: number;
  index: number;
  length: number;
  /** The text as printed. */
  text: string;
}

const D = '[0-9０-９]';
// 18-03-08, 18.03.08, 18年3月8日 — never 18/03/08, which sites also print day-first.
const TWO_DIGIT_YEAR = new RegExp(
  `(?<![0-9０-９])(${D}{2})(?:[-.．](${D}{1,2})[-.．](${D}{1,2})|\\s*年\\s*(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*日?)(?![0-9０-９.．-])`,
  'u',
);
// 10-08, 10月8日, 10/08 (month first, as Chinese pages print it).
const MONTH_DAY = new RegExp(
  `(?<![0-9０-９年./-])(${D}{1,2})(?:[-/](${D}{1,2})|\\s*月\\s*(${D}{1,2})\\s*日)(?![0-9０-９]|[-/.][0-9０-９])`,
  'u',
);

/**
 * The first short date at the start of `text` (what follows a date label), or undefined. Two-digit
 * years are read as 20YY up to next year and 19YY above (`98-05-01` → 1998), relative to `now`.
 */
export function readShortDate(text: string, now = new Date()): ShortDate | undefined {
  const head = text.slice(0, 24);
  const two = TWO_DIGIT_YEAR.exec(head);
  if (two && two.index <= 2) {
    const yy = toInt(two[1]);
    const pivot = (now.getUTCFullYear() % 100) + 1;
    const year = yy <= pivot ? 2000 + yy : 1900 + yy;
    const month = toInt(two[2] ?? two[4]);
    const day = toInt(two[3] ?? two[5]);
    if (validDate(year, month, day)) return { year, month, day, index: two.index, length: two[0].length, text: two[0] };
  }
  const md = MONTH_DAY.exec(head);
  if (md && md.index <= 2) {
    const month = toInt(md[1]);
    const day = toInt(md[2] ?? md[3]);
    if (validDate(2000, month, day)) return { month, day, index: md.index, length: md[0].length, text: md[0] };
  }
  return undefined;
}

/** ISO date of a short date in `year`, or undefined when the day does not exist that year. */
export function shortDateIso(date: ShortDate, year: number): string | undefined {
  if (!validDate(year, date.month, date.day)) return undefined;
  return `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
