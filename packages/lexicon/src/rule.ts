/** One rule of the lexicon: a pattern with the id diagnostics name it by and what it recognises. */
export interface LexiconRule {
  /** Stable id, used as a diagnostic's ruleId. */
  ruleId: string;
  /** What the rule recognises, in a few words (shown in diagnostics and docs). */
  what: string;
  /** The pattern; a rule matches a whole (trimmed) line unless said otherwise. */
  pattern: RegExp;
}

/** Returns the first rule whose pattern matches `text`. */
export function firstMatch<T extends LexiconRule>(rules: readonly T[], text: string): T | undefined {
  for (const rule of rules) if (rule.pattern.test(text)) return rule;
  return undefined;
}
