/**
 * Reading a printed figure for a chart: its number (or range) and the qualifier printed with it
 * (`5%左右`, `不低于4%`). The diff engine pairs figures; this only reads what it paired, so a chart can
 * place them. When a figure record carries these fields itself (`value`, `modifier`…), they win.
 */

/** Qualifiers printed after a figure (`5%左右`) and before it (`力争5%`), longest first within each list. */
const AFTER = ['左右', '以上', '以内', '以下', '上下'];
const BEFORE = ['不低于', '不少于', '不超过', '不高于', '力争', '超过', '约'];

/** The number of a printed figure, and the upper end of a range (`6%-6.5%`, `6～6.5%`). */
export interface FigureNumber {
  value: number;
  high?: number;
}

const NUMBER = /(\d+(?:\.\d+)?)/;
const RANGE = /(\d+(?:\.\d+)?)\s*[%％]?\s*[-－–—~～至到]\s*(\d+(?:\.\d+)?)/;

/** Parses the Arabic number of a figure as printed (`1.35万亿元` → 1.35); undefined when it has none. */
export function parseFigureNumber(text: string): FigureNumber | undefined {
  const range = RANGE.exec(text);
  if (range) return { value: Number(range[1]), high: Number(range[2]) };
  const single = NUMBER.exec(text);
  return single ? { value: Number(single[1]) } : undefined;
}

/**
 * The qualifier printed with a figure inside its context: the words right after it (`左右`, `以上`)
 * or right before it (`不低于`, `力争`); empty when there is none or the context does not hold the figure.
 */
export function figureModifier(context: string, figure: string): string {
  if (figure === '') return '';
  const at = context.indexOf(figure);
  // A context that does not print the figure is the words just before it.
  if (at < 0) return BEFORE.find((word) => context.endsWith(word)) ?? '';
  const after = context.slice(at + figure.length);
  const before = context.slice(0, at);
  const next = AFTER.find((word) => after.startsWith(word));
  if (next) return next;
  return BEFORE.find((word) => before.endsWith(word)) ?? '';
}

/** Reads an optional string or number field of a record the engine may extend (tolerant of older records). */
export function optionalField<T extends 'string' | 'number'>(
  record: object,
  name: string,
  type: T,
): (T extends 'string' ? string : number) | undefined {
  const value = (record as Record<string, unknown>)[name];
  return typeof value === type ? (value as T extends 'string' ? string : number) : undefined;
}

/** A figure with its qualifier where it is printed: `5%左右`, `不低于4%`. */
export function figureLabel(text: string, modifier: string): string {
  if (!modifier) return text;
  return BEFORE.includes(modifier) ? `${modifier}${text}` : `${text}${modifier}`;
}
