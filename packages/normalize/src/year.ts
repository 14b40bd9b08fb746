import type { Plan } from '@plandiff/model';
import { foldDigits, parseDigitString, parseNumeral } from './chinese-numeral.ts';

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
/** A year preceded by this is a target, the end of a range or a comparison's base (`到2035年`, `比2020年`). */
const TARGET_BEFORE = /[到至—–~～\-－比]\s*$/u;

/**
 * A year followed by this is not the year planned: a goal's horizon (`2010年远景目标`, `1980年以前`),
 * the later side of a comparison (`1957年比1952年`), or a dated event (`1976年1月`, history).
 */
const TARGET_AFTER =
  /^\s*(?:的)?\s*(?:远景|远期|长远|奋斗目标|目标|以前|以后|之前|前后|比|[到至—–~～\-－]|[0-9０-９一二三四五六七八九十]{1,2}\s*月)/u;
/** A heading that reviews a year (`一、1996年国内工作的回顾`) belongs to the next year's report. */
const REVIEW_AFTER = /^[^\n。；]{0,12}?(?:回顾|执行情况|工作总结)/u;

/**
 * The years named in a text (`2021—2025年` names 2021). With `skipTargets`, horizons (`到2035年`,
 * `2010年远景目标`) are skipped and a reviewed year counts as the year after it.
 */
function yearsIn(text: string, skipTargets: boolean): number[] {
  const years: number[] = [];
  for (const match of text.matchAll(YEAR)) {
    const after = text.slice(match.index + match[0].length);
    if (skipTargets && TARGET_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    if (skipTargets && TARGET_AFTER.test(after)) continue;
    const year = parseDigitString(match[1]!);
    // In running text a span (`1956年到1967年`) is a programme's period, not the year planned.
    if (skipTargets && match[2] !== undefined) continue;
    const reviewed = skipTargets && REVIEW_AFTER.test(after);
    if (year >= 1900 && year <= 2199) years.push(reviewed ? year + 1 : year);
  }
  return years;
}

/**
 * The year a plan is about. The title says it (the latest year it names: a report on 2025's
 * execution and 2026's draft is the 2026 plan; a range `2021—2025年` names its start), else the
 * document number, else the date it was issued or delivered, else a file named by its bare year,
 * else, for a report to a party congress, the year of that congress, else the latest year `text` names (the
 * caller passes the headings; targets such as `到2035年` aside). Never earlier than the
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
  // A report to a party congress names its ordinal, not its year; congresses have met every five years
  // since the 12th (1982).
  const congress = congressNumber(evidence.title ?? '');
  if (congress !== undefined && congress >= 12) return 1982 + 5 * (congress - 12);
  const text = yearsIn(evidence.text ?? '', true);
  return text.length > 0 ? Math.max(...text) : undefined;
}

/** A four-digit year standing alone in the last segment of a file name or ref (`gwr/2019.txt`, `gwr@2019`, `2012-rev`). */
export function yearFromName(ref: string): number | undefined {
  const name = ref.split(/[/\\]/u).pop() ?? ref;
  // Letters or digits around it make it part of a word or hash (`4d3ac2013f`), not a year.
  const m = /(?<![0-9A-Za-z])((?:19|20)\d\d)(?![0-9A-Za-z])/u.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The ordinal of a party congress a report is made to (`第十九次全国代表大会` → 19), if it is one. */
export function congressNumber(text: string): number | undefined {
  const m = /第([一二三四五六七八九十]+|\d+)次全国代表大会/u.exec(text);
  const n = m ? parseNumeral(m[1]!) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * The year an edition stands for, the rule every stage uses: the year the caller gives (the store knows
 * it), else the plan's own year, else a year in the ref it is filed under (`gwr@2019`: the user's
 * naming), else what inferYear reads from its title and preamble.
 */
export function editionYear(
  plan: Pick<Plan, 'year' | 'title' | 'preamble'>,
  ref = '',
  given?: number,
): number | undefined {
  return given ?? plan.year ?? yearFromName(ref) ?? inferYear({ title: plan.title, text: plan.preamble });
}
