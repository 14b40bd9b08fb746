import { renameSync, rmSync } from 'node:fs';
import { yearFromName } from '@plandiff/diff';
import { PlandiffError } from '@plandiff/model';
import { type Corpus, listSeries, openCorpus, readStoredPlan, settleCorpus } from '@plandiff/store';
import Database from 'better-sqlite3';
import { checkIndexLocation } from './index-file.ts';
import { type EditionRecord, IndexWriter } from './index-writer.ts';
import { createSchema, INDEX_VERSION, readMeta, writeMeta } from './schema.ts';

/** What bringing the index up to date did. */
export interface SyncResult {
  /** `fresh`: nothing to do; `updated`: changed editions re-indexed; `built`: made from scratch. */
  status: 'fresh' | 'updated' | 'built';
  /** Why it was built from scratch (missing, asked for, other version, unreadable). */
  reason?: string;
  added: number;
  updated: number;
  removed: number;
  /** Editions in the index afterwards. */
  editions: number;
  ms: number;
}

/** Options of openIndex. */
export interface OpenIndexOptions {
  /** Build the index from scratch even when it looks current. */
  rebuild?: boolean;
  /** Called while editions are (re)indexed: done so far, how many in all, the edition. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** An index opened for reading, brought up to date with the corpus first. */
export interface OpenedIndex {
  db: Database.Database;
  path: string;
  corpus: Corpus;
  sync: SyncResult;
}

/** Everything in sqlite_master of a fresh index (tables, FTS5 shadow tables), computed once. */
let expectedObjects: string | undefined;

/** Names and types of the schema objects of a database, sorted: an index must hold exactly these. */
function schemaObjects(db: Database.Database): string {
  const rows = db
    .prepare("SELECT type || ' ' || name FROM sqlite_master WHERE type <> 'index' ORDER BY 1")
    .pluck()
    .all();
  return rows.join(',');
}

function expectedSchema(): string {
  if (expectedObjects === undefined) {
    const db = new Database(':memory:');
    createSchema(db);
    expectedObjects = schemaObjects(db);
    db.close();
  }
  return expectedObjects;
}

/** The commit the corpus's HEAD points at ('' before the first commit). */
async function readCorpusHead(corpus: Corpus): Promise<string> {
  try {
    return (await corpus.git.raw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim();
  } catch {
    return '';
  }
}

/** Git blob ids of every committed `<series>/<edition>/plan.json`, keyed `series/edition`. */
async function planBlobs(corpus: Corpus, series: readonly string[], head: string): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (!head) return blobs;
  for (let i = 0; i < series.length; i += 200) {
    const out = await corpus.git.raw(['ls-tree', '-r', '-z', head, '--', ...series.slice(i, i + 200)]);
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      const match = /^([^/]+\/[^/]+)\/plan\.json$/.exec(entry.slice(tab + 1));
      const id = entry.slice(0, tab).split(' ')[2];
      if (tab > 0 && match?.[1] && id) blobs.set(match[1], id);
    }
  }
  return blobs;
}

/** Opens an existing index if it is one of ours, at this version; otherwise says why not. */
function openExisting(path: string): { db?: Database.Database; reason: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    // Only our own tables: no views or triggers a crafted file could bring along.
    if (schemaObjects(db) !== expectedSchema()) throw new Error('unexpected schema');
    if (readMeta(db, 'version') !== String(INDEX_VERSION)) {
      db.close();
      return { reason: 'it was made by another version of plandiff' };
    }
    return { db, reason: '' };
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN') return { reason: 'there is none yet' };
    return { reason: 'the existing one is unreadable' };
  }
}

/** The year an edition is filed under: the year in its name (gwr@2012), else the plan's own (one rule, diff's). */
function editionYear(edition: string, planYear: number | undefined): number | undefined {
  return yearFromName(edition) ?? planYear;
}

function recordOf(corpus: Corpus, series: string, edition: string, blob: string): EditionRecord {
  const { plan } = readStoredPlan(corpus, series, edition);
  return { series, edition, year: editionYear(edition, plan.year), plan, blob };
}

/**
 * Opens the corpus's search index, first bringing it up to date: built from scratch when missing,
 * unreadable, of another version or when `rebuild` is set; otherwise, when the corpus HEAD moved since
 * the index recorded it, only editions whose plan.json changed are re-indexed.
 */
export async function openIndex(corpusDir: string, options: OpenIndexOptions = {}): Promise<OpenedIndex> {
  const started = performance.now();
  await settleCorpus(corpusDir);
  const corpus = openCorpus(corpusDir);
  const head = await readCorpusHead(corpus);
  const path = checkIndexLocation(corpus.dir, true);
  const existing = options.rebuild ? { reason: 'a rebuild was asked for' } : openExisting(path);
  if (existing.db && readMeta(existing.db, 'head') === head) {
    const editions = existing.db.prepare('SELECT count(*) FROM editions').pluck().get() as number;
    const sync: SyncResult = {
      status: 'fresh',
      added: 0,
      updated: 0,
      removed: 0,
      editions,
      ms: performance.now() - started,
    };
    return { db: existing.db, path, corpus, sync };
  }
  const listing = listSeries(corpus.dir).filter((s) => s.editions.length > 0);
  const blobs = await planBlobs(
    corpus,
    listing.map((s) => s.series),
    head,
  );
  const wanted = listing.flatMap((s) =>
    s.editions.map((edition) => ({
      series: s.series,
      edition,
      blob: blobs.get(`${s.series}/${edition}`) ?? 'uncommitted',
    })),
  );
  const progress = options.onProgress ?? (() => {});
  if (!existing.db) {
    const db = buildFresh(path, wanted, head, corpus, progress);
    const sync: SyncResult = {
      status: 'built',
      reason: existing.reason,
      added: wanted.length,
      updated: 0,
      removed: 0,
      editions: wanted.length,
      ms: performance.now() - started,
    };
    return { db, path, corpus, sync };
  }
  const db = existing.db;
  const counts = { added: 0, updated: 0, removed: 0 };
  db.transaction(() => {
    const writer = new IndexWriter(db);
    const had = new Map(
      (
        db.prepare('SELECT series, edition, plan_blob AS blob FROM editions').all() as {
          series: string;
          edition: string;
          blob: string;
        }[]
      ).map((r) => [`${r.series}/${r.edition}`, r]),
    );
    const keep = new Set(wanted.map((w) => `${w.series}/${w.edition}`));
    for (const [key, row] of had) if (!keep.has(key) && writer.remove(row.series, row.edition)) counts.removed++;
    const todo = wanted.filter((w) => had.get(`${w.series}/${w.edition}`)?.blob !== w.blob);
    todo.forEach((w, i) => {
      progress(i, todo.length, `${w.series}@${w.edition}`);
      if (had.has(`${w.series}/${w.edition}`)) counts.updated++;
      else counts.added++;
      writer.add(recordOf(corpus, w.series, w.edition, w.blob));
    });
    writeMeta(db, 'head', head);
  }).immediate();
  const sync: SyncResult = { status: 'updated', ...counts, editions: wanted.length, ms: performance.now() - started };
  return { db, path, corpus, sync };
}

/** Builds the whole index into a temporary file and renames it into place, so no reader sees half of it. */
function buildFresh(
  path: string,
  wanted: readonly { series: string; edition: string; blob: string }[],
  head: string,
  corpus: Corpus,
  progress: (done: number, total: number, label: string) => void,
): Database.Database {
  const tmp = `${path}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  try {
    const db = new Database(tmp);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    createSchema(db);
    const writer = new IndexWriter(db);
    db.transaction(() => {
      wanted.forEach((w, i) => {
        progress(i, wanted.length, `${w.series}@${w.edition}`);
        writer.add(recordOf(corpus, w.series, w.edition, w.blob));
      });
      writeMeta(db, 'head', head);
    })();
    // One FTS5 segment per term instead of the merge levels a long build leaves: echoes read each
    // candidate bigram's postings from one place (≈ 20 % faster on a 472,500-unit index; 82 s after
    // the 27-minute build of 4.7 M units; docs/performance.md). Later updates add small segments.
    db.exec("INSERT INTO fts (fts) VALUES ('optimize')");
    db.close();
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  const db = new Database(path, { fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  return db;
}

/** Throws STORE_NOT_FOUND when the corpus has nothing to search yet. */
export function requireEditions(opened: OpenedIndex): void {
  if (opened.sync.editions === 0)
    throw new PlandiffError(
      'STORE_NOT_FOUND',
      `corpus ${opened.corpus.dir} has no editions yet; add some with \`plandiff import FILE --series NAME\``,
    );
}
