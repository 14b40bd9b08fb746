import type { Block, BlockRanges } from './blocks.ts';
import { isChromeLine, isMetaLine } from './chrome.ts';
import type { DomNode } from './dom.ts';

/** How a block reads on its own: body text, furniture, or too short to tell. */
export type BlockKind = 'good' | 'bad' | 'short';

/** Character, link and punctuation totals of several blocks. */
export interface BlockTotals {
  chars: number;
  linkChars: number;
  punct: number;
  links: number;
  text: string;
}

/** Sums the blocks of each owner element: lines hard-wrapped with `<br>` are judged together. */
export function totalsByOwner(blocks: readonly Block[]): Map<DomNode, BlockTotals> {
  const totals = new Map<DomNode, BlockTotals>();
  for (const b of blocks) {
    const t = totals.get(b.owner);
    if (t) {
      t.chars += b.chars;
      t.linkChars += b.linkChars;
      t.punct += b.punct;
      t.links += b.links;
    } else totals.set(b.owner, { chars: b.chars, linkChars: b.linkChars, punct: b.punct, links: b.links, text: b.text });
  }
  return totals;
}

/** Classifies a block by characters, punctuation and link density (measured in characters). */
export function classifyBlock(block: Block, repeated: ReadonlySet<string>, owner?: BlockTotals): BlockKind {
  const own = classifyTotals(block, repeated);
  if (own !== 'short' || !owner || owner.chars <= block.chars) return own;
  if (block.linkChars > block.chars / 2) return own;
  return classifyTotals(owner, repeated) === 'good' && block.chars >= 8 ? 'good' : 'short';
}

function classifyTotals(block: BlockTotals, repeated: ReadonlySet<string>): BlockKind {
  if (repeated.has(block.text) || isChromeLine(block.text)) return 'bad';
  if (block.chars === 0) return 'short';
  const linkDensity = block.linkChars / block.chars;
  if (linkDensity > 0.5) return 'bad';
  if (linkDensity < 0.3) {
    if (block.chars >= 40 && block.punct >= 1) return 'good';
    if (block.chars >= 80) return 'good';
    if (block.chars >= 15 && block.punct >= 2 && /[。；！？]$/.test(block.text)) return 'good';
  }
  if (block.links >= 2 && linkDensity > 0.25) return 'bad';
  return 'short';
}

/** Weight of a block when scoring a candidate container. */
function weigh(block: Block, kind: BlockKind): number {
  if (kind === 'good') return block.chars;
  if (kind === 'bad') return -(block.chars + 8);
  return -0.25 * block.chars;
}

/** The chosen content container and the indices of its blocks kept as text. */
export interface ContentSelection {
  container: DomNode;
  range: [number, number];
  kept: number[];
  kinds: BlockKind[];
}

/** Picks the element whose blocks score highest (body text minus furniture), then trims it. */
export function selectContent(
  blocks: readonly Block[],
  ranges: BlockRanges,
  root: DomNode,
  repeated: ReadonlySet<string>,
  title: string | undefined,
): ContentSelection {
  const owners = totalsByOwner(blocks);
  const kinds = blocks.map((b) => classifyBlock(b, repeated, owners.get(b.owner)));
  const prefix = [0];
  for (let i = 0; i < blocks.length; i++)
    prefix.push((prefix[i] ?? 0) + weigh(blocks[i] as Block, kinds[i] as BlockKind));
  let best: DomNode = root;
  let bestRange: [number, number] = ranges.get(root) ?? [0, blocks.length];
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestSize = Number.POSITIVE_INFINITY;
  for (const [node, range] of ranges) {
    const [a, b] = range;
    if (b <= a) continue;
    const score = (prefix[b] ?? 0) - (prefix[a] ?? 0);
    const size = b - a;
    if (score > bestScore || (score === bestScore && size < bestSize)) {
      best = node;
      bestRange = range;
      bestScore = score;
      bestSize = size;
    }
  }
  const kept = trimBlocks(blocks, kinds, bestRange, title);
  return { container: best, range: bestRange, kept, kinds };
}

/** Keeps body blocks, and short blocks (headings, signatures) that sit next to body text. */
function trimBlocks(
  blocks: readonly Block[],
  kinds: readonly BlockKind[],
  [a, b]: [number, number],
  title: string | undefined,
): number[] {
  const kept: number[] = [];
  const firstGood = indexWhere(a, b, (i) => kinds[i] === 'good');
  const lastGood = lastIndexWhere(a, b, (i) => kinds[i] === 'good');
  for (let i = a; i < b; i++) {
    const block = blocks[i] as Block;
    const kind = kinds[i];
    if (kind === 'bad') continue;
    if (title && sameText(block.text, title)) continue;
    if (kind === 'good') {
      if (i === firstGood && isMetaLine(block.text) && block.chars < 60) continue;
      kept.push(i);
      continue;
    }
    if (isMetaLine(block.text) || block.chars === 0) continue;
    if (block.linkChars > block.chars / 2) continue;
    // Short blocks before the first or after the last body block are headers and bylines.
    if (i < firstGood && !nearGood(kinds, i, a, b, 1, 3)) continue;
    if (i > lastGood && !nearGood(kinds, i, a, b, -1, 4)) continue;
    kept.push(i);
  }
  return kept;
}

function nearGood(kinds: readonly BlockKind[], i: number, a: number, b: number, step: number, reach: number) {
  for (let j = i + step, n = 0; j >= a && j < b && n < reach; j += step, n++) {
    if (kinds[j] === 'good') return true;
    if (kinds[j] === 'bad') return false;
  }
  return false;
}

function indexWhere(a: number, b: number, test: (i: number) => boolean): number {
  for (let i = a; i < b; i++) if (test(i)) return i;
  return b;
}

function lastIndexWhere(a: number, b: number, test: (i: number) => boolean): number {
  for (let i = b - 1; i >= a; i--) if (test(i)) return i;
  return a - 1;
}

/** Loose equality for titles: same content characters. */
export function sameText(x: string, y: string): boolean {
  const strip = (s: string) => s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  const sx = strip(x);
  return sx.length > 0 && sx === strip(y);
}
