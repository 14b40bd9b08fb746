import type Database from 'better-sqlite3';
import { foldText } from './fold.ts';
import { matchesAll, parseQuery, type QueryTerm } from './query.ts';
import { allowedRanges, isFiltered, useRanges } from './row-filter.ts';
import { makeSnippet, type Snippet } from './snippet.ts';

/** Filters and limits of a search. */
export interface SearchOptions {
  /** Only these series. */
  series?: readonly string[];
  /** Only editions filed under this year or later / earlier. */
  from?: number;
  to?: number;
  /** Most hits to return (default 20). */
  limit?: number;
}

/** One ranked hit: where it is, and a snippet with the terms highlighted. */
export interface SearchHit {
  series: string;
  edition: string;
  year: number | null;
  title: string;
  unitId: string;
  number: string;
  heading: string;
  depth: number;
  snippet: Snippet;
  /** BM25 relevance (higher is better): how often the terms occur, against the unit's length. */
  score: number;
}

/** What a search found. */
export interface SearchResult {
  query: string[];
  terms: QueryTerm[];
  /** Units matching every term (within the filters); a lower bound when `ranked` is capped. */
  total: number;
  /** False when more units matched than RANK_WINDOW: then the newest RANK_WINDOW of them were ranked. */
  complete: boolean;
  hits: SearchHit[];
}

/**
 * Most matching units ranked per query: BM25 costs a few microseconds per matching unit, so a term
 * found in hundreds of thousands of units ranks the most recently indexed RANK_WINDOW of them (see
 * docs/search.md); narrow with more terms, --series or --from/--to for a complete ranking.
 */
export const RANK_WINDOW = 2_000;

interface Row {
  series: string;
  edition: string;
  year: number | null;
  title: string;
  unit_id: string;
  number: string;
  heading: string;
  depth: number;
  text: string;
}

/** Few allowed ranges are queried one by one (FTS5 seeks to a rowid range); many go through a filter function. */
const MAX_RANGE_QUERIES = 64;

/**
 * The statement that reads the ranking window: FTS5 gives the matching row ids newest first (its own
 * rowid order, so no sort and the LIMIT stops the scan), each joined to its unit's text by primary key
 * in the same statement — one call, not one per row. `range` adds a rowid range FTS5 seeks to, `filter`
 * the plandiff_allowed() check. Exported for the query-plan test.
 */
export function windowSql(how: 'all' | 'range' | 'filter'): string {
  const where =
    how === 'range' ? ' AND f.rowid BETWEEN ? AND ?' : how === 'filter' ? ' AND plandiff_allowed(f.rowid)' : '';
  return `SELECT f.rowid, u.text FROM fts f JOIN units u ON u.id = f.rowid WHERE fts MATCH ?${where} ORDER BY f.rowid DESC LIMIT ${RANK_WINDOW}`;
}

type WindowRow = [id: number, text: string];

/** The newest RANK_WINDOW matching units (row id and text), within the allowed ranges. */
function windowRows(db: Database.Database, match: string, ranges: [number, number][] | undefined): WindowRow[] {
  if (ranges && ranges.length <= MAX_RANGE_QUERIES) {
    const query = db.prepare(windowSql('range')).raw();
    const rows: WindowRow[] = [];
    for (const [a, b] of [...ranges].reverse()) {
      if (rows.length >= RANK_WINDOW) break;
      rows.push(...(query.all(match, a, b) as WindowRow[]).slice(0, RANK_WINDOW - rows.length));
    }
    return rows;
  }
  useRanges(db, ranges);
  return db
    .prepare(windowSql(ranges ? 'filter' : 'all'))
    .raw()
    .all(match) as WindowRow[];
}

/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

/**
 * Occurrences of a folded needle in the raw text, at least 1: FTS5 found the row, so the term is there
 * (perhaps only in folded form — 義務 for 义务 — which ranking does not fold for: folding costs more
 * than the rest of the ranking, and a hit that does not hold the term is dropped before it is shown).
 */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return Math.max(1, n);
}

/**
 * BM25 over the window, computed here: every row holds every term, so each term's IDF is the same for
 * all rows and the ranking is by how often the terms occur, saturated, against the unit's length.
 * Scores are negative, lower is better, as FTS5's bm25() gives them.
 */
function rankWindow(rows: readonly WindowRow[], needles: readonly string[]): { id: number; score: number }[] {
  const avg = rows.reduce((n, r) => n + r[1].length, 0) / Math.max(1, rows.length) || 1;
  return rows.map(([id, t]) => {
    const norm = K1 * (1 - B + (B * t.length) / avg);
    let score = 0;
    for (const needle of needles) {
      const tf = occurrences(t, needle);
      score += (tf * (K1 + 1)) / (tf + norm);
    }
    return { id, score: -score };
  });
}

/** Searches every indexed unit for all of `terms`, best hits first. */
export function searchIndex(
  db: Database.Database,
  terms: readonly string[],
  options: SearchOptions = {},
): SearchResult {
  const parsed = parseQuery(terms);
  const limit = Math.max(1, options.limit ?? 20);
  const filtered = isFiltered(options);
  const ranges = filtered ? allowedRanges(db, options) : undefined;
  const needles = parsed.terms.flatMap((t) => t.runs);
  // Ranked here, not by FTS5's bm25(): that first counts every row holding each phrase (its IDF),
  // reading the whole posting list however small the window — for 发展 most of the query's time.
  const ranked = rankWindow(windowRows(db, parsed.match, ranges), needles);
  ranked.sort((a, b) => a.score - b.score || a.id - b.id);
  const detail = db.prepare(
    `SELECT e.series, e.edition, e.year, e.title, u.unit_id, u.number, u.heading, u.depth, u.text
     FROM units u JOIN editions e ON e.id = u.edition_id WHERE u.id = ?`,
  );
  const hits: SearchHit[] = [];
  let dropped = 0;
  // The index can match a bigram pair across punctuation: such rows are checked and dropped here.
  for (const { id, score } of ranked) {
    if (hits.length >= limit) break;
    const row = detail.get(id) as Row | undefined;
    if (!row || !matchesAll(foldText(row.text), parsed.terms)) {
      dropped++;
      continue;
    }
    hits.push({
      series: row.series,
      edition: row.edition,
      year: row.year,
      title: row.title,
      unitId: row.unit_id,
      number: row.number,
      heading: row.heading,
      depth: row.depth,
      snippet: makeSnippet(row.text, needles),
      score: Math.round(-score * 1000) / 1000,
    });
  }
  return {
    query: [...terms],
    terms: parsed.terms,
    total: ranked.length - dropped,
    complete: ranked.length < RANK_WINDOW,
    hits,
  };
}
