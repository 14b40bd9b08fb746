import type Database from 'better-sqlite3';

/**
 * Version of the index layout and tokenisation. An index written with another version is rebuilt,
 * never read: bump it whenever the tables, the token streams or the folding change.
 */
export const INDEX_VERSION = 2;

/** The tables of `<corpus>/.git/plandiff/index.sqlite` (derived from the corpus; see docs/search.md). */
const DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE editions (
  id INTEGER PRIMARY KEY,
  series TEXT NOT NULL,
  edition TEXT NOT NULL,
  year INTEGER,
  title TEXT NOT NULL,
  region TEXT,
  issuer TEXT,
  issued_on TEXT,
  plan_blob TEXT NOT NULL,
  -- The edition's units are rows first_unit..last_unit of units (and of fts): filters become rowid ranges.
  first_unit INTEGER,
  last_unit INTEGER,
  UNIQUE (series, edition)
);
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id),
  unit_id TEXT NOT NULL,
  parent_id TEXT,
  depth INTEGER NOT NULL,
  number TEXT NOT NULL,
  heading TEXT NOT NULL,
  text TEXT NOT NULL,
  leaf INTEGER NOT NULL
);
CREATE INDEX units_by_edition ON units(edition_id);
CREATE VIRTUAL TABLE fts USING fts5(words, grams, chars, tokenize = 'ascii', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE fts_terms USING fts5vocab(fts, 'row');
`;

/** Creates the index tables in an empty database. */
export function createSchema(db: Database.Database): void {
  db.exec(DDL);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('version', String(INDEX_VERSION));
}

/** Reads one meta value. */
export function readMeta(db: Database.Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Writes one meta value. */
export function writeMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
