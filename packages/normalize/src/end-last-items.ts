import { isNarrativeParagraph, isTopicParagraph } from './paragraph-kinds.ts';
import type { Node } from './types.ts';

/** Share of the earlier items' paragraphs (after each item's first) that must be topic paragraphs. */
const TOPIC_SHARE = 0.9;
/** Earlier items with paragraphs needed before the list's habit can be trusted. */
const MIN_EARLIER_ITEMS = 2;

/**
 * The rule that ends the last item of a list when no salutation or heading line does. In a list
 * whose items are made of topic paragraphs — at least 90% of the earlier items' paragraphs (each
 * item's first, an intro, aside) open with a short task sentence — the last item ends at the first
 * paragraph, after its topic paragraphs have begun, that opens like narrative (`今年…`, `我们…`,
 * `过去…`): it and everything after it belong to the enclosing unit. Earlier items need no rule:
 * they end where the next number begins.
 */
export function endLastItems(parent: Node): void {
  for (const child of parent.children) endLastItems(child);
  let lastIndex = -1;
  for (let i = parent.children.length - 1; i >= 0; i--) {
    if (parent.children[i]!.marker) {
      lastIndex = i;
      break;
    }
  }
  const last = parent.children[lastIndex];
  if (!last?.marker || last.children.length === 0 || last.children.some((c) => c.marker)) return;
  if (!madeOfTopicParagraphs(parent.children.slice(0, lastIndex), last)) return;
  let topicSeen = false;
  for (let j = 0; j < last.children.length; j++) {
    const text = last.children[j]!.text;
    if (topicSeen && isNarrativeParagraph(text)) {
      const moved = last.children.splice(j);
      parent.children.splice(lastIndex + 1, 0, ...moved);
      return;
    }
    if (isTopicParagraph(text)) topicSeen = true;
  }
}

/** Whether the earlier items of the same style are lists of topic paragraphs. */
function madeOfTopicParagraphs(earlier: readonly Node[], last: Node): boolean {
  const items = earlier.filter((node) => node.marker?.style === last.marker?.style && node.children.length > 1);
  if (items.length < MIN_EARLIER_ITEMS) return false;
  const paragraphs = items.flatMap((item) => item.children.slice(1));
  if (paragraphs.some((p) => p.marker)) return false;
  const topics = paragraphs.filter((p) => isTopicParagraph(p.text)).length;
  return topics >= TOPIC_SHARE * paragraphs.length;
}

/** Enumeration styles printed as headings (`一是…`, `第一，…`). */
const ENUMERATION = new Set(['enum-shi', 'enum-yao', 'enum-di']);

/**
 * The last enumeration item printed as a heading (`六是…` on its own line) holds no more paragraphs
 * than the longest earlier item of its list holds (one when it has no earlier sibling): what follows
 * belongs to the enclosing unit, as the paragraphs after an enumeration usually sum it up or move on.
 */
export function endLastEnumerations(parent: Node): void {
  for (const child of parent.children) endLastEnumerations(child);
  const children = parent.children;
  for (let i = children.length - 1; i >= 0; i--) {
    const last = children[i]!;
    const style = last.marker?.style;
    if (!style || !ENUMERATION.has(style)) continue;
    const earlier = children.slice(0, i).filter((c) => c.marker?.style === style);
    const limit = earlier.length > 0 ? Math.max(...earlier.map((c) => c.children.length)) : 1;
    if (last.children.length > limit && !last.children.some((c) => c.marker)) {
      children.splice(i + 1, 0, ...last.children.splice(limit));
    }
    return;
  }
}
