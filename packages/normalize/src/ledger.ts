import type { Diagnostic } from '@plandiff/model';

/** A piece of the input and where it went: kept in the plan, or removed by a named rule. */
export interface Entry {
  /** 1-based line where the piece starts. */
  line: number;
  /** Last line the piece covers. */
  endLine: number;
  /** Offset of the piece in its paragraph (orders pieces that start on the same line). */
  offset: number;
  text: string;
  /** `keep` for text that lands in the plan; otherwise the ruleId that removed it. */
  ruleId: string;
  /** What the rule removes, for the diagnostic (`page tools`). */
  what: string;
}

/**
 * The account of every character of the input: each stage records the text it keeps in the plan
 * and the text it removes, with the rule that removed it. Removed text becomes diagnostics; the
 * account as a whole is checked against the input (`checkAccount`), so text a stage loses without
 * saying so is reported instead of vanishing.
 */
export class Ledger {
  readonly entries: Entry[] = [];

  /** Records text that lands in the plan (a unit, the preamble, the title…). */
  keep(line: number, offset: number, text: string, endLine = line): void {
    this.entries.push({ line, endLine, offset, text, ruleId: 'keep', what: '' });
  }

  /** Records text removed by `ruleId`. */
  drop(ruleId: string, what: string, line: number, text: string, offset = 0, endLine = line): void {
    this.entries.push({ line, endLine, offset, text, ruleId, what });
  }

  /** One diagnostic per rule and run of nearby lines it removed (severity info). */
  report(diagnostics: Diagnostic[], silent: ReadonlySet<string> = new Set()): void {
    const byRule = new Map<string, Entry[]>();
    for (const entry of this.entries) {
      if (entry.ruleId === 'keep' || silent.has(entry.ruleId)) continue;
      const list = byRule.get(entry.ruleId) ?? [];
      list.push(entry);
      byRule.set(entry.ruleId, list);
    }
    for (const [ruleId, list] of byRule) {
      list.sort((a, b) => a.line - b.line || a.offset - b.offset);
      let run: Entry[] = [];
      const flush = (): void => {
        const first = run[0];
        if (!first) return;
        const last = run.reduce((line, e) => Math.max(line, e.endLine), first.endLine);
        const sample = first.text.replace(/\s+/gu, ' ').slice(0, 30);
        const count = run.length;
        const place = last > first.line ? { line: first.line, endLine: last } : { line: first.line };
        diagnostics.push({
          reason: `removed ${first.what} ×${count} (first: “${sample}”)`,
          ruleId,
          severity: 'info',
          place,
        });
        run = [];
      };
      for (const entry of list) {
        const previous = run[run.length - 1];
        if (previous && entry.line > previous.endLine + 2) flush();
        run.push(entry);
      }
      flush();
    }
  }
}

/** Characters that carry no text: whitespace and format characters (zero-width spaces, BOM, bidi marks). */
const NO_TEXT = /[\s\p{Cf}]+/gu;

/** The form the account is checked in: whitespace and invisible characters removed. */
export function accountForm(text: string): string {
  return text.replace(NO_TEXT, '');
}

/**
 * Checks the account against the input: the pieces, in document order, must spell the input
 * exactly (whitespace aside). Returns the first input line the pieces do not account for, or
 * undefined when every character is accounted for.
 */
export function checkAccount(lines: readonly string[], ledger: Ledger): number | undefined {
  const entries = [...ledger.entries].sort((a, b) => a.line - b.line || a.offset - b.offset);
  const pieces = entries.map((e) => accountForm(e.text)).join('');
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = accountForm(lines[i]!);
    if (line === '') continue;
    if (pieces.startsWith(line, at)) {
      at += line.length;
      continue;
    }
    return i + 1;
  }
  return at === pieces.length ? undefined : lines.length;
}
