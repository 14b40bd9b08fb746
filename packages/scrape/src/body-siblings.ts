import type { Block } from './blocks.ts';
import { isSignOff } from './body-edges.ts';
import { isMetaLine } from './chrome.ts';
import { type DomNode, isInside } from './dom.ts';
import { isNumberedLine } from './plan-line.ts';
import type { BlockKind } from './select-content.ts';

/** How many levels above the body's element a following element may hang (sibling parts, a wrapper). */
const MAX_LEVELS_UP = 2;
/** How far a short unnumbered line (a heading such as 保障措施) may look for the plan line after it. */
const LOOKAHEAD = 2;

/**
 * Carries the body on into the elements that follow the one holding it — the rest of the article
 * in sibling `<div>`s or in the next `TRS_Editor` part: `（九）加强宣传引导。`, `二、保障措施`, its items,
 * the sign-off — while the lines are plan-like (numbered with the normalizer's markers, body text,
 * the next row of a table being read, a heading right before such a line, an issuer or date
 * sign-off) and hang near the body's element.
 * Furniture, a comment or related-list heading, a link line, a metadata line or an element of
 * another column (a sidebar) ends it. Returns the new end and the element now holding the body.
 */
export function continueIntoSiblings(
  blocks: readonly Block[],
  kinds: readonly BlockKind[],
  terminators: readonly boolean[],
  container: DomNode,
  end: number,
): { end: number; container: DomNode } {
  const stops = (i: number) => {
    const b = blocks[i] as Block;
    return (
      kinds[i] === 'bad' ||
      terminators[i] === true ||
      b.furniture !== undefined ||
      b.linkChars > b.chars / 2 ||
      isMetaLine(b.text) ||
      levelsUp(b.owner, container) > MAX_LEVELS_UP
    );
  };
  const planLike = (i: number) => {
    const b = blocks[i] as Block;
    // The next row of a table already being read continues it, numbered or not.
    const previous = blocks[i - 1];
    const sameTable = b.row === true && previous?.row === true && previous.owner.parent === b.owner.parent;
    return kinds[i] === 'good' || b.header === true || sameTable || isNumberedLine(b.text);
  };
  let reached = end;
  let holder = container;
  for (let i = end; i < blocks.length && !stops(i); i++) {
    const b = blocks[i] as Block;
    const ahead = () => {
      for (let j = i + 1; j <= i + LOOKAHEAD && j < blocks.length && !stops(j); j++)
        if (planLike(j) || isSignOff((blocks[j] as Block).text)) return true;
      return false;
    };
    if (!(planLike(i) || isSignOff(b.text) || ahead())) break;
    reached = i + 1;
    holder = common(holder, b.owner);
  }
  return { end: reached, container: holder };
}

/** How many levels above `container` the nearest element holding both it and `node` is. */
function levelsUp(node: DomNode, container: DomNode): number {
  let up = 0;
  for (let c: DomNode | null | undefined = container; c; c = c.parent, up++) if (isInside(node, c)) return up;
  return Number.POSITIVE_INFINITY;
}

function common(a: DomNode, b: DomNode): DomNode {
  for (let c: DomNode | null | undefined = a; c; c = c.parent) if (isInside(b, c)) return c;
  return a;
}
