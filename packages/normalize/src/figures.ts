import type { Figure } from '@plandiff/model';
import { CHINESE_NUMERAL, foldDigits, parseNumeral } from './chinese-numeral.ts';
import { readMarker } from './markers.ts';

/** Measure words and units a figure may carry, longest first so `万亿元` wins over `万`. */
const UNITS = [
  '个百分点',
  '百分点',
  '万亿美元',
  '亿美元',
  '万美元',
  '美元',
  '万亿元',
  '亿元',
  '万元',
  '千元',
  '元',
  '万亿',
  '亿',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公里',
  '千米',
  '米',
  '万千瓦',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '万吨',
  '吨',
  '亿斤',
  '万斤',
  '斤',
  '公斤',
  '千克',
  '万亩',
  '亩',
  '公顷',
  '万人次',
  '人次',
  '万人',
  '万户',
  '万套',
  '万辆',
  '万家',
  '万个',
  '万名',
  '万',
  '千',
  '%',
  '％',
  '‰',
  '倍',
  '所',
  '个',
  '项',
  '名',
  '人',
  '家',
  '座',
  '条',
  '台',
  '套',
  '户',
  '辆',
  '架',
  '艘',
  '部',
  '件',
  '种',
  '类',
  '批',
  '处',
  '栋',
  '间',
  '张',
  '本',
  '册',
  '篇',
  '次',
  '场',
  '期',
  '届',
  '天',
  '小时',
  '周岁',
  '岁',
  '年',
  '周',
  '月',
  '元/人',
  '元/吨',
].sort((a, b) => b.length - a.length);

const NUMBER = /(?<![0-9０-９A-Za-z.．+])([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)/gu;
/** A Chinese numeral (`二十`, `三千`, `一百零五`), or `百分之…` / `千分之…` (a percentage in words). */
const CHINESE = new RegExp(`(?<![${CHINESE_NUMERAL}第之])(百分之|千分之)?([${CHINESE_NUMERAL}]+)`, 'gu');
/** Units that make even a one-digit Chinese numeral a figure (`一万亿`, `三千亿元`); with a plain measure
 * word (`一批`, `两个`, `三所`) a one-digit numeral is prose far more often than a target. */
const MAGNITUDE_UNITS = new Set([
  '万亿美元',
  '亿美元',
  '万美元',
  '美元',
  '万亿元',
  '亿元',
  '万元',
  '千元',
  '万亿',
  '亿',
  '万',
  '个百分点',
  '百分点',
]);
/** Words after a figure that qualify it (`5%左右`, `1200万人以上`), longest first. */
const SUFFIX_MODIFIERS = ['左右', '以上', '以下', '以内', '上下', '多', '余'];
/** Words before a figure that qualify it (`不低于5%`), longest first; `力争` may stand earlier in the clause. */
const PREFIX_MODIFIERS = ['不低于', '不少于', '不超过', '不高于', '超过', '低于', '高于', '至少', '约', '近'];
const CLAUSE_MODIFIERS = ['力争'];
const CONTEXT = 8;
const CLAUSE_END = /[，。；：！？、,;:!?\s]/u;

/**
 * Finds the figures in a text: a number (ASCII or full-width digits, decimals, thousands commas)
 * followed by a measure word or unit (`20所`, `3%`, `2.15万亿元`), with up to 8 characters of
 * context on each side inside the clause. Chinese numerals count too (`二十所`, `百分之十五`, `三千亿元`,
 * `一万亿`); a one-digit one only before a magnitude (`万`, `亿元`), since `一批`, `两个` are prose. Words
 * qualifying a figure (`左右`, `以上`, `不低于`, `力争`) are kept as its `modifier`. Years (`2012年`), dates
 * (`2月9日`), ordinals (`第32届`), list markers and numbers glued to Latin letters (`PM2.5`, `M2`) are not figures.
 */
export function extractFigures(text: string): Figure[] {
  const figures: (Figure & { at: number })[] = [];
  // Context never reaches back into the unit's own list marker (`1.新建…`).
  const floor = readMarker(text, 0)?.printed.length ?? 0;
  NUMBER.lastIndex = floor;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const start = match.index;
    const printed = match[1]!;
    const end = start + printed.length;
    const unit = UNITS.find((u) => text.startsWith(u, end)) ?? rangeAfter(text, end, null)?.unit;
    if (!unit) continue;
    if (text[start - 1] === '第') continue;
    const folded = foldDigits(printed).replace(/[,，]/g, '').replace('．', '.');
    const value = Number(folded);
    if (!Number.isFinite(value)) continue;
    if (unit === '年' && /^(1[89]|2[01])\d\d$/.test(folded)) continue;
    if (unit === '月' && /^[0-9０-９]{1,2}[日号]/u.test(text.slice(end + 1, end + 4))) continue;
    // The unit may be printed once, after the upper bound (`6－6.5%`), or after both bounds (`6%－6.5%`).
    const bare = !text.startsWith(unit, end);
    const range = rangeAfter(text, bare ? end : end + unit.length, unit);
    if (bare && !range) continue;
    if (range && range.upper > value) {
      // `6%－6.5%`: one figure, one target, not two (a diff would pair 6.5%左右 with its lower half).
      figures.push(makeFigure(text, start, range.end, text.slice(start, range.end), value, unit, floor, range.upper));
      NUMBER.lastIndex = range.end;
      continue;
    }
    figures.push(makeFigure(text, start, end, printed + unit, value, unit, floor));
  }
  CHINESE.lastIndex = floor;
  for (let match = CHINESE.exec(text); match; match = CHINESE.exec(text)) {
    const start = match.index;
    const [whole, percent, numeral] = match as unknown as [string, string | undefined, string];
    const value = parseNumeral(numeral);
    // Digit strings (`二〇二五`) are years or codes, not amounts; a lone `十`/`百`/`千` is a word (`十分`, `千方百计`).
    if (!Number.isFinite(value) || /^[十百千]$/u.test(numeral) || (!/[十百千]/u.test(numeral) && numeral.length > 1))
      continue;
    const end = start + whole.length;
    if (percent) {
      const unit = percent === '百分之' ? '%' : '‰';
      figures.push(makeFigure(text, start, end, whole, value, unit, floor));
      continue;
    }
    const unit = UNITS.find((u) => text.startsWith(u, end));
    if (!unit || (value < 10 && !MAGNITUDE_UNITS.has(unit))) continue;
    // `五年` is a duration, `二〇一二年` a year: a numeral before 年/月/天 alone is prose.
    if (['年', '月', '天', '周', '期', '届', '次', '周岁', '岁'].includes(unit)) continue;
    figures.push(makeFigure(text, start, end + unit.length, whole + unit, value, unit, floor));
  }
  return figures.sort((x, y) => x.at - y.at).map(({ at: _at, ...f }) => f);
}

/** A dash or 至 between the two bounds of a range (`6%－6.5%`, `3%至4%`); `到` is left out (`增加到`). */
const RANGE_SEPARATOR = /^(?:[－\-—–~～〜]|至)/u;
const RANGE_UPPER = /^([0-9０-９]+(?:[.．][0-9０-９]+)?)/u;

/**
 * The upper bound of a range starting at `at` (right after a lower bound), if one follows with the
 * given unit (or, when `unit` is null, with any unit, which is returned).
 */
function rangeAfter(
  text: string,
  at: number,
  unit: string | null,
): { upper: number; end: number; unit: string } | null {
  const sep = RANGE_SEPARATOR.exec(text.slice(at, at + 1));
  if (!sep) return null;
  const m = RANGE_UPPER.exec(text.slice(at + sep[0].length));
  if (!m) return null;
  const end = at + sep[0].length + m[1]!.length;
  const found = unit ?? UNITS.find((u) => text.startsWith(u, end));
  if (!found || found === '年' || found === '月' || !text.startsWith(found, end)) return null;
  return { upper: Number(foldDigits(m[1]!).replace('．', '.')), end: end + found.length, unit: found };
}

/** A figure with its context and, when the text qualifies it, its modifier (`左右`, `不低于`, `力争`). */
function makeFigure(
  text: string,
  start: number,
  end: number,
  printed: string,
  value: number,
  unit: string,
  floor: number,
  upper?: number,
): Figure & { at: number } {
  const figureEnd = printed.length > end - start ? start + printed.length : end;
  const context = contextAround(text, start, figureEnd, floor);
  const figure: Figure & { at: number } =
    upper === undefined
      ? { at: start, text: printed, value, unit, context }
      : { at: start, text: printed, value, upper, unit, context };
  const modifier = modifierOf(text, start, figureEnd, floor);
  if (modifier) figure.modifier = modifier;
  return figure;
}

/** The words qualifying the figure at [start, end): a prefix (`不低于`), a suffix (`左右`), or `力争` earlier in its clause; several are joined by `/`. */
function modifierOf(text: string, start: number, end: number, floor: number): string {
  const found: string[] = [];
  let clause = start;
  while (clause > floor && !CLAUSE_END.test(text[clause - 1]!)) clause--;
  const before = text.slice(clause, start);
  for (const m of CLAUSE_MODIFIERS) if (before.includes(m)) found.push(m);
  const prefix = PREFIX_MODIFIERS.find((m) => before.endsWith(m));
  if (prefix) found.push(prefix);
  const suffix = SUFFIX_MODIFIERS.find((m) => text.startsWith(m, end));
  if (suffix) found.push(suffix);
  return found.join('/');
}

function contextAround(text: string, start: number, end: number, floor: number): string {
  let from = start;
  while (from > floor && start - from < CONTEXT && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !CLAUSE_END.test(text[to]!)) to++;
  return text.slice(from, to);
}
