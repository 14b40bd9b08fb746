import type Database from 'better-sqlite3';

/** Which editions a query may return, as the unit row-id ranges those editions occupy. */
export interface EditionFilter {
  series?: readonly string[];
  from?: number;
  to?: number;
  /** Single editions of a series (echoes --in S@E), or whole series when no edition is given. */
  in?: readonly { series: string; edition?: string }[];
  /** Never this series. */
  exclude?: string;
}

/** True when the filter restricts anything. */
export function isFiltered(f: EditionFilter): boolean {
  return Boolean(
    f.series?.length || f.in?.length || f.exclude !== undefined || f.from !== undefined || f.to !== undefined,
  );
}

/** Sorted, merged [first, last] unit row-id ranges of the editions the filter allows. */
export function allowedRanges(db: Database.Database, f: EditionFilter): [number, number][] {
  const where: string[] = ['first_unit IS NOT NULL'];
  const params: unknown[] = [];
  if (f.series?.length) {
    where.push(`series IN (${f.series.map(() => '?').join(', ')})`);
    params.push(...f.series);
  }
  if (f.in?.length) {
    const any = f.in.map((t) => {
      params.push(t.series);
      if (t.edition === undefined) return 'series = ?';
      params.push(t.edition);
      return '(series = ? AND edition = ?)';
    });
    where.push(`(${any.join(' OR ')})`);
  }
  if (f.exclude !== undefined) {
    where.push('series <> ?');
    params.push(f.exclude);
  }
  if (f.from !== undefined) {
    where.push('year >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('year <= ?');
    params.push(f.to);
  }
  const rows = db
    .prepare(`SELECT first_unit AS a, last_unit AS b FROM editions WHERE ${where.join(' AND ')} ORDER BY first_unit`)
    .all(...params) as { a: number; b: number }[];
  const out: [number, number][] = [];
  for (const { a, b } of rows) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** A predicate over unit row ids (binary search in the ranges), for SQL through a registered function. */
export function inRanges(ranges: readonly [number, number][]): (id: number) => boolean {
  return (id) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (id < a) hi = mid - 1;
      else if (id > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

const registered = new WeakSet<Database.Database>();
let current: (id: number) => boolean = () => true;

/**
 * Makes `plandiff_allowed(rowid)` answer for `ranges` on this connection (until the next call), so an
 * FTS5 query is filtered while it runs, without joining the units table.
 */
export function useRanges(db: Database.Database, ranges: readonly [number, number][] | undefined): void {
  current = ranges ? inRanges(ranges) : () => true;
  if (!registered.has(db)) {
    db.function('plandiff_allowed', { deterministic: false, varargs: false }, (id: unknown) =>
      current(Number(id)) ? 1 : 0,
    );
    registered.add(db);
  }
}
