/**
 * Myers' O(ND) diff of two token lists, step for step the search jsdiff's `diffArrays` makes (same
 * diagonal order, same add-before-remove choice, same pruning), so its output is the same; but tokens are
 * interned to integers and the search paths live in flat arrays instead of one object per step. Word
 * diffs call it hundreds of times per pair of reports, which made jsdiff's allocations a hot spot.
 */

/** One run of the edit script: `count` tokens kept, added (new side) or removed (old side). */
export interface TokenRun {
  added: boolean;
  removed: boolean;
  /** The tokens of the run (from the new list unless removed). */
  value: string[];
}

const COMMON = 0;
const ADD = 1;
const REMOVE = 2;

/** The edit script from `a` to `b`, as jsdiff's diffArrays gives it; undefined after `timeoutMs`. */
export function diffTokens(a: readonly string[], b: readonly string[], timeoutMs = Infinity): TokenRun[] | undefined {
  const ids = new Map<string, number>();
  const intern = (xs: readonly string[]) =>
    Int32Array.from(xs, (x) => {
      let id = ids.get(x);
      if (id === undefined) {
        id = ids.size;
        ids.set(x, id);
      }
      return id;
    });
  const runs = editScript(intern(a), intern(b), timeoutMs);
  if (!runs) return undefined;
  const out: TokenRun[] = [];
  let at = 0;
  let bt = 0;
  for (const [kind, count] of runs) {
    if (kind === REMOVE) {
      out.push({ added: false, removed: true, value: a.slice(at, at + count) });
      at += count;
    } else {
      out.push({ added: kind === ADD, removed: false, value: b.slice(bt, bt + count) });
      bt += count;
      if (kind === COMMON) at += count;
    }
  }
  return out;
}

/** The runs `[kind, count]` of the shortest edit script, found as jsdiff's Diff.diffWithOptionsObj finds it. */
function editScript(oldT: Int32Array, newT: Int32Array, timeoutMs: number): Array<[number, number]> | undefined {
  const oldLen = oldT.length;
  const newLen = newT.length;
  // Components of the paths, shared between paths as jsdiff's linked components are (never mutated).
  const cPrev: number[] = [];
  const cKind: number[] = [];
  const cCount: number[] = [];
  const component = (prev: number, kind: number, count: number) => {
    cPrev.push(prev);
    cKind.push(kind);
    cCount.push(count);
    return cCount.length - 1;
  };
  /** jsdiff's addToPath: one more token of `kind`, merged into the last component when it is the same kind. */
  const step = (last: number, kind: number) =>
    last >= 0 && cKind[last] === kind ? component(cPrev[last]!, kind, cCount[last]! + 1) : component(last, kind, 1);
  const maxEdit = oldLen + newLen;
  const off = maxEdit + 1;
  // The best path per diagonal: its old position, its last component, and whether it exists.
  const pOld = new Int32Array(2 * off + 1);
  const pComp = new Int32Array(2 * off + 1);
  const has = new Uint8Array(2 * off + 1);
  /** jsdiff's extractCommon: follows the diagonal while tokens are equal; returns the new position. */
  const extract = (k: number) => {
    let oldPos = pOld[k + off]!;
    let newPos = oldPos - k;
    let n = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldT[oldPos + 1] === newT[newPos + 1]) {
      newPos++;
      oldPos++;
      n++;
    }
    if (n) pComp[k + off] = component(pComp[k + off]!, COMMON, n);
    pOld[k + off] = oldPos;
    return newPos;
  };
  const build = (last: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    for (let c = last; c >= 0; c = cPrev[c]!) out.push([cKind[c]!, cCount[c]!]);
    return out.reverse();
  };
  const deadline = Date.now() + timeoutMs;
  has[off] = 1;
  pOld[off] = -1;
  pComp[off] = -1;
  let newPos = extract(0);
  if (pOld[off]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pComp[off]!);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let d = 1; d <= maxEdit && Date.now() <= deadline; d++) {
    for (let k = Math.max(minDiagonal, -d); k <= Math.min(maxDiagonal, d); k += 2) {
      const r = k - 1 + off;
      const ad = k + 1 + off;
      const removeOld = pOld[r]!;
      const removeComp = pComp[r]!;
      const canRemoveFrom = has[r] === 1;
      if (canRemoveFrom) has[r] = 0;
      const addOld = pOld[ad]!;
      const canAdd = has[ad] === 1 && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = canRemoveFrom && removeOld + 1 < oldLen;
      const at = k + off;
      if (!canAdd && !canRemove) {
        has[at] = 0;
        continue;
      }
      if (!canRemove || (canAdd && removeOld < addOld)) {
        pOld[at] = addOld;
        pComp[at] = step(pComp[ad]!, ADD);
      } else {
        pOld[at] = removeOld + 1;
        pComp[at] = step(removeComp, REMOVE);
      }
      has[at] = 1;
      newPos = extract(k);
      if (pOld[at]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pComp[at]!);
      if (pOld[at]! + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  return undefined;
}
