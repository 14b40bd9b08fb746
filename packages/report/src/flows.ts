import type { PlanDiff, TaskRef } from '@plandiff/model';
import { compareSectionKeys, sectionHeadings } from './sections.ts';

/** A column node of a flow diagram: a top-level section of one edition, or the added/dropped edge. */
export interface FlowNode {
  /** `a3` / `b3` for section 3 of the old / new edition; `added` and `dropped` for the edges. */
  key: string;
  label: string;
  value: number;
}

/** How many tasks went from one node to another. */
export interface FlowLink {
  from: string;
  to: string;
  value: number;
}

/** Where each section's tasks went between two editions, with added tasks and dropped tasks at the edges. */
export interface Flows {
  left: FlowNode[];
  right: FlowNode[];
  links: FlowLink[];
}

const top = (ref: TaskRef): string => ref.id.split('.')[0] ?? ref.id;

/**
 * Counts, for one diff, the tasks of each new section by the old section they came from: a new task
 * counts once for each old section its change drew on (a merge across sections feeds both), added
 * tasks come from the `added` edge, dropped tasks go to the `dropped` edge. Tasks are the units below
 * the sections; a plan with sections only counts its sections.
 */
export function computeFlows(diff: PlanDiff, labels: { added: string; dropped: string; annex?: string }): Flows {
  const deeper = diff.changes.some((c) => c.depth > 1);
  const changes = diff.changes.filter((c) => (deeper ? c.depth > 1 : true));
  const counts = new Map<string, number>();
  const add = (from: string, to: string): void => {
    const key = `${from}\u0000${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const change of changes) {
    const sources = [...new Set(change.from.map((ref) => `a${top(ref)}`))];
    if (change.to.length === 0) for (const ref of change.from) add(`a${top(ref)}`, 'dropped');
    for (const ref of change.to) {
      if (sources.length === 0) add('added', `b${top(ref)}`);
      for (const source of sources) add(source, `b${top(ref)}`);
    }
  }
  const links = [...counts].map(([key, value]) => {
    const [from = '', to = ''] = key.split('\u0000');
    return { from, to, value };
  });
  const headings = sectionHeadings(diff.changes, labels.annex, diff);
  const node = (key: string): FlowNode => ({
    key,
    label: key === 'added' ? labels.added : key === 'dropped' ? labels.dropped : (headings.get(key) ?? key.slice(1)),
    value: 0,
  });
  const left = new Map<string, FlowNode>();
  const right = new Map<string, FlowNode>();
  for (const link of links) {
    const l = left.get(link.from) ?? node(link.from);
    const r = right.get(link.to) ?? node(link.to);
    l.value += link.value;
    r.value += link.value;
    left.set(link.from, l);
    right.set(link.to, r);
  }
  // Sections in number order; the edges last, so the diagram reads top to bottom like the plans.
  const order = (x: FlowNode, y: FlowNode): number => {
    const edge = (n: FlowNode) => (n.key === 'added' || n.key === 'dropped' ? 1 : 0);
    return edge(x) - edge(y) || compareSectionKeys(`b${x.key.slice(1)}`, `b${y.key.slice(1)}`);
  };
  const leftNodes = [...left.values()].sort(order);
  const rightNodes = [...right.values()].sort(order);
  const rank = new Map([...leftNodes, ...rightNodes].map((n, i) => [n.key, i]));
  links.sort(
    (x, y) => (rank.get(x.from) ?? 0) - (rank.get(y.from) ?? 0) || (rank.get(x.to) ?? 0) - (rank.get(y.to) ?? 0),
  );
  return { left: leftNodes, right: rightNodes, links };
}
