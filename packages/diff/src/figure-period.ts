import { PERIOD_RULES } from '@plandiff/lexicon';
import type { Figure, Plan, Unit } from '@plandiff/model';

/** The period of a figure: `years` (a five-year review's total), `year` (one year's), or unknown. */
export type FigurePeriod = 'years' | 'year' | undefined;

/** A period word of a text: where it ends, and (for a clause-scoped word) where its clause ends. */
interface PeriodMark {
  at: number;
  until: number;
  /** Carried into the next paragraphs of the section. */
  carries: boolean;
  period: 'years' | 'year';
}

/** Ends a clause: a clause-scoped period word (`累计`, `年均`) reaches no further. */
const CLAUSE_END = /[，,；;。！？]/gu;

/** The period words of a text (PERIOD_RULES), by the position right after each. */
function periodMarks(text: string): PeriodMark[] {
  const marks: PeriodMark[] = [];
  for (const rule of PERIOD_RULES)
    for (const m of text.matchAll(rule.pattern)) {
      const at = m.index + m[0].length;
      let until = Number.POSITIVE_INFINITY;
      if (rule.scope === 'clause') {
        CLAUSE_END.lastIndex = at;
        until = CLAUSE_END.exec(text)?.index ?? text.length;
      }
      marks.push({ at, until, carries: rule.scope === 'section', period: rule.period });
    }
  return marks.sort((x, y) => x.at - y.at);
}

/** The period at a position: the last clause word still open there, else the last paragraph word. */
function periodAt(marks: readonly PeriodMark[], at: number, start: FigurePeriod): FigurePeriod {
  let paragraph = start;
  let clause: FigurePeriod;
  for (const m of marks) {
    if (m.at > at) break;
    if (m.until === Number.POSITIVE_INFINITY) {
      paragraph = m.period;
      clause = undefined;
    } else clause = m.until >= at ? m.period : undefined;
  }
  return clause ?? paragraph;
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
      carry = periodMarks(u.text).findLast((m) => m.carries)?.period ?? carry;
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
    return periodAt(marks, at, start);
  });
}
