import type { Node } from './build-tree.ts';
import { isTopicParagraph } from './paragraph-kinds.ts';

/**
 * The rule that ends the last item of a list when no salutation does: once an item's topic
 * paragraphs have begun, the first paragraph that does not open with a topic sentence — and all
 * after it — belong to the enclosing section, not to the item. Only the last numbered child of a
 * unit needs it: earlier items end where the next number begins.
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
  if (!last || last.children.length === 0 || last.children.some((c) => c.marker)) return;
  let topicSeen = false;
  for (let j = 0; j < last.children.length; j++) {
    const topic = isTopicParagraph(last.children[j]!.text);
    if (topic) topicSeen = true;
    else if (topicSeen) {
      const moved = last.children.splice(j);
      parent.children.splice(lastIndex + 1, 0, ...moved);
      return;
    }
  }
}
