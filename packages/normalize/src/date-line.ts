import { MEETING } from '@plandiff/lexicon';
import { parseChineseDate } from './chinese-date.ts';
import { foldVariants } from './variants.ts';

/**
 * The date a front-matter line gives when the line is essentially a date: a short date
 * (`二〇一二年二月九日`, `（2017年10月18日）`), a dash line (`——2024年3月5日在…会议上`), or a meeting
 * line with its date (`2026年2月3日在四川省第十四届人民代表大会第五次会议上`).
 */
export function dateLine(text: string): string | undefined {
  const date = parseChineseDate(text);
  if (!date) return undefined;
  if (text.length <= 20 || /^[-—–―]{1,3}/u.test(text)) return date;
  if (text.length <= 80 && MEETING.pattern.test(foldVariants(text).replace(/[）)]$/u, ''))) return date;
  return undefined;
}
