import type { PlanLabel } from '@plandiff/model';
import type { Labels } from './labels.ts';

/** A leading year in a title (`2024年`, `2024年度`), which the edition's year says already. */
const LEADING_YEAR = /^\s*(?:19|20)\d{2}\s*年度?\s*/;

/** A plan's title (or, untitled, its region and genre) without its leading year: what stays the same from edition to edition. */
export function titleStem(plan: PlanLabel, labels?: Labels): string {
  return (plan.title.trim() || builtTitle(plan, labels)).replace(LEADING_YEAR, '').trim();
}

/**
 * What to call a plan: its title with its year (`2024年政府工作报告`; a title that states the year
 * is kept as it is), else a name built from its region, year and genre (`2026年广东省政府工作报告`),
 * else its year, else its reference (`series@edition` or the file name).
 */
export function planName(plan: PlanLabel, labels?: Labels): string {
  const title = plan.title.trim() || builtTitle(plan, labels);
  if (title && plan.year !== undefined && !title.includes(String(plan.year))) {
    return labels?.lang === 'en' ? `${title} (${plan.year})` : `${plan.year}年${title}`;
  }
  return title || (plan.year !== undefined ? String(plan.year) : plan.ref);
}

/** `广东省政府工作报告` from an untitled plan's region and genre; empty when neither is known. */
function builtTitle(plan: PlanLabel, labels?: Labels): string {
  const parts = [plan.region?.trim(), plan.genre?.trim()].filter((x): x is string => Boolean(x));
  return parts.join(labels?.lang === 'en' ? ' ' : '');
}

/** A plan as one source line: its name, then its reference unless the name is the reference. */
export function describePlan(plan: PlanLabel, labels?: Labels): string {
  const name = planName(plan, labels);
  return name === plan.ref ? name : `${name} · ${plan.ref}`;
}

/** The short name of an edition in a pair: its year when known, else its name. */
export function editionTag(plan: PlanLabel, labels?: Labels): string {
  return plan.year !== undefined ? String(plan.year) : planName(plan, labels);
}

/**
 * The heading of a comparison of editions: `政府工作报告 2024 → 2025` when they share a title stem
 * and all have years, else their names joined by arrows (`a → b`, first and last of a series).
 */
export function editionsHeading(plans: readonly PlanLabel[], labels?: Labels, series = false): string {
  const first = plans[0];
  const last = plans.at(-1);
  if (!first || !last) return '';
  // A series is named by its ends: titles in between may be worded differently (`政府工作报告` in one year).
  const stem = titleStem(first, labels);
  const years = plans.every((p) => p.year !== undefined);
  const same = (p: PlanLabel) => titleStem(p, labels) === stem;
  if (stem && years && same(last) && (series || plans.every(same))) {
    if (first === last) return `${stem} ${first.year}`;
    return `${stem} ${first.year}${series ? '–' : ' → '}${last.year}`;
  }
  return first === last ? planName(first, labels) : `${planName(first, labels)} → ${planName(last, labels)}`;
}
