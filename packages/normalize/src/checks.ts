import type { Diagnostic, Unit } from '@plandiff/model';

const PAIRS: ReadonlyArray<[open: number, close: number, label: string]> = [
  [0x201c, 0x201d, '“”'],
  [0x300a, 0x300b, '《》'],
  [0xff08, 0xff09, '（）'],
];

/** Which of the bracket pairs do not balance in `text` (one pass over its code units). */
function unbalancedPairs(text: string): string[] {
  const depth = [0, 0, 0];
  const broken = [false, false, false];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x201c) continue;
    const p =
      code === 0x201c || code === 0x201d
        ? 0
        : code === 0x300a || code === 0x300b
          ? 1
          : code === 0xff08 || code === 0xff09
            ? 2
            : -1;
    if (p < 0) continue;
    if (code === PAIRS[p]![0]) depth[p]!++;
    else if (--depth[p]! < 0) broken[p] = true;
  }
  return PAIRS.filter((_, p) => broken[p] || depth[p] !== 0).map(([, , label]) => label);
}

/** Warns about paragraphs whose quotes or book-title brackets do not balance (`“9+3学校`). */
export function checkQuotes(units: readonly Unit[], lineOf: (unit: Unit) => number, diagnostics: Diagnostic[]): void {
  const visit = (unit: Unit): void => {
    for (const label of unbalancedPairs(unit.text)) {
      diagnostics.push({
        reason: `unbalanced ${label} in ${unit.number || 'paragraph'} “${unit.heading.slice(0, 20)}”`,
        ruleId: 'unbalanced-quote',
        severity: 'warning',
        place: { line: lineOf(unit) },
      });
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
