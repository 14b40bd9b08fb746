import type { Plan, Unit } from '@plandiff/model';

/**
 * The plan as a readable Markdown outline: `# title`, the preamble, then one heading per unit
 * (`##` for depth 1, `###` for depth 2 …) whose line is the unit's text as printed. `normalizePlan`
 * reads this outline back into the same tree.
 */
export function renderOutline(plan: Plan): string {
  const out: string[] = [];
  if (plan.title) out.push(`# ${plan.title}`);
  if (plan.preamble) out.push(...plan.preamble.split('\n'));
  const visit = (unit: Unit): void => {
    out.push(`${'#'.repeat(unit.depth + 1)} ${unit.text}`);
    for (const child of unit.children) visit(child);
  };
  for (const unit of plan.units) visit(unit);
  return `${out.join('\n\n')}\n`;
}
