import type { Diagnostic, Unit } from '@plandiff/model';

const PAIRS: ReadonlyArray<[string, string]> = [
  ['“', '”'],
  ['《', '》'],
  ['（', '）'],
];

/** Warns about paragraphs whose quotes or book-title brackets do not balance (`“9+3学校`). */
export function checkQuotes(units: readonly Unit[], lineOf: (unit: Unit) => number, diagnostics: Diagnostic[]): void {
  const visit = (unit: Unit): void => {
    for (const [open, close] of PAIRS) {
      let depth = 0;
      let broken = false;
      for (const ch of unit.text) {
        if (ch === open) depth++;
        else if (ch === close && --depth < 0) broken = true;
      }
      if (broken || depth !== 0) {
        diagnostics.push({
          reason: `unbalanced ${open}${close} in ${unit.number || 'paragraph'} “${unit.heading.slice(0, 20)}”`,
          ruleId: 'unbalanced-quote',
          severity: 'warning',
          place: { line: lineOf(unit) },
        });
      }
    }
    for (const child of unit.children) visit(child);
  };
  for (const unit of units) visit(unit);
}

/** Warns about a numbered unit that holds nothing: no children and no text beyond its heading. */
export function checkEmptySections(
  units: readonly Unit[],
  lineOf: (unit: Unit) => number,
  diagnostics: Diagnostic[],
): void {
  const visit = (unit: Unit, hasNumberedSiblingsWithChildren: boolean): void => {
    const bare =
      unit.text
        .slice(unit.number.length)
        .trim()
        .replace(/[。；]$/u, '') === unit.heading;
    if (unit.number !== '' && unit.children.length === 0 && bare && hasNumberedSiblingsWithChildren) {
      diagnostics.push({
        reason: `section ${unit.number}${unit.heading.slice(0, 20)} has no content`,
        ruleId: 'empty-section',
        severity: 'warning',
        place: { line: lineOf(unit) },
      });
    }
    const anyWithChildren = unit.children.some((c) => c.number !== '' && c.children.length > 0);
    for (const child of unit.children) visit(child, anyWithChildren);
  };
  const anyWithChildren = units.some((u) => u.number !== '' && u.children.length > 0);
  for (const unit of units) visit(unit, anyWithChildren);
}
