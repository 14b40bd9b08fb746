/**
 * Reading a figure the diff engine paired, for a chart: its number, the upper end when the plan prints a
 * range (`6%－6.5%`), and where its qualifiers go when printed. The engine finds figures and their
 * qualifiers (`左右`, `以上`, `力争/以上`); this only places them.
 */

/** The number of a printed figure, and the upper end of a range (`6%-6.5%`). */
export interface FigureNumber {
  value: number;
  high?: number;
}

const NUMBER = /(\d+(?:\.\d+)?)/;
/** A range printed after a figure's first end: `－6.5%`, `～6.5`, `至6.5%`. */
const RANGE_REST = /^\s*[-－–—~～至到]\s*(\d+(?:\.\d+)?)/;

/** Parses the Arabic number of a figure as printed (`1.35万亿元` → 1.35); undefined when it has none. */
export function parseFigureNumber(text: string): FigureNumber | undefined {
  const single = NUMBER.exec(text);
  if (!single) return undefined;
  const rest = RANGE_REST.exec(text.slice(single.index + single[0].length).replace(/^[%％]/, ''));
  return rest ? { value: Number(single[1]), high: Number(rest[1]) } : { value: Number(single[1]) };
}

/**
 * The range a context prints starting with the figure (`国内生产总值增长6%－6.5%` for `6%` → `6%－6.5%`),
 * or the figure alone when the context prints no range there.
 */
export function printedRange(context: string, text: string): string {
  const at = context.indexOf(text);
  if (at < 0) return text;
  const rest = /^\s*[-－–—~～至到]\s*\d+(?:\.\d+)?[%％]?/.exec(context.slice(at + text.length));
  return rest ? text + rest[0] : text;
}

/** Qualifiers printed after a figure when its context does not show where they go. */
const AFTER = new Set(['左右', '以上', '以内', '以下', '上下', '多', '余']);

/**
 * A figure with its qualifiers where they are printed: `5%左右`, `不低于4%`, `力争6%以上` for the engine's
 * `力争/以上`. A qualifier the context prints right after the figure goes after it, else before it.
 */
export function figureLabel(text: string, modifier: string, context = ''): string {
  if (!modifier) return text;
  const before: string[] = [];
  const after: string[] = [];
  for (const word of modifier.split('/').filter(Boolean)) {
    const suffix = context.includes(`${text}${word}`) || (!context.includes(`${word}${text}`) && AFTER.has(word));
    (suffix ? after : before).push(word);
  }
  return `${before.join('')}${text}${after.join('')}`;
}
