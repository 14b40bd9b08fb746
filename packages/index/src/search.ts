import type Database from 'better-sqlite3';
import { foldText } from './fold.ts';
import { matchesAll, parseQuery, type QueryTerm } from './query.ts';
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
  /** BM25 relevance (higher is better), over words, bigrams and characters. */
  score: number;
}

/** What a search found. */
export interface SearchResult {
  query: string[];
  terms: QueryTerm[];
  /** Units matching every term (within the filters); `hits` holds the best `limit` of them. */
  total: number;
  hits: SearchHit[];
}

/** Column weights for BM25: whole-word matches count most, single characters least. */
const WEIGHTS = '4.0, 1.0, 0.5';

interface Row {
  id: number;
  score: number;
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

/** Searches every indexed unit for all of `terms`, best hits first. */
export function searchIndex(
  db: Database.Database,
  terms: readonly string[],
  options: SearchOptions = {},
): SearchResult {
  const parsed = parseQuery(terms);
  const limit = Math.max(1, options.limit ?? 20);
  const where: string[] = ['fts MATCH @match'];
  const params: Record<string, unknown> = { match: parsed.match };
  if (options.series && options.series.length > 0) {
    where.push(`e.series IN (${options.series.map((_, i) => `@s${i}`).join(', ')})`);
    options.series.forEach((s, i) => {
      params[`s${i}`] = s;
    });
  }
  if (options.from !== undefined) {
    where.push('e.year >= @from');
    params.from = options.from;
  }
  if (options.to !== undefined) {
    where.push('e.year <= @to');
    params.to = options.to;
  }
  const filter = where.join(' AND ');
  const from = 'fts JOIN units u ON u.id = fts.rowid JOIN editions e ON e.id = u.edition_id';
  const total = db.prepare(`SELECT count(*) FROM ${from} WHERE ${filter}`).pluck().get(params) as number;
  // A few extra rows: the index can match bigrams across punctuation, and such rows are dropped below.
  const rows = db
    .prepare(
      `SELECT u.id, bm25(fts, ${WEIGHTS}) AS score, e.series, e.edition, e.year, e.title, u.unit_id, u.number,
              u.heading, u.depth, u.text
       FROM ${from} WHERE ${filter} ORDER BY score, u.id LIMIT @limit`,
    )
    .all({ ...params, limit: limit + 10 }) as Row[];
  const needles = parsed.terms.flatMap((t) => t.runs);
  const hits: SearchHit[] = [];
  let dropped = 0;
  for (const row of rows) {
    if (!matchesAll(foldText(row.text), parsed.terms)) {
      dropped++;
      continue;
    }
    if (hits.length >= limit) continue;
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
      score: Math.round(-row.score * 1000) / 1000,
    });
  }
  return { query: [...terms], terms: parsed.terms, total: total - dropped, hits };
}
