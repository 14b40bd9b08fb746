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

/**
 * The distinct event kinds in a goal's life (what the kind filter matches on). Being there in the
 * first edition is not "appearing", so that first `added` does not count.
 */
export function goalKinds(goal: Goal, firstYear?: number): ChangeKind[] {
  const events = goal.events.filter((event) => !(event.kind === 'added' && event.year === firstYear));
  const kinds = [...new Set(events.map((event) => event.kind))];
  return kinds.length ? kinds : ['unchanged'];
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
    // Several units can lead to several changes; the one of the event's own kind explains it best.
    const side = event.kind === 'dropped' ? 'a' : 'b';
    const units = event.units.length || !previous ? event.units : previous.units;
    const lookupSide = event.units.length ? side : 'a';
    const found = units
      .map((unit) => index.get(`${event.year}:${lookupSide}:${unit.id}`))
      .filter((change): change is Change => change !== undefined);
    return found.find((change) => change.kind === event.kind) ?? found[0];
  };
}
