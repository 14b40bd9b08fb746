import { VARIANT_FOLD_PAIRS } from './variant-fold-table.ts';

/** Code point → the character its variant class folds to (traditional → simplified, regional variants). */
let folds: Map<number, string> | undefined;

/**
 * The character folds from the generated table (build-variant-folds.ts makes it from OpenCC's
 * dictionaries: Hong Kong and Taiwan variants to traditional, traditional to simplified).
 */
function buildFolds(): Map<number, string> {
  const map = new Map<number, string>();
  const chars = Array.from(VARIANT_FOLD_PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!.codePointAt(0)!, chars[i + 1]!);
  return map;
}

/** The character folds (code point → folded character), built on first use. */
export function variantFolds(): ReadonlyMap<number, string> {
  folds ??= buildFolds();
  return folds;
}

/**
 * Folds traditional and variant characters to their simplified form, character by character, so
 * `要點` reads as `要点` and a traditional copy of a report compares equal to the simplified one.
 * For matching and comparing only; plan text keeps the characters as printed.
 */
export function foldVariants(text: string): string {
  folds ??= buildFolds();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Below U+2E80 there are no CJK characters to fold.
    if (code < 0x2e80) continue;
    const point = code >= 0xd800 && code < 0xdc00 ? text.codePointAt(i)! : code;
    const folded = folds.get(point);
    const width = point > 0xffff ? 2 : 1;
    if (folded !== undefined) {
      out += text.slice(from, i) + folded;
      from = i + width;
    }
    if (width === 2) i++;
  }
  return from === 0 ? text : out + text.slice(from);
}
