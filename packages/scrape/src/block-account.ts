import { FURNITURE_ELEMENT_RULES, TABLE_HEADER_RULE, WEB_CHROME_RULES } from '@plandiff/lexicon';
import type { Diagnostic } from '@plandiff/model';
import type { Block } from './blocks.ts';
import { type DomNode, isInside } from './dom.ts';

/** What each cleaner rule removes, for the diagnostics (web-* rules name themselves in lexicon). */
const WHAT: Record<string, string> = {
  ...Object.fromEntries([...WEB_CHROME_RULES, ...FURNITURE_ELEMENT_RULES].map((r) => [r.ruleId, r.what])),
  [TABLE_HEADER_RULE.ruleId]: TABLE_HEADER_RULE.what,
  'scrape-title': 'the title heading (it is the title)',
  'scrape-meta-line': 'metadata line (time, source, author)',
  'scrape-no-text': 'block without text',
  'scrape-link-list': 'link list',
  'scrape-header-line': 'short line above the body',
  'scrape-sibling-repeat': 'block repeated on sibling pages',
  'scrape-outside-body': 'block of the article element outside the body run',
  'scrape-after-body': 'comment/related heading ending the body',
};

/**
 * The account of the candidate main text — every block inside the element that holds the chosen
 * body, and the `also` blocks (the title, the body's widened edges) — like the normalizer's ledger: each block either lands in the text (in order) or was
 * dropped by a named rule. Drops become info diagnostics, one per rule and run of nearby blocks;
 * a block with neither fate, or kept text missing from the output, is a warning — text the
 * cleaner lost without saying so.
 */
export function accountBlocks(
  html: string,
  blocks: readonly Block[],
  container: DomNode,
  kept: readonly number[],
  dropped: readonly (string | undefined)[],
  text: string,
  also: ReadonlySet<number> = new Set(),
): Diagnostic[] {
  const lineOf = lineIndex(html);
  const keptSet = new Set(kept);
  const diagnostics: Diagnostic[] = [];
  const runs: { ruleId: string; blocks: Block[] }[] = [];
  for (const block of blocks) {
    if (keptSet.has(block.index) || !(also.has(block.index) || isInside(block.owner, container))) continue;
    const ruleId = dropped[block.index] ?? 'scrape-block-unaccounted';
    const last = runs[runs.length - 1];
    const previous = last?.blocks[last.blocks.length - 1];
    if (last && last.ruleId === ruleId && previous && block.index - previous.index <= 3) last.blocks.push(block);
    else runs.push({ ruleId, blocks: [block] });
  }
  for (const run of runs) {
    const first = run.blocks[0] as Block;
    const line = lineOf(first.start);
    const endLine = lineOf((run.blocks[run.blocks.length - 1] as Block).start);
    const sample = first.text.slice(0, 30);
    const lost = run.ruleId === 'scrape-block-unaccounted';
    diagnostics.push({
      reason: lost
        ? `block of the main text dropped by no rule ×${run.blocks.length} (first: “${sample}”)`
        : `removed ${WHAT[run.ruleId] ?? run.ruleId} ×${run.blocks.length} (first: “${sample}”)`,
      ruleId: run.ruleId,
      severity: lost ? 'warning' : 'info',
      place: endLine > line ? { line, endLine } : { line },
      source: 'scrape',
    });
  }
  // Kept blocks must appear in the output, whole and in document order.
  let at = 0;
  for (const i of kept) {
    const block = blocks[i] as Block;
    const found = text.indexOf(block.text, at);
    if (found < 0) {
      diagnostics.push({
        reason: `kept block missing from the text or out of order (“${block.text.slice(0, 30)}”)`,
        ruleId: 'scrape-block-order',
        severity: 'warning',
        place: { line: lineOf(block.start) },
        source: 'scrape',
      });
      continue;
    }
    at = found + block.text.length;
  }
  return diagnostics;
}

/** Maps a source offset to its 1-based line. */
function lineIndex(html: string): (offset: number) => number {
  const starts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
