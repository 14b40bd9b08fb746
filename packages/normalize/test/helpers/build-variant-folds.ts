import { type DictGroup, Locale } from 'opencc-js/t2cn';

// Building the folds from OpenCC's dictionaries costs about 30 ms of CPU, a tenth of `plandiff parse`'s
// start-up: the table is built once, written to variant-fold-table.ts, and a test
// (packages/normalize/test/variant-fold-table.test.ts, UPDATE=1 rewrites it) fails when the table no longer matches what OpenCC gives.

/**
 * Builds the character folds from OpenCC's dictionaries: Hong Kong and Taiwan variants to OpenCC
 * traditional, then traditional to simplified. A character that only a phrase converts
 * (`瞭解` → `了解`) folds as that phrase converts it.
 */
export function buildFolds(): Map<number, string> {
  const entries = (groups: readonly DictGroup[] | undefined): string[][] =>
    (groups ?? []).flatMap((group) =>
      group.flatMap((dict) =>
        typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ')) : dict.map(([a, b]) => [a, b]),
      ),
    );
  const regional = [...entries(Locale.from.hk), ...entries(Locale.from.tw)];
  const simplified = entries(Locale.to.cn);
  const single = (list: string[][]): Map<string, string> => {
    const map = new Map<string, string>();
    for (const [from, to] of list) {
      if (from && to && Array.from(from).length === 1 && Array.from(to).length === 1 && from !== to && !map.has(from)) {
        map.set(from, to);
      }
    }
    return map;
  };
  const toStandard = single(regional);
  const toSimplified = single(simplified);
  const fold = (ch: string): string => {
    const standard = toStandard.get(ch) ?? ch;
    return toSimplified.get(standard) ?? standard;
  };
  // Classes of characters that fold together: each character with its conversion, and characters
  // only a phrase converts with what the phrase makes of them. Folding to one member per class keeps
  // the fold idempotent (OpenCC maps 壞 → 坏 but also 坏 → 坯: all three are one class).
  const parent = new Map<string, string>();
  const find = (ch: string): string => {
    let root = ch;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(ch, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const ch of new Set([...toStandard.keys(), ...toSimplified.keys()])) union(ch, fold(ch));
  for (const [from, to] of [...regional, ...simplified]) {
    const source = Array.from(from ?? '');
    const target = Array.from(to ?? '');
    if (source.length < 2 || source.length !== target.length) continue;
    source.forEach((ch, i) => {
      if (fold(ch) === ch && !toSimplified.has(ch) && ch !== target[i]) union(ch, fold(target[i]!));
    });
  }
  const targets = new Set(toSimplified.values());
  const members = new Map<string, string[]>();
  for (const ch of parent.keys()) {
    const root = find(ch);
    const list = members.get(root) ?? [];
    list.push(ch);
    members.set(root, list);
  }
  const map = new Map<number, string>();
  for (const list of members.values()) {
    // The representative: a simplified character if the class has one (not converted further), else the first.
    const rank = (ch: string): number =>
      (toSimplified.has(ch) || toStandard.has(ch) ? 2 : 0) + (targets.has(ch) ? 0 : 1);
    const best = [...list].sort((a, b) => rank(a) - rank(b) || a.codePointAt(0)! - b.codePointAt(0)!)[0]!;
    for (const ch of list) if (ch !== best) map.set(ch.codePointAt(0)!, best);
  }
  return map;
}

/** The folds as the table stores them: each folded character followed by the character it folds to. */
export function serializeFolds(folds: ReadonlyMap<number, string>): string {
  return [...folds]
    .sort(([a], [b]) => a - b)
    .map(([point, to]) => String.fromCodePoint(point) + to)
    .join('');
}
