import type { Figure } from '@plandiff/model';

/** Words before a value that make it an upper bound (`不到100万元的部分`: the bracket below 100万元). */
const BELOW_BEFORE = /(?:不到|不足|低于|少于|不超过|未超过)$/u;
/** Modifiers after a value that make it a bound. */
const BELOW_AFTER = new Set(['以下', '以内']);
const ABOVE_AFTER = new Set(['以上', '多', '余']);
const ABOVE_BEFORE = /(?:超过|高于|不低于|不少于|多于)$/u;

/** The side a single value bounds (`不到100万元` → below, `6%以上` → above), when its words say. */
function bound(f: Figure): 'below' | 'above' | undefined {
  const before = f.context.slice(0, Math.max(0, f.context.indexOf(f.text)));
  const mods = f.modifier?.split('/') ?? [];
  if (BELOW_BEFORE.test(before) || mods.some((m) => BELOW_AFTER.has(m) || BELOW_BEFORE.test(m))) return 'below';
  if (ABOVE_BEFORE.test(before) || mods.some((m) => ABOVE_AFTER.has(m) || ABOVE_BEFORE.test(m))) return 'above';
  return undefined;
}

/**
 * Whether a range and a bounded single value name disjoint brackets: a tax band `100万元至300万元` is not the
 * band `不到100万元` in the same words, while `6%－6.5%` and `6%以上` (or `6.5%左右`) overlap and can pair.
 */
export function disjointBrackets(x: Figure, y: Figure): boolean {
  const [range, single] = x.upper !== undefined ? [x, y] : [y, x];
  if (range.upper === undefined || single.upper !== undefined) return false;
  const side = bound(single);
  if (side === 'below') return range.value >= single.value;
  if (side === 'above') return range.upper < single.value;
  return false;
}
