import type { Block } from './blocks.ts';
import { isMetaLine } from './chrome.ts';
import { type DomNode, isInside } from './dom.ts';
import type { BlockKind } from './select-content.ts';

/**
 * Blocks inside a comment, recommendation, related-article or share element are furniture —
 * unless that element holds most of the page's body text (a template naming its article box
 * oddly), when the name is not trusted.
 */
export function markFurniture(blocks: readonly Block[], kinds: BlockKind[]): void {
  let good = 0;
  const byRule = new Map<string, number>();
  for (const b of blocks) {
    if (kinds[b.index] !== 'good') continue;
    good += b.chars;
    if (b.furniture) byRule.set(b.furniture, (byRule.get(b.furniture) ?? 0) + b.chars);
  }
  for (const b of blocks) {
    if (b.furniture && (byRule.get(b.furniture) ?? 0) <= good / 2) kinds[b.index] = 'bad';
    else if (b.furniture) delete (b as { furniture?: string }).furniture;
  }
}

/**
 * Carries the body on past its last scored line through the short lines that follow it in the
 * same element — a short last task (（九）加强宣传引导。), the next section's heading (二、保障措施)
 * and its short items — up to furniture, a terminator, a link line or the element's end. The
 * scoring alone ends the body at its last long paragraph and would lose them.
 */
export function extendInContainer(
  blocks: readonly Block[],
  kinds: readonly BlockKind[],
  terminators: readonly boolean[],
  container: DomNode,
  end: number,
): number {
  let i = end;
  while (i < blocks.length) {
    const b = blocks[i] as Block;
    if (kinds[i] === 'bad' || terminators[i] || !isInside(b.owner, container)) break;
    if (b.linkChars > b.chars / 2 || isMetaLine(b.text)) break;
    i++;
  }
  return i;
}
