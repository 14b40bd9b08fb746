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

/**
 * Warns about a numbered heading line that holds nothing: no children, and its text is only the
 * heading (no sentence punctuation at the end, as `三、保障措施` directly followed by `四、`).
 */
export function checkEmptySections(
  units: readonly Unit[],
  lineOf: (unit: Unit) => number,
  diagnostics: Diagnostic[],
): void {
  const visit = (unit: Unit): void => {
    const rest = unit.text.slice(unit.number.length).trim();
    if (unit.number !== '' && unit.children.length === 0 && rest === unit.heading && !/[。！？；.!?;]$/u.test(rest)) {
      diagnostics.push({
        reason: `section ${unit.number}${unit.heading.slice(0, 20)} has no content`,
        ruleId: 'empty-section',
        severity: 'warning',
        place: { line: lineOf(unit) },
      });
    }
    for (const child of unit.children) visit(child);
  };
  for (const unit of units) visit(unit);
}
