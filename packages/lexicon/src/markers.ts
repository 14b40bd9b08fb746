/** Numbering styles read from printed markers (brackets and full-width forms share one style). */
export type PrintedMarkerStyle =
  | 'chapter'
  | 'part'
  | 'section'
  | 'article'
  | 'cn-comma'
  | 'cn-paren'
  | 'num-dot'
  | 'num-comma'
  | 'num-paren';

const CN = '[一二三四五六七八九十百零〇]{1,4}';
const CN_OR_NUM = '(?:[一二三四五六七八九十百零〇]{1,4}|[0-9０-９]{1,3})';

/**
 * The printed numbering markers of Chinese plans (第一章, 一、, （一）, 1., 1、, （1）), each a sticky
 * pattern whose group 1 is the numeral. The normalizer reads units with them; the HTML cleaner
 * uses them to tell a plan's next numbered line from page furniture.
 */
export const MARKER_PATTERNS: ReadonlyArray<readonly [PrintedMarkerStyle, RegExp]> = [
  ['chapter', new RegExp(`第(${CN_OR_NUM})章`, 'y')],
  ['part', new RegExp(`第(${CN_OR_NUM})部分`, 'y')],
  ['section', new RegExp(`第(${CN_OR_NUM})节`, 'y')],
  ['article', new RegExp(`第(${CN_OR_NUM})条`, 'y')],
  ['cn-comma', new RegExp(`(${CN})、`, 'y')],
  ['cn-paren', new RegExp(`[（(]\\s?(${CN})\\s?[）)]`, 'y')],
  ['num-dot', /([0-9０-９]{1,3})[.．](?![0-9０-９])/y],
  ['num-comma', /([0-9０-９]{1,3})、/y],
  ['num-paren', /[（(]\s?([0-9０-９]{1,3})\s?[）)]/y],
];
