import type { Plan } from '@plandiff/model';
import { editionYear } from '@plandiff/normalize';

// The year rule lives in @plandiff/normalize (inferYear, editionYear): one rule for parse, diff, trace,
// report and the index. Re-exported here because diff's API has offered these names.
export { congressNumber, editionYear, yearFromName } from '@plandiff/normalize';

/** The plan with its year filled in (see editionYear) when its text did not state one. */
export function withEditionYear(plan: Plan, ref: string): Plan {
  if (plan.year !== undefined) return plan;
  const year = editionYear(plan, ref);
  return year === undefined ? plan : { ...plan, year };
}
