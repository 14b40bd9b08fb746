import type { Plan, Unit } from '@plandiff/model';

/** First line of an outline that has no heading, so `normalizePlan` still reads it as an outline. */
export const OUTLINE_MARK = '<!-- plandiff outline -->';

/**
 * The plan as a readable Markdown outline: `# title`, the preamble, then one heading per unit
 * (`##` for depth 1, `###` for depth 2 …) whose line is the unit's text as printed. `normalizePlan`
 * reads this outline back into the same tree.
 */
export function renderOutline(plan: Plan): string {
  const out: string[] = [];
  if (plan.title) out.push(`# ${plan.title}`);
  // Without any heading the text would not read back as an outline: mark it so.
  else if (plan.units.length === 0) out.push(OUTLINE_MARK);
  // A preamble paragraph starting with `#` would read back as a heading: escape it.
  if (plan.preamble) out.push(...plan.preamble.split('\n').map((p) => (/^[#\\]/u.test(p) ? `\\${p}` : p)));
  const visit = (unit: Unit): void => {
    out.push(`${'#'.repeat(unit.depth + 1)} ${unit.text}`);
    for (const child of unit.children) visit(child);
  };
  for (const unit of plan.units) visit(unit);
  return `${out.join('\n\n')}\n`;
}
