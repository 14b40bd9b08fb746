import type { Plan } from '@plandiff/model';
import { parseNumeral } from '@plandiff/normalize';

/** A four-digit year in a file name or ref (`corpus/gwr/2019.txt`, `gwr@2019`). */
export function yearFromName(ref: string): number | undefined {
  const name = ref.split(/[/\\]/u).pop() ?? ref;
  const m = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/u.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** The ordinal of a party congress a report is made to (`第十九次全国代表大会` → 19), if it is one. */
export function congressNumber(text: string): number | undefined {
  const m = /第([一二三四五六七八九十]+|\d+)次全国代表大会/u.exec(text);
  const n = m ? parseNumeral(m[1]!) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Congresses have met every five years since the 12th (1982), so the ordinal gives the year. */
const congressYear = (n: number) => (n >= 12 ? 1982 + 5 * (n - 12) : undefined);

/**
 * The year an edition stands for — the one place editions get their years (to be switched to the
 * normalizer's `inferYear` when it has one): the year the caller gives (the store knows it), else the
 * plan's own year, else a year in its file name or ref, else — for a party congress report — the year
 * of its congress, else the first year named in its title or preamble.
 */
export function editionYear(plan: Plan, ref = '', given?: number): number | undefined {
  if (given !== undefined) return given;
  if (plan.year !== undefined) return plan.year;
  const fromName = yearFromName(ref);
  if (fromName !== undefined) return fromName;
  const head = `${plan.title}\n${plan.preamble}`;
  const congress = congressNumber(head);
  if (congress !== undefined) return congressYear(congress);
  const m = /((?:19|20)\d\d)\s*年/u.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** The plan with its year filled in (see editionYear) when its text did not state one. */
export function withEditionYear(plan: Plan, ref: string): Plan {
  if (plan.year !== undefined) return plan;
  const year = editionYear(plan, ref);
  return year === undefined ? plan : { ...plan, year };
}
