import type {
  Change,
  FigureSeries,
  Goal,
  GoalEvent,
  Lineage,
  Plan,
  PlanDiff,
  PlanLabel,
  TaskRef,
} from '@plandiff/model';
import { diffPlans } from './diff-plans.ts';
import { editionYear } from './edition-year.ts';
import { comparisonForm, stripNumber } from './text-form.ts';
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

/** A goal being followed: its current unit (one per edition: its main line of descent). */
interface Active {
  goal: Goal;
  unit: string;
}

/** Units too short to be a goal of their own: a line broken off a paragraph (`规模。`), a bare lead-in. */
export const MIN_GOAL_CHARS = 8;
/**
 * A childless unit whose own text (number marker aside) is shorter than MIN_GOAL_CHARS, or an unnumbered
 * one opening with a "sentence" of a word or two (`规模。提高…`): no paragraph starts so; it is the tail of
 * a sentence a stray line break cut off the paragraph before it, and it rides with that paragraph's goal.
 */
function fragmentTest(units: readonly TaskRef[]): (t: TaskRef) => boolean {
  const parents = new Set(units.map((u) => u.id.slice(0, u.id.lastIndexOf('.'))));
  return (t) => {
    if (parents.has(t.id)) return false;
    const own = stripNumber(t.text, t.number);
    if (comparisonForm(own).length < MIN_GOAL_CHARS) return true;
    const lead = /^[^。！？；：!?;:]*[。；;]/u.exec(own)?.[0] ?? '';
    return t.number === '' && lead !== '' && comparisonForm(lead).length <= 3;
  };
}

/** Character-bigram Dice of two texts (comparison form), to pick a main line where no link says. */
function textDice(x: string, y: string): number {
  const grams = (t: string) => {
    const out = new Set<string>();
    const f = comparisonForm(t);
    for (let i = 0; i + 1 < f.length; i++) out.add(f.slice(i, i + 2));
    return out;
  };
  const a = grams(x);
  const b = grams(y);
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return a.size + b.size ? (2 * common) / (a.size + b.size) : 0;
}

/** One-to-one links (the assignment's backbone) outrank the attached parts of a merge or split. */
const rank = (rule: string, score: number) => (rule === 'anchor' || rule === 'assign' ? 1 : 0) + score / 2;

/**
 * The unit of `change` that continues `unit` most: its one-to-one link if it has one, else its strongest
 * link, else the most similar text. The score returned ranks goals arriving at one unit the same way.
 */
function mainTarget(change: Change, unit: TaskRef): { to: TaskRef; score: number } {
  let best: { to: TaskRef; score: number } | null = null;
  for (const l of change.links ?? []) {
    if (l.from !== unit.id) continue;
    const to = change.to.find((t) => t.id === l.to);
    const score = rank(l.rule, l.score);
    if (to && (!best || score > best.score)) best = { to, score };
  }
  if (best) return best;
  for (const to of change.to) {
    const score = textDice(unit.text, to.text) * 0.5;
    if (!best || score > best.score) best = { to, score };
  }
  return best!;
}

const yearOf = (label: PlanLabel, i: number) => label.year ?? i;

/**
 * Chains the changes of consecutive diffs into goals. A goal starts where a unit first appears and
 * follows one unit per edition — its main line of descent, the strongest link out of its unit — until it
 * is dropped. Where several goals reach one unit (a merge), the one on the strongest link carries on and
 * the others end `merged` into it; the other parts of a split start goals of their own (with `parent`).
 * A goal keeps its first heading as its name and lists every heading it had. Figures paired across
 * consecutive editions are chained into `figures` series (a target year by year, with its modifier).
 */
export function buildLineage(
  editions: PlanLabel[],
  diffs: readonly PlanDiff[],
  firstUnits: readonly TaskRef[],
  options: TraceOptions = {},
): Lineage {
  const goals: Goal[] = [];
  const goalAt: Map<string, string>[] = editions.map(() => new Map());
  let active: Active[] = [];
  const start = (ref: TaskRef, e: number, event: GoalEvent, parent?: string) => {
    const year = event.year;
    const goal: Goal = {
      id: `${year}:${ref.id}`,
      heading: ref.heading,
      headings: ref.heading ? [ref.heading] : [],
      depth: ref.id.split('.').length,
      firstYear: year,
      lastYear: year,
      events: [event],
    };
    if (parent) goal.parent = parent;
    goals.push(goal);
    byId.set(goal.id, goal);
    goalAt[e]?.set(ref.id, goal.id);
    return goal;
  };
  const byId = new Map<string, Goal>();
  const descendsFrom = (g: Goal, ancestor: Goal): boolean => {
    for (let p = g.parent; p !== undefined; p = byId.get(p)?.parent) if (p === ancestor.id) return true;
    return false;
  };
  const y0 = editions[0] ? yearOf(editions[0], 0) : 0;
  const firstFragment = fragmentTest(firstUnits);
  for (const ref of firstUnits) {
    if (firstFragment(ref)) continue;
    const goal = start(ref, 0, { year: y0, kind: 'added', units: [ref], similarity: 1 });
    active.push({ goal, unit: ref.id });
  }
  diffs.forEach((diff, i) => {
    const year = editions[i + 1] ? yearOf(editions[i + 1]!, i + 1) : i + 1;
    const byFrom = new Map<string, Change>();
    const refA = new Map<string, TaskRef>();
    for (const c of diff.changes)
      for (const f of c.from) {
        byFrom.set(f.id, c);
        refA.set(f.id, f);
      }
    // Where each active goal would go; then, per unit reached, which goal carries on there.
    const arrivals = new Map<string, { act: Active; change: Change; to: TaskRef; score: number }[]>();
    for (const act of active) {
      const change = byFrom.get(act.unit);
      const unit = refA.get(act.unit);
      if (!change || !unit || change.to.length === 0) {
        act.goal.events.push({ year, kind: 'dropped', units: [], similarity: 0 });
        continue;
      }
      const { to, score } = mainTarget(change, unit);
      arrivals.set(to.id, [...(arrivals.get(to.id) ?? []), { act, change, to, score }]);
    }
    const next: Active[] = [];
    const reached = new Set<string>();
    for (const [id, list] of arrivals) {
      reached.add(id);
      // A branch that rejoins the goal it split off from ends there; otherwise the strongest link carries on.
      list.sort((x, y) => y.score - x.score || x.act.goal.firstYear - y.act.goal.firstYear);
      let main = list[0]!;
      for (const other of list) if (descendsFrom(main.act.goal, other.act.goal)) main = other;
      for (const { act, change, to, score } of list) {
        const units = [to, ...change.to.filter((t) => t.id !== to.id)];
        const similarity = Math.min(1, Math.max(0, act === main.act ? change.similarity : score % 1));
        if (act !== main.act) {
          act.goal.events.push({ year, kind: 'merged', units, similarity });
          act.goal.mergedInto = main.act.goal.id;
          act.goal.lastYear = year;
          continue;
        }
        act.goal.events.push({ year, kind: change.kind, units, similarity });
        act.goal.lastYear = year;
        if (to.heading && !act.goal.headings?.includes(to.heading)) act.goal.headings?.push(to.heading);
        goalAt[i + 1]?.set(id, act.goal.id);
        next.push({ goal: act.goal, unit: id });
      }
    }
    active = next;
    const isFragment = fragmentTest(diff.changes.flatMap((c) => c.to));
    for (const c of diff.changes) {
      for (const t of c.to) {
        if (reached.has(t.id) || isFragment(t)) continue;
        // A unit no goal carries on into: new (added), or another part of a split.
        const parent = c.from.map((f) => goalAt[i]?.get(f.id)).find((g) => g !== undefined);
        const kind = c.from.length === 0 ? 'added' : 'split';
        const goal = start(t, i + 1, { year, kind, units: [t], similarity: c.from.length ? c.similarity : 1 }, parent);
        active.push({ goal, unit: t.id });
      }
    }
  });
  const query = options.query ? comparisonForm(options.query) : '';
  const kept = goals.filter(
    (g) =>
      (options.depth === undefined || g.depth <= options.depth) &&
      (!query || g.events.some((e) => e.units.some((u) => comparisonForm(u.text).includes(query)))),
  );
  const keptIds = new Set(kept.map((g) => g.id));
  const figures = followFigures(editions, diffs, goalAt).filter(
    (f) => (!query && options.depth === undefined) || (f.goal !== undefined && keptIds.has(f.goal)),
  );
  const lineage: Lineage = { editions, goals: kept };
  if (options.query) lineage.query = options.query;
  if (figures.length) lineage.figures = figures;
  return lineage;
}

/** Chains each diff's figure pairs (changed and kept) into series over consecutive editions. */
function followFigures(
  editions: readonly PlanLabel[],
  diffs: readonly PlanDiff[],
  goalAt: readonly Map<string, string>[],
): FigureSeries[] {
  const series: FigureSeries[] = [];
  let open = new Map<string, FigureSeries>();
  const key = (id: string, text: string, context: string) => `${id}\u0000${text}\u0000${context}`;
  diffs.forEach((diff, i) => {
    const yearA = editions[i] ? yearOf(editions[i]!, i) : i;
    const yearB = editions[i + 1] ? yearOf(editions[i + 1]!, i + 1) : i + 1;
    const next = new Map<string, FigureSeries>();
    for (const c of diff.changes) {
      for (const f of [...c.figures, ...(c.figuresKept ?? [])]) {
        if (f.fromId === undefined || f.toId === undefined || f.fromValue === undefined || f.toValue === undefined)
          continue;
        const fromContext = f.fromContext ?? f.context;
        let s = open.get(key(f.fromId, f.from, fromContext));
        if (!s) {
          s = {
            unit: f.unit,
            points: [
              {
                year: yearA,
                id: f.fromId,
                text: f.from,
                value: f.fromValue,
                modifier: f.fromModifier ?? '',
                context: fromContext,
              },
            ],
          };
          const goal = goalAt[i]?.get(f.fromId);
          if (goal) s.goal = goal;
          series.push(s);
        }
        s.points.push({
          year: yearB,
          id: f.toId,
          text: f.to,
          value: f.toValue,
          modifier: f.toModifier ?? '',
          context: f.context,
        });
        next.set(key(f.toId, f.to, f.context), s);
      }
    }
    open = next;
  });
  return series;
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

/** Labels of the editions, for a lineage: each with its year (see editionYear). */
export function labelEditions(
  plans: readonly Plan[],
  refs: readonly string[] = [],
  years: readonly (number | undefined)[] = [],
): PlanLabel[] {
  return plans.map((p, i) => {
    const ref = refs[i] ?? p.source.path ?? p.source.url ?? p.title;
    const label: PlanLabel = { title: p.title, ref };
    // The region lets a report name an untitled edition (2026年广东省) rather than by its file.
    if (p.region) label.region = p.region;
    // Years given by the caller win: they know which edition is which (the plan text may not).
    const year = editionYear(p, ref, years[i]);
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
  return traceSeries(plans, options).lineage;
}

/**
 * The diffs of consecutive editions and the lineage chained from those same diffs, so a report that
 * shows both diffs nothing twice. Word diffs are off unless `wording: true` (a report shows them).
 */
export function traceSeries(
  plans: readonly Plan[],
  options: TraceOptions = {},
): { diffs: PlanDiff[]; lineage: Lineage } {
  const diffs = diffEditions(plans, options);
  const lineage = buildLineage(
    labelEditions(plans, options.refs, options.years),
    diffs,
    plans[0] ? unitRefs(plans[0]) : [],
    options,
  );
  return { diffs, lineage };
}
