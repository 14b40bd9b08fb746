import { TABLE_HEADER_RULE } from '@plandiff/lexicon';
import type { Block } from './blocks.ts';
import { bestRun, extendRange, isTerminator } from './body-edges.ts';
import { continueIntoSiblings } from './body-siblings.ts';
import { extendInContainer, markFurniture } from './body-tail.ts';
import { chromeRule, isMetaLine } from './chrome.ts';
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
    } else
      totals.set(b.owner, { chars: b.chars, linkChars: b.linkChars, punct: b.punct, links: b.links, text: b.text });
  }
  return totals;
}

/** Classifies a block by characters, punctuation and link density (measured in characters). */
export function classifyBlock(block: Block, repeated: ReadonlySet<string>, owner?: BlockTotals): BlockKind {
  // A table's header row (序号 | 工作任务 | 责任单位) neither starts nor ends a body; it is dropped.
  if (block.header) return 'short';
  const own = classifyTotals(block, repeated);
  // A row of a metadata table (发文机关： | 某某市教育局 | 成文日期： | …) reads like a sentence but is not one.
  if (own === 'good' && block.row && isMetaLine(block.text)) return 'short';
  if (
    own === 'short' &&
    block.row &&
    block.chars >= 10 &&
    /^([0-9０-９]{1,3}\. |[一二三四五六七八九十]{1,3}、)/u.test(block.text) &&
    block.linkChars === 0
  )
    return 'good';
  if (own !== 'short' || !owner || owner.chars <= block.chars) return own;
  if (block.linkChars > block.chars / 2) return own;
  return classifyTotals(owner, repeated) === 'good' && block.chars >= 8 ? 'good' : 'short';
}

/** Why a block judged furniture is: the rule that condemned it. */
export function badRule(block: Block, repeated: ReadonlySet<string>): string {
  if (block.furniture) return block.furniture;
  if (repeated.has(block.text)) return 'scrape-sibling-repeat';
  return chromeRule(block.text)?.ruleId ?? 'scrape-link-list';
}

function classifyTotals(block: BlockTotals, repeated: ReadonlySet<string>): BlockKind {
  if (repeated.has(block.text) || chromeRule(block.text)) return 'bad';
  if (block.chars === 0) return 'short';
  const linkDensity = block.linkChars / block.chars;
  if (linkDensity > 0.5) return 'bad';
  if (linkDensity < 0.3) {
    if (block.chars >= 40 && block.punct >= 1) return 'good';
    if (block.chars >= 80) return 'good';
    if (block.chars >= 20 && block.punct >= 2) return 'good';
    if (block.chars >= 12 && block.punct >= 2 && /[。；！？]$/.test(block.text)) return 'good';
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
  /** For each block not kept, the ruleId that dropped it (undefined for kept blocks). */
  dropped: (string | undefined)[];
}

/** Picks the best-scoring run of blocks (body text minus furniture) and the element holding it. */
export function selectContent(
  blocks: readonly Block[],
  root: DomNode,
  repeated: ReadonlySet<string>,
): ContentSelection {
  const owners = totalsByOwner(blocks);
  const kinds = blocks.map((b) => classifyBlock(b, repeated, owners.get(b.owner)));
  markFurniture(blocks, kinds);
  const prefix = [0];
  let previous: BlockKind = 'bad';
  let seenGood = false;
  const terminators: boolean[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const kind = kinds[i] as BlockKind;
    let w = weigh(blocks[i] as Block, kind);
    // Short lines between body lines (headings, wrapped text) cost nothing.
    if (kind === 'short' && previous === 'good' && nextDecided(kinds, i) === 'good') w = 0;
    // Comment sections, related-article lists and the next post's time stamp end the body.
    terminators.push(seenGood && isTerminator(blocks[i] as Block));
    if (kind === 'good') seenGood = true;
    if (kind !== 'short') previous = kind;
    prefix.push((prefix[i] ?? 0) + w);
  }
  // The best-scoring run of consecutive blocks (maximum subarray): body text is contiguous in
  // reading order even when a template splits it over sibling elements or inserts an ad block.
  // Terminators (comment headers, related lists, the next post's stamp) split the page into
  // segments; the first segment nearly as good as the best wins, since comments follow articles.
  const runs: { score: number; range: [number, number] }[] = [];
  let segmentStart = 0;
  for (let i = 0; i <= blocks.length; i++) {
    if (i < blocks.length && !terminators[i]) continue;
    const run = bestRun(prefix, segmentStart, i);
    if (run) runs.push(run);
    segmentStart = i + 1;
  }
  const top = Math.max(0, ...runs.map((r) => r.score));
  const chosen = runs.find((r) => r.score >= SEGMENT_RATIO * top && r.score > 0) ?? runs[0];
  const run = chosen?.range ?? [0, 0];
  const scored = commonAncestor(blocks, run) ?? root;
  const bestRange = extendRange(blocks, kinds, run);
  bestRange[1] = extendInContainer(blocks, kinds, terminators, scored, bestRange[1]);
  const carried = continueIntoSiblings(blocks, kinds, terminators, scored, bestRange[1]);
  bestRange[1] = carried.end;
  const { container } = carried;
  const dropped: (string | undefined)[] = blocks.map(() => 'scrape-outside-body');
  const kept = trimBlocks(blocks, kinds, bestRange, dropped);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    if (kinds[i] === 'bad') dropped[i] = badRule(block, repeated);
    if (dropped[i] !== 'scrape-outside-body') continue;
    if (terminators[i]) dropped[i] = 'scrape-after-body';
    // A header row left out of the run (a table opening the body starts the run at its first data row) is named for what it is.
    else if (block.header) dropped[i] = TABLE_HEADER_RULE.ruleId;
  }
  return { container, range: bestRange, kept, kinds, dropped };
}

/** Share of the best run's score the first run needs to be chosen over it. */
const SEGMENT_RATIO = 0.6;

/** Keeps body blocks, and short blocks (headings, signatures) that sit next to body text. */
function trimBlocks(
  blocks: readonly Block[],
  kinds: readonly BlockKind[],
  [a, b]: [number, number],
  dropped: (string | undefined)[],
): number[] {
  const kept: number[] = [];
  const firstGood = indexWhere(a, b, (i) => kinds[i] === 'good');
  const keep = (i: number) => {
    kept.push(i);
    dropped[i] = undefined;
  };
  for (let i = a; i < b; i++) {
    const block = blocks[i] as Block;
    const kind = kinds[i];
    if (kind === 'bad') continue;
    if (kind === 'good') {
      if (i === firstGood && isMetaLine(block.text) && block.chars < 60) dropped[i] = 'scrape-meta-line';
      else keep(i);
      continue;
    }
    if (block.header) dropped[i] = TABLE_HEADER_RULE.ruleId;
    else if (isMetaLine(block.text)) dropped[i] = 'scrape-meta-line';
    else if (block.chars === 0) dropped[i] = 'scrape-no-text';
    else if (block.linkChars > block.chars / 2) dropped[i] = 'scrape-link-list';
    // Short blocks before the first body block are headers and bylines.
    else if (i < firstGood && !nearGood(kinds, i, a, b, 1, 3)) dropped[i] = 'scrape-header-line';
    else keep(i);
  }
  return kept;
}

function commonAncestor(blocks: readonly Block[], [a, b]: [number, number]): DomNode | undefined {
  const first = blocks[a]?.owner;
  const last = blocks[b - 1]?.owner;
  if (!first || !last) return undefined;
  const chain = new Set<DomNode>();
  for (let n: DomNode | null | undefined = first; n; n = n.parent) chain.add(n);
  for (let n: DomNode | null | undefined = last; n; n = n.parent) if (chain.has(n)) return n;
  return undefined;
}

function nextDecided(kinds: readonly BlockKind[], i: number): BlockKind | undefined {
  for (let j = i + 1; j < kinds.length; j++) if (kinds[j] !== 'short') return kinds[j];
  return undefined;
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

/** Loose equality for titles: same content characters. */
export function sameText(x: string, y: string): boolean {
  const strip = (s: string) => s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
  const sx = strip(x);
  return sx.length > 0 && sx === strip(y);
}
