import { foldDigits, parseDigitString } from './chinese-numeral.ts';

/** What a plan's year can be read from, strongest first. */
export interface YearEvidence {
  /** The title as printed (`2012年全市教育工作要点`, `关于2025年…执行情况与2026年…草案的报告`). */
  title?: string | undefined;
  /** The subtitle or date/meeting line. */
  subtitle?: string | undefined;
  /** A document number (`泸教发〔2012〕5号`). */
  docNumber?: string | undefined;
  /** ISO date the document was issued or delivered (`2026-01-28`). */
  issuedOn?: string | undefined;
  /** The file path or URL; a file named by its bare year (`corpus/gwr/2013.txt`) is the user's statement. */
  fileName?: string | undefined;
  /** Text to fall back on: the headings, where reports name the year they plan (`三、2019年政府工作任务`). */
  text?: string | undefined;
}

const YEAR_DIGIT = '[0-9０-９〇零○Ｏ一二三四五六七八九]';
/** A year before 年: ASCII, full-width (`２０１５年`) or Chinese digits (`二〇一五年`); a range `2021—2025年` too. */
const YEAR = new RegExp(`(${YEAR_DIGIT}{4})(?:\\s*[-—–~～至到]\\s*(${YEAR_DIGIT}{4}))?\\s*年`, 'gu');
/** A year preceded by this is a target or the end of a range (`到2035年`), not the year planned. */
const TARGET_BEFORE = /[到至—–~～\-－]\s*$/u;

/** The years named in a text, each with whether it starts a range (`2021—2025年` names 2021). */
function yearsIn(text: string, skipTargets: boolean): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(YEAR)) {
    if (skipTargets && TARGET_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    const year = parseDigitString(match[1]!);
    if (year >= 1900 && year <= 2199) years.push(year);
  }
  return years;
}

/**
 * The year a plan is about. The title says it (the latest year it names: a report on 2025's
 * execution and 2026's draft is the 2026 plan; a range `2021—2025年` names its start), else the
 * document number, else the date it was issued or delivered, else a file named by its bare year,
 * else the latest year `text` names (the caller passes the headings; targets such as `到2035年` aside). Never earlier than the
 * year of the date it was delivered when the title names none: a report delivered in 2000 that
 * reviews 1999 is the 2000 report.
 */
export function inferYear(evidence: YearEvidence): number | undefined {
  const title = yearsIn(evidence.title ?? '', false);
  if (title.length > 0) return Math.max(...title);
  const number = /[〔[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]/u.exec(foldDigits(evidence.docNumber ?? ''));
  if (number) return Number(number[1]);
  const issued = evidence.issuedOn ? Number(evidence.issuedOn.slice(0, 4)) : undefined;
  if (issued !== undefined) return issued;
  const subtitle = yearsIn(evidence.subtitle ?? '', true);
  if (subtitle.length > 0) return Math.max(...subtitle);
  const named = /(?:^|[/\\])((?:19|20)\d{2})(?:\.[a-z]+)?$/iu.exec(evidence.fileName ?? '');
  if (named) return Number(named[1]);
  const text = yearsIn(evidence.text ?? '', true);
  return text.length > 0 ? Math.max(...text) : undefined;
}
