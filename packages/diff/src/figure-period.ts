import { PERIOD_RULES } from '@plandiff/lexicon';
import type { Figure, Plan, Unit } from '@plandiff/model';

/** The period of a figure: `years` (a five-year review's total), `year` (one year's), or unknown. */
export type FigurePeriod = 'years' | 'year' | undefined;

/** The period words of a text (PERIOD_RULES), by the position right after each. */
function periodMarks(text: string): { at: number; period: 'years' | 'year' }[] {
  const marks: { at: number; period: 'years' | 'year' }[] = [];
  for (const rule of PERIOD_RULES)
    for (const m of text.matchAll(rule.pattern)) marks.push({ at: m.index + m[0].length, period: rule.period });
  return marks.sort((x, y) => x.at - y.at);
}

/**
 * The period each unit starts in: the last period word printed before it in its top-level section (a
 * review section's heading `过去五年工作回顾`, or its first paragraph `过去一年是…`), so a paragraph that
 * names no period (`——经济运行保持在合理区间…`) still counts over the one its section set.
 */
export function periodsBefore(plan: Plan): Map<Unit, FigurePeriod> {
  const out = new Map<Unit, FigurePeriod>();
  let carry: FigurePeriod;
  const walk = (units: readonly Unit[]) => {
    for (const u of units) {
      if (u.depth === 1) carry = undefined;
      out.set(u, carry);
      carry = periodMarks(u.text).at(-1)?.period ?? carry;
      walk(u.children);
    }
  };
  walk(plan.units);
  return out;
}

/**
 * The period each of a unit's figures counts over: the last period word before the figure in the unit's
 * text, else the period the unit starts in. The figures are found in order by their printed context.
 */
export function figurePeriods(text: string, figures: readonly Figure[], start: FigurePeriod): FigurePeriod[] {
  const marks = periodMarks(text);
  let from = 0;
  return figures.map((f) => {
    const found = text.indexOf(f.context, from);
    const at = found >= 0 ? found + Math.max(0, f.context.indexOf(f.text)) : from;
    if (found >= 0) from = found;
    let period = start;
    for (const m of marks) if (m.at <= at) period = m.period;
    return period;
  });
}
