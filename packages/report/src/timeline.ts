import type { Change, ChangeKind, Goal, GoalEvent, Lineage, PlanDiff } from '@plandiff/model';

/** One cell of the goals × years timeline. */
export interface TimelineCell {
  year: number;
  event?: GoalEvent;
  /** True between the goal's first and last year (the goal is present even without an event). */
  alive: boolean;
}

/** The years of a lineage's editions, in order (editions without a year are skipped). */
export function lineageYears(lineage: Lineage): number[] {
  const years = lineage.editions.map((edition) => edition.year).filter((year): year is number => year !== undefined);
  const events = lineage.goals.flatMap((goal) => goal.events.map((event) => event.year));
  return [...new Set(years.length ? years : events)].sort((x, y) => x - y);
}

/** A goal's row of cells, one per year. */
export function timelineCells(goal: Goal, years: readonly number[]): TimelineCell[] {
  const byYear = new Map(goal.events.map((event) => [event.year, event]));
  return years.map((year) => {
    const event = byYear.get(year);
    const alive = year >= goal.firstYear && year <= goal.lastYear;
    return event ? { year, event, alive } : { year, alive };
  });
}

/** The distinct event kinds in a goal's life (what the kind filter matches on). */
export function goalKinds(goal: Goal): ChangeKind[] {
  return [...new Set(goal.events.map((event) => event.kind))];
}

/** A short title for a goal: its heading, else the start of its first unit's text. */
export function goalTitle(goal: Goal): string {
  if (goal.heading.trim()) return goal.heading.trim();
  const text = goal.events.find((event) => event.units[0]?.text)?.units[0]?.text ?? goal.id;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Finds, for a goal event, the change in the diff ending at that year that involves its units; a
 * dropped event may carry no units, so the previous event's units are looked up on the old side.
 */
export function createChangeFinder(
  diffs: readonly PlanDiff[],
): (event: GoalEvent, previous?: GoalEvent) => Change | undefined {
  const index = new Map<string, Change>();
  for (const diff of diffs) {
    if (diff.b.year === undefined) continue;
    for (const change of diff.changes) {
      for (const ref of change.to) index.set(`${diff.b.year}:b:${ref.id}`, change);
      for (const ref of change.from) {
        if (!index.has(`${diff.b.year}:a:${ref.id}`)) index.set(`${diff.b.year}:a:${ref.id}`, change);
      }
    }
  }
  return (event, previous) => {
    for (const unit of event.units) {
      const side = event.kind === 'dropped' ? 'a' : 'b';
      const change = index.get(`${event.year}:${side}:${unit.id}`);
      if (change) return change;
    }
    if (event.kind === 'dropped' && previous) {
      for (const unit of previous.units) {
        const change = index.get(`${event.year}:a:${unit.id}`);
        if (change) return change;
      }
    }
    return undefined;
  };
}
