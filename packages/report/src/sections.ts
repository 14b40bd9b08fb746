import type { Change, ChangeKind, PlanDiff, PlanLabel, TaskRef } from '@plandiff/model';
import { fillLabel, type Labels } from './labels.ts';
import { taskTitle } from './task-title.ts';

/** A top-level section of the report with how many changes of each kind fall in it. */
export interface SectionCount {
  /** `b3` for section 3 of the new edition; `a3` for an old section with no counterpart. */
  key: string;
  label: string;
  counts: Record<ChangeKind, number>;
  /** Index (in `diff.changes`) of the first change in the section, for linking. */
  first: number;
}

/** A zero count for every kind. */
export function emptyCounts(): Record<ChangeKind, number> {
  return { unchanged: 0, reworded: 0, merged: 0, split: 0, added: 0, dropped: 0 };
}

const topOf = (ref: TaskRef | undefined): string | undefined => ref?.id.split('.')[0];
const titleOf = (ref: TaskRef): string => taskTitle(ref) || ref.id;

/**
 * Works out each change's section: the first id segment on the new side; a change with no new side
 * (dropped) goes to the new section its old section was matched to by a depth-1 change, else to the
 * old section itself (labelled as old), so counts per section stay meaningful when sections renumber.
 */
export function sectionKeys(diff: PlanDiff): string[] {
  const oldToNew = new Map<string, string>();
  for (const change of diff.changes) {
    if (change.depth !== 1) continue;
    const to = topOf(change.to[0]);
    for (const ref of change.from) if (to && !ref.id.includes('.')) oldToNew.set(ref.id, to);
  }
  return diff.changes.map((change) => {
    const to = topOf(change.to[0]);
    if (to) return `b${to}`;
    const from = topOf(change.from[0]) ?? '?';
    const mapped = oldToNew.get(from);
    return mapped ? `b${mapped}` : `a${from}`;
  });
}

/**
 * Orders section keys by number (`b2` before `b10`, which string order gets wrong): the new edition's
 * sections first, then old sections that have no counterpart.
 */
export function compareSectionKeys(x: string, y: string): number {
  if (x[0] !== y[0]) return x[0] === 'b' ? -1 : 1;
  const nx = Number.parseInt(x.slice(1), 10);
  const ny = Number.parseInt(y.slice(1), 10);
  if (Number.isFinite(nx) && Number.isFinite(ny) && nx !== ny) return nx - ny;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Counts changes per section and kind, sections in the order of their numbers. */
export function countSections(diff: PlanDiff, labels: Labels): SectionCount[] {
  const keys = sectionKeys(diff);
  const headings = sectionHeadings(diff.changes, labels.annex, diff);
  const sections = new Map<string, SectionCount>();
  diff.changes.forEach((change, index) => {
    const key = keys[index] ?? 'a?';
    let section = sections.get(key);
    if (!section) {
      const side = key.slice(0, 1);
      const id = key.slice(1);
      const heading = headings.get(key) ?? id;
      const label = side === 'a' ? `${heading}${labels.oldSection}` : heading;
      section = { key, label, counts: emptyCounts(), first: index };
      sections.set(key, section);
    }
    section.counts[change.kind] += 1;
  });
  return [...sections.values()].sort((x, y) => compareSectionKeys(x.key, y.key));
}

/**
 * Titles (`number heading`) of the top-level sections on each side, keyed `a3`/`b3`. An annex (units
 * `A2.…`, which have no section unit of their own) is named by `annex` with its number and, when the
 * side's plan label lists it, its own title (`附件2 名词解释`).
 */
export function sectionHeadings(
  changes: readonly Change[],
  annex = '附件{n}',
  plans: { a?: PlanLabel; b?: PlanLabel } = {},
): Map<string, string> {
  const headings = new Map<string, string>();
  for (const change of changes) {
    if (change.depth !== 1) continue;
    for (const ref of change.to) if (!headings.has(`b${ref.id}`)) headings.set(`b${ref.id}`, titleOf(ref));
    for (const ref of change.from) if (!headings.has(`a${ref.id}`)) headings.set(`a${ref.id}`, titleOf(ref));
  }
  for (const change of changes) {
    for (const [side, refs] of [['b', change.to] as const, ['a', change.from] as const]) {
      for (const ref of refs) {
        const k = /^A(\d+)\./.exec(ref.id)?.[1];
        if (k && !headings.has(`${side}A${k}`)) headings.set(`${side}A${k}`, annexHeading(annex, k, plans[side]));
      }
    }
  }
  return headings;
}

/** `附件1 2026年省十件民生实事`: the numbered name, then the annex's own title unless it only repeats the name. */
function annexHeading(annex: string, k: string, plan: PlanLabel | undefined): string {
  const name = fillLabel(annex, { n: k });
  const own = plan?.annexes?.[Number(k) - 1];
  const title = own?.title.trim();
  return title && title !== name && title !== own?.label ? `${name} ${title}` : name;
}

/** Counts changes per kind (what rows a report shows). */
export function countKinds(changes: readonly Change[]): Record<ChangeKind, number> {
  const counts = emptyCounts();
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}
