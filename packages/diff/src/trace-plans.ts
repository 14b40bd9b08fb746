import type { Change, ChangeKind, Goal, Lineage, Plan, PlanDiff, PlanLabel, TaskRef } from '@plandiff/model';
import { diffPlans } from './diff-plans.ts';
import { comparisonForm } from './text-form.ts';
import type { DiffOptions } from './thresholds.ts';

/** Options of tracePlans / buildLineage. */
export interface TraceOptions extends DiffOptions {
  /** Keep only goals whose text, in any edition, contains this phrase (punctuation and width ignored). */
  query?: string;
  /** Labels (refs) of the editions, parallel to the plans. */
  refs?: string[];
  /** Years of the editions, parallel to the plans; they override the years the plans state. */
  years?: (number | undefined)[];
  /** Called after each consecutive pair is diffed (the CLI shows progress with it). */
  onProgress?: (done: number, total: number) => void;
}

interface Active {
  goal: Goal;
  units: Set<string>;
}

/** The event kind when a goal's units went through several changes at once. */
function combineKinds(kinds: readonly ChangeKind[]): ChangeKind {
  if (kinds.includes('merged')) return 'merged';
  if (kinds.includes('split')) return 'split';
  return kinds.every((k) => k === 'unchanged') ? 'unchanged' : 'reworded';
}

const yearOf = (label: PlanLabel, i: number) => label.year ?? i;

/**
 * Chains the changes of consecutive diffs into goals: a goal starts where a unit first appears and
 * follows its links (rewordings, merges, splits) until it is dropped or the editions end.
 */
export function buildLineage(
  editions: PlanLabel[],
  diffs: readonly PlanDiff[],
  firstUnits: readonly TaskRef[],
  options: TraceOptions = {},
): Lineage {
  const goals: Goal[] = [];
  let active: Active[] = [];
  const start = (ref: TaskRef, year: number, depth: number) => {
    const goal: Goal = {
      id: `${year}:${ref.id}`,
      heading: ref.heading,
      depth,
      firstYear: year,
      lastYear: year,
      events: [{ year, kind: 'added', units: [ref], similarity: 1 }],
    };
    goals.push(goal);
    active.push({ goal, units: new Set([ref.id]) });
  };
  const y0 = editions[0] ? yearOf(editions[0], 0) : 0;
  for (const ref of firstUnits) start(ref, y0, ref.id.split('.').length);
  diffs.forEach((diff, i) => {
    const year = editions[i + 1] ? yearOf(editions[i + 1]!, i + 1) : i + 1;
    const byFrom = new Map<string, Change>();
    for (const c of diff.changes) for (const f of c.from) byFrom.set(f.id, c);
    const reached = new Set<string>();
    const next: Active[] = [];
    for (const act of active) {
      const changes = [
        ...new Set([...act.units].map((id) => byFrom.get(id)).filter((c): c is Change => c !== undefined)),
      ];
      const kept = changes.filter((c) => c.to.length > 0);
      if (kept.length === 0) {
        act.goal.events.push({ year, kind: 'dropped', units: [], similarity: 0 });
        continue;
      }
      const units = new Map<string, TaskRef>();
      for (const c of kept) for (const t of c.to) units.set(t.id, t);
      for (const id of units.keys()) reached.add(id);
      const similarity = Math.min(...kept.map((c) => c.similarity));
      act.goal.events.push({
        year,
        kind: combineKinds(kept.map((c) => c.kind)),
        units: [...units.values()],
        similarity,
      });
      act.goal.lastYear = year;
      const latest = [...units.values()][0];
      if (latest) act.goal.heading = latest.heading;
      next.push({ goal: act.goal, units: new Set(units.keys()) });
    }
    active = next;
    for (const c of diff.changes)
      for (const t of c.to) if (!reached.has(t.id) && c.from.length === 0) start(t, year, c.depth);
  });
  const query = options.query ? comparisonForm(options.query) : '';
  const kept = goals.filter(
    (g) =>
      (options.depth === undefined || g.depth <= options.depth) &&
      (!query || g.events.some((e) => e.units.some((u) => comparisonForm(u.text).includes(query)))),
  );
  const lineage: Lineage = { editions, goals: kept };
  if (options.query) lineage.query = options.query;
  return lineage;
}

/** Every unit of a plan as a TaskRef, in document order. */
export function unitRefs(plan: Plan): TaskRef[] {
  const out: TaskRef[] = [];
  const walk = (units: Plan['units']) => {
    for (const u of units) {
      out.push({ id: u.id, number: u.number, heading: u.heading, text: u.text });
      walk(u.children);
    }
  };
  walk(plan.units);
  return out;
}

/** Labels of the editions, for a lineage. */
export function labelEditions(
  plans: readonly Plan[],
  refs: readonly string[] = [],
  years: readonly (number | undefined)[] = [],
): PlanLabel[] {
  return plans.map((p, i) => {
    const label: PlanLabel = { title: p.title, ref: refs[i] ?? p.source.path ?? p.source.url ?? p.title };
    // Years given by the caller win: they know which edition is which (the plan text may not).
    const year = years[i] ?? p.year;
    if (year !== undefined) label.year = year;
    return label;
  });
}

/** Diffs every pair of consecutive editions (all depths, so lineages never lose a unit). */
export function diffEditions(plans: readonly Plan[], options: TraceOptions = {}): PlanDiff[] {
  const { depth: _depth, query: _query, refs, years: _years, onProgress, ...diffOptions } = options;
  const diffs: PlanDiff[] = [];
  for (let i = 0; i + 1 < plans.length; i++) {
    const refA = refs?.[i];
    const refB = refs?.[i + 1];
    diffs.push(
      diffPlans(plans[i]!, plans[i + 1]!, {
        wording: false,
        ...diffOptions,
        ...(refA ? { refA } : {}),
        ...(refB ? { refB } : {}),
      }),
    );
    onProgress?.(i + 1, plans.length - 1);
  }
  return diffs;
}

/** Follows every goal across consecutive editions (oldest first): diffEditions then buildLineage. */
export function tracePlans(plans: readonly Plan[], options: TraceOptions = {}): Lineage {
  const diffs = diffEditions(plans, options);
  return buildLineage(
    labelEditions(plans, options.refs, options.years),
    diffs,
    plans[0] ? unitRefs(plans[0]) : [],
    options,
  );
}
