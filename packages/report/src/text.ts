import type { Change, Lineage, PlanDiff, TaskRef, WordPart } from '@plandiff/model';
import { paint } from './paint.ts';

/** Options of the text renderers. */
export interface TextRenderOptions {
  color: boolean;
  /** Also list unchanged units (default: only counted in the summary). */
  showUnchanged?: boolean;
  /** Show under each change the links that make it, with the rule and score of each (`--explain`). */
  explain?: boolean;
}

const SIGN: Record<Change['kind'], string> = {
  unchanged: '=',
  reworded: '~',
  merged: '>',
  split: '<',
  added: '+',
  dropped: '-',
};

/** Longest run of unchanged text kept around a change, so long paragraphs stay readable. */
const CONTEXT_CHARS = 12;

/** Longest inserted or deleted run shown whole; longer runs keep their ends around an ellipsis. */
const CHANGE_CHARS = 60;

function clip(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= CHANGE_CHARS) return text;
  const half = CHANGE_CHARS / 2;
  return `${chars.slice(0, half).join('')}…（${chars.length - CHANGE_CHARS}字）…${chars.slice(-half).join('')}`;
}

const refLabel = (r: TaskRef) => `${r.id}${r.number ? ` ${r.number}` : ''} ${r.heading || r.text.slice(0, 30)}`.trim();

/**
 * A wording shortened for a line or a feed item: long inserted/deleted runs keep their ends around
 * an ellipsis, long unchanged runs keep only the characters next to the edits.
 */
export function compactWording(parts: readonly WordPart[]): WordPart[] {
  return parts.map((p, i) => {
    if (p.op !== 'equal') return { op: p.op, text: clip(p.text) };
    const chars = Array.from(p.text);
    if (chars.length <= CONTEXT_CHARS * 2) return p;
    const head = i === 0 ? '' : chars.slice(0, CONTEXT_CHARS).join('');
    const tail = i === parts.length - 1 ? '' : chars.slice(-CONTEXT_CHARS).join('');
    return { op: 'equal', text: `${head}…${tail}` };
  });
}

/** A wording diff on one line: deletions red and struck, insertions green; long equal runs elided. */
export function renderWordingLine(parts: readonly WordPart[], color: boolean): string {
  return compactWording(parts)
    .map((p) => {
      if (p.op === 'delete') return color ? paint(['red', 'strikethrough'], p.text, true) : `[-${p.text}]`;
      if (p.op === 'insert') return color ? paint('green', p.text, true) : `[+${p.text}]`;
      return p.text;
    })
    .join('');
}

function renderChange(c: Change, o: TextRenderOptions): string[] {
  const indent = '  '.repeat(c.depth - 1);
  const style = c.kind === 'added' ? 'green' : c.kind === 'dropped' ? 'red' : c.kind === 'unchanged' ? 'dim' : 'yellow';
  const from = c.from.map(refLabel).join(' + ');
  const to = c.to.map(refLabel).join(' + ');
  const what = c.kind === 'added' ? to : c.kind === 'dropped' ? from : `${from} → ${to}`;
  const tags = [
    c.kind,
    ...(c.moved ? ['moved'] : []),
    ...(c.from.length && c.to.length ? [c.similarity.toFixed(2)] : []),
  ];
  const lines = [
    `${indent}${paint(style, `${SIGN[c.kind]} ${what}`, o.color)} ${paint('dim', `(${tags.join(', ')})`, o.color)}`,
  ];
  if (c.wording.length) lines.push(`${indent}    ${renderWordingLine(c.wording, o.color)}`);
  for (const f of c.figures)
    lines.push(
      `${indent}    ${paint('cyan', `${f.from}${f.fromModifier ?? ''} → ${f.to}${f.toModifier ?? ''}`, o.color)} ${paint('dim', f.context, o.color)}`,
    );
  if (o.explain) {
    for (const l of c.links ?? []) {
      const part = l.part ? ` (${l.part})` : '';
      lines.push(
        `${indent}    ${paint('dim', `link ${l.from} → ${l.to}${part}: ${l.rule} ${l.score.toFixed(3)}`, o.color)}`,
      );
    }
    if (c.hint)
      lines.push(
        `${indent}    ${paint('dim', `possible continuation of ${c.hint.id} (${c.hint.score.toFixed(3)}, too weak and unsupported to link)`, o.color)}`,
      );
  }
  return lines;
}

/** The `plandiff diff` text format: a summary line, then one entry per change in document order. */
export function renderDiffText(diff: PlanDiff, o: TextRenderOptions): string {
  const name = (l: PlanDiff['a']) => `${l.ref}${l.year ? ` (${l.year})` : ''}`;
  const s = diff.summary;
  const lines = [
    paint('bold', `${name(diff.a)} → ${name(diff.b)}`, o.color),
    `${s.unchanged ?? 0} unchanged, ${s.reworded ?? 0} reworded, ${s.merged ?? 0} merged, ${s.split ?? 0} split, ${s.added ?? 0} added, ${s.dropped ?? 0} dropped; ${diff.changes.filter((c) => c.moved).length} moved`,
    '',
  ];
  for (const c of diff.changes)
    if (c.kind !== 'unchanged' || o.showUnchanged || c.moved) lines.push(...renderChange(c, o));
  return `${lines.join('\n')}\n`;
}

/** The `plandiff trace` text format: each goal with its span and one line per edition. */
export function renderLineageText(lineage: Lineage, o: TextRenderOptions): string {
  const lines = [
    paint(
      'bold',
      `${lineage.editions.length} editions, ${lineage.goals.length} goals${lineage.query ? ` matching “${lineage.query}”` : ''}`,
      o.color,
    ),
  ];
  for (const g of lineage.goals) {
    lines.push(
      '',
      `${paint('bold', g.heading || g.id, o.color)} ${paint('dim', `${g.firstYear}–${g.lastYear} · ${g.id}`, o.color)}`,
    );
    for (const e of g.events) {
      const style =
        e.kind === 'added' ? 'green' : e.kind === 'dropped' ? 'red' : e.kind === 'unchanged' ? 'dim' : 'yellow';
      const units = e.units.map(refLabel).join(' + ');
      lines.push(`  ${e.year} ${paint(style, e.kind.padEnd(9), o.color)} ${units}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
