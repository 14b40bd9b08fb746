import type Database from 'better-sqlite3';
import { type FlatUnit, PREAMBLE_ID } from './flatten.ts';
import { foldText } from './fold.ts';
import { bigramsOf, splitRuns } from './tokens.ts';

/** A unit's text as the diff engine's similarity reads it. */
export type ScoredText = { text: string; number: string; heading: string };
type SampleRow = ScoredText & { id: number; unit_id: string };

/** Units sampled from the target: for the bigram document frequencies and for the IDF background. */
export const SAMPLE = 2_000;
/**
 * Bigrams of a task whose postings are read (rarest first: in practice all of a task's bigrams under the
 * cap), and candidates kept per task. Reading 16 instead (the first version) spent the quota on bigrams
 * of local names found in three units and missed the mid-frequency ones (民办, 均衡) an echo shares.
 */
const QUERY_GRAMS = 64;
const CANDIDATES_PER_TASK = 40;
/** Weight of a task's heading bigrams against its body's (the engine counts a heading twice). */
const HEAD_FACTOR = 2;
/** Units per task kept by the raw overlap, before it is divided by the unit's length. */
const SHORTLIST = 300;
/** A bigram in more than this share of the target units says little about where a task's echo is. */
const MAX_GRAM_SHARE = 0.01;
/** Most postings read for one bigram, whatever the corpus size: it bounds the work per task. */
const MAX_GRAM_UNITS = 3_000;
/** Least postings read for a bigram before it counts as too common (small targets). */
const MIN_GRAM_CAP = 50;

/** Distinct index bigrams of a text (the `grams` stream's Han bigrams). */
export function gramSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of splitRuns(foldText(text))) if (run.han) for (const g of bigramsOf(run.text)) out.add(g);
  return out;
}

/**
 * Target units at evenly spread positions of the target ranges (all of them when at most SAMPLE):
 * a uniform sample, so bigram frequencies measured in it are the target's, at a fixed cost.
 */
export function sampleTarget(db: Database.Database, ranges: readonly [number, number][], count: number): SampleRow[] {
  const columns = 'SELECT id, unit_id, text, number, heading FROM units';
  if (count <= SAMPLE) {
    const range = db.prepare(`${columns} WHERE id BETWEEN ? AND ?`);
    return ranges.flatMap(([a, b]) => range.all(a, b) as SampleRow[]);
  }
  const get = db.prepare(`${columns} WHERE id = ?`);
  const out: SampleRow[] = [];
  let r = 0;
  let before = 0; // target units in ranges[0..r)
  for (let k = 0; k < SAMPLE; k++) {
    const p = Math.floor((k * count) / SAMPLE);
    while (r < ranges.length && p >= before + ranges[r]![1] - ranges[r]![0] + 1) {
      before += ranges[r]![1] - ranges[r]![0] + 1;
      r++;
    }
    const range = ranges[r];
    if (!range) break;
    const row = get.get(range[0] + p - before) as SampleRow | undefined;
    if (row) out.push(row);
  }
  return out;
}

/** Unit lengths fetched per statement: one statement per batch, not one per unit (a third of the time). */
const LENGTH_BATCH = 500;

/** Characters of each unit (by row id), read in batches through json_each. */
function unitLengths(db: Database.Database, ids: Iterable<number>): Map<number, number> {
  const query = db.prepare('SELECT id, length(text) FROM units WHERE id IN (SELECT value FROM json_each(?))').raw();
  const all = [...ids];
  const out = new Map<number, number>();
  for (let i = 0; i < all.length; i += LENGTH_BATCH)
    for (const [id, n] of query.all(JSON.stringify(all.slice(i, i + LENGTH_BATCH))) as [number, number][])
      out.set(id, n);
  return out;
}

/**
 * Candidate target units per task. Each task's bigrams under the cap (document frequency estimated in
 * the sample, so the ubiquitous ones are never read) have their postings read from FTS5 once for all
 * tasks, rarest first; a bigram with more than 1 % of the target's units (at most MAX_GRAM_UNITS) is
 * dropped as soon as that many postings are read. A unit's score for a task is the sum of the squared
 * IDF of the bigrams it shares with the task — each shared bigram adds idf × idf to the cosine's
 * numerator, so rare ones dominate and the commoner ones a short heading is made of still count — over
 * the root of its length. Reads at most QUERY_GRAMS × cap postings per task whatever the corpus size,
 * and none of FTS5's ranking.
 */
export function echoCandidates(
  db: Database.Database,
  tasks: readonly FlatUnit[],
  sample: readonly SampleRow[],
  count: number,
  filtered: boolean,
): number[] {
  const sampleDf = new Map<string, number>();
  for (const row of sample) for (const g of gramSet(row.text)) sampleDf.set(g, (sampleDf.get(g) ?? 0) + 1);
  const scale = count / Math.max(1, sample.length);
  const cap = Math.min(MAX_GRAM_UNITS, Math.max(MIN_GRAM_CAP, Math.ceil(count * MAX_GRAM_SHARE)));
  // Rarest first by the sample's estimate; postings are then read in that order (below).
  const taskGrams = tasks.map((task) =>
    [...gramSet(task.text)]
      .map((g) => ({ g, n: sampleDf.get(g) ?? 0 }))
      .filter((x) => x.n * scale <= cap)
      .sort((a, b) => a.n - b.n || (a.g < b.g ? -1 : 1))
      .map((x) => x.g),
  );
  const headGrams = tasks.map((task) => gramSet(task.heading || task.text));
  // The target's postings only (plandiff_allowed answers for the filter useRanges set), ascending.
  const filter = filtered ? ' AND plandiff_allowed(rowid)' : '';
  const postings = db
    .prepare(`SELECT rowid FROM fts WHERE fts MATCH ?${filter} ORDER BY rowid LIMIT ${cap + 1}`)
    .pluck();
  const read = new Map<string, number[] | null>();
  const postingsOf = (g: string): number[] | null => {
    let ids = read.get(g);
    if (ids === undefined) {
      ids = postings.all(`grams : "${g}"`) as number[];
      if (ids.length > cap) ids = null;
      read.set(g, ids);
    }
    return ids;
  };
  // Scores accumulate in one typed array indexed by row id, reset after each task: a Map per task
  // (up to 64 × 3,000 entries, 43 tasks) was most of the time, and its garbage most of the rest.
  const maxId = (db.prepare('SELECT max(id) FROM units').pluck().get() as number | null) ?? 0;
  // Float32: 4 bytes a unit (19 MB for 4.7 M units); a sum of at most 64 squared IDFs needs no more.
  const acc = new Float32Array(maxId + 1);
  const shortlists = taskGrams.map((grams, t) => {
    const head = headGrams[t]!;
    const touched: number[] = [];
    let used = 0;
    // A bigram the sample never saw may be absent from the target (unique to the task): skip it and
    // read on, until QUERY_GRAMS bigrams that the target does hold have been counted.
    for (const g of grams) {
      if (used >= QUERY_GRAMS) break;
      const ids = postingsOf(g);
      if (!ids || ids.length === 0) continue;
      used++;
      // Heading bigrams weigh more, as the engine weights the heading (a short unit often matches only it).
      const idf = Math.log((count + 1) / (ids.length + 1)) * (head.has(g) ? HEAD_FACTOR : 1);
      const weight = idf * idf;
      if (!(weight > 0)) continue; // in every target unit: says nothing (and would break `touched`)
      for (const id of ids) {
        if (acc[id] === 0) touched.push(id);
        acc[id]! += weight;
      }
    }
    // Only units at or above the SHORTLIST-th best score are sorted (a typed sort finds it): a task
    // can share a bigram with a hundred thousand units.
    const values = Float64Array.from(touched, (id) => acc[id]!).sort();
    const floor = values[Math.max(0, values.length - SHORTLIST)] ?? 0;
    const list = touched
      .filter((id) => acc[id]! >= floor)
      .map((id) => [id, acc[id]!] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, SHORTLIST);
    for (const id of touched) acc[id] = 0;
    return list;
  });
  // The raw overlap favours long paragraphs; like the cosine, divide by the root of the unit's
  // length, so a short heading that says the same (促进义务教育均衡发展) can win.
  const lengths = unitLengths(db, new Set(shortlists.flatMap((list) => list.map(([id]) => id))));
  const out = new Set<number>();
  for (const list of shortlists) {
    const best = list
      .map(([id, s]) => [id, s / Math.sqrt(Math.max(4, lengths.get(id) ?? 0))] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES_PER_TASK);
    for (const [id] of best) out.add(id);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Target units that are not candidates, for the IDF only, so the index route's IDF is the one scoring
 * every target would use: all of them when they are few (the scores are then exactly the exhaustive
 * ones), else the sample. Drawn from the target, not the whole index (which holds the plan's own
 * series), and never a candidate again: that would count its bigrams twice and sink the weight of
 * exactly what task and candidate share, pushing true echoes below the floor.
 */
export function backgroundUnits(
  db: Database.Database,
  ranges: readonly [number, number][],
  count: number,
  sample: readonly SampleRow[],
  candidates: ReadonlySet<number>,
): ScoredText[] {
  const keep = (row: SampleRow) => !candidates.has(row.id) && row.unit_id !== PREAMBLE_ID;
  if (count <= SAMPLE || count - candidates.size > SAMPLE) return sample.filter(keep);
  const range = db.prepare('SELECT id, unit_id, text, number, heading FROM units WHERE id BETWEEN ? AND ?');
  return ranges.flatMap(([a, b]) => (range.all(a, b) as SampleRow[]).filter(keep));
}
