import { renameSync, rmSync } from 'node:fs';
import { buildLineage, diffEditions, labelEditions, unitRefs, yearFromName } from '@plandiff/diff';
import {
  type Corpus,
  editionPaths,
  listEditions,
  listSeries,
  openCorpus,
  readSourceRecord,
  type SourceRecord,
  SourceRecordSchema,
  settleCorpus,
} from '@plandiff/store';
import Database from 'better-sqlite3';
import { flattenUnits } from './flatten.ts';

/**
 * The commit of each edition's current source version: the newest commit touching its source file,
 * from one `git log` over the series (not one per edition: a process each was most of an export's
 * time on a large corpus).
 */
async function sourceCommits(corpus: Corpus, series: string, editions: readonly string[]): Promise<string[]> {
  const out = await corpus.git.raw([
    '-c',
    'core.quotePath=false',
    'log',
    '--format=%x00%H',
    '--name-only',
    '--',
    `${series}/`,
  ]);
  // Newest first: the first commit a path shows up in is its newest (with its place in the log).
  const newest = new Map<string, { commit: string; at: number }>();
  out.split('\0').forEach((entry, at) => {
    const [commit, ...files] = entry.split('\n');
    if (commit) for (const f of files) if (f && !newest.has(f)) newest.set(f, { commit: commit.trim(), at });
  });
  return editions.map((e) => {
    const paths = editionPaths(series, e);
    const found = [newest.get(paths.html), newest.get(paths.txt)].filter((x) => x !== undefined);
    return found.sort((a, b) => a.at - b.at)[0]?.commit ?? '';
  });
}

/**
 * The source records (source.json) of a series' editions, all read by one `git cat-file --batch`: the
 * store's readSourceRecord runs three git processes per edition, which was most of an export's time
 * at scale. A record that is missing or does not validate is read again through readSourceRecord, so it
 * fails with the store's own error.
 */
function sourceRecords(corpus: Corpus, series: string, editions: readonly string[]): SourceRecord[] {
  const out = corpus.git.run(
    ['cat-file', '--batch'],
    `${editions.map((e) => `HEAD:${editionPaths(series, e).record}`).join('\n')}\n`,
  );
  let at = 0;
  return editions.map((edition) => {
    const eol = out.indexOf(10, at);
    const header = /^[0-9a-f]+ (\w+) (\d+)$/.exec(out.subarray(at, eol).toString('utf8'));
    at = eol + 1;
    if (!header) return readSourceRecord(corpus, series, edition);
    const size = Number(header[2]);
    const bytes = out.subarray(at, at + size);
    at += size + 1;
    let parsed: ReturnType<typeof SourceRecordSchema.safeParse> | undefined;
    try {
      parsed = header[1] === 'blob' ? SourceRecordSchema.safeParse(JSON.parse(bytes.toString('utf8'))) : undefined;
    } catch {
      parsed = undefined;
    }
    return parsed?.success ? parsed.data : readSourceRecord(corpus, series, edition);
  });
}

/** The export's tables; documented column by column in docs/search.md. */
export const EXPORT_DDL = `
CREATE TABLE editions (
  series TEXT NOT NULL, edition TEXT NOT NULL, year INTEGER, title TEXT NOT NULL, region TEXT, issuer TEXT,
  issued_on TEXT, doc_number TEXT, source_url TEXT, source_sha256 TEXT NOT NULL, "commit" TEXT NOT NULL,
  preamble TEXT NOT NULL,
  PRIMARY KEY (series, edition)
);
CREATE TABLE units (
  series TEXT NOT NULL, edition TEXT NOT NULL, unit_id TEXT NOT NULL, parent_id TEXT, depth INTEGER NOT NULL,
  ordinal INTEGER NOT NULL, number TEXT NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (series, edition, unit_id)
);
CREATE TABLE figures (
  series TEXT NOT NULL, edition TEXT NOT NULL, unit_id TEXT NOT NULL, text TEXT NOT NULL, value REAL NOT NULL,
  unit TEXT NOT NULL, context TEXT NOT NULL
);
CREATE TABLE changes (
  series TEXT NOT NULL, from_edition TEXT NOT NULL, to_edition TEXT NOT NULL, depth INTEGER NOT NULL,
  kind TEXT NOT NULL, moved INTEGER NOT NULL, similarity REAL NOT NULL, from_ids TEXT NOT NULL, to_ids TEXT NOT NULL,
  figures TEXT NOT NULL
);
CREATE TABLE goals (
  series TEXT NOT NULL, goal_id TEXT NOT NULL, heading TEXT NOT NULL, depth INTEGER NOT NULL,
  first_year INTEGER NOT NULL, last_year INTEGER NOT NULL, events INTEGER NOT NULL,
  PRIMARY KEY (series, goal_id)
);
CREATE TABLE goal_events (
  series TEXT NOT NULL, goal_id TEXT NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL, similarity REAL NOT NULL,
  unit_ids TEXT NOT NULL
);
CREATE INDEX units_by_edition ON units(series, edition);
CREATE INDEX figures_by_unit ON figures(series, edition, unit_id);
CREATE INDEX changes_by_pair ON changes(series, from_edition, to_edition);
CREATE INDEX goal_events_by_goal ON goal_events(series, goal_id);
`;

/** What an export wrote. */
export interface ExportSummary {
  file: string;
  series: number;
  editions: number;
  units: number;
  figures: number;
  changes: number;
  goals: number;
}

/** Options of exportSqlite. */
export interface ExportOptions {
  /** Only these series. */
  series?: readonly string[];
  /** Called per series as it is diffed: done so far, how many in all, the series. */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The year an edition is filed under: the year in its name (gwr@2012), else the plan's own (one rule, diff's). */
function yearOf(edition: string, planYear: number | undefined): number | undefined {
  return yearFromName(edition) ?? planYear;
}

/**
 * Writes the corpus as a plain SQLite database any client opens (sqlite3, Datasette, pandas): editions,
 * units, figures, the changes between consecutive editions of each series and the goals traced through
 * them. Written to a temporary file and renamed, so `file` is never left half-written.
 */
export async function exportSqlite(
  corpusDir: string,
  file: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  await settleCorpus(corpusDir);
  const corpus = openCorpus(corpusDir);
  const wanted = options.series ? new Set(options.series) : undefined;
  const listing = listSeries(corpus.dir).filter((s) => s.editions.length > 0 && (!wanted || wanted.has(s.series)));
  const tmp = `${file}.tmp-${process.pid}`;
  rmSync(tmp, { force: true });
  const summary: ExportSummary = {
    file,
    series: listing.length,
    editions: 0,
    units: 0,
    figures: 0,
    changes: 0,
    goals: 0,
  };
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(EXPORT_DDL);
    const put = (table: string, n: number) =>
      db.prepare(`INSERT INTO ${table} VALUES (${Array(n).fill('?').join(', ')})`);
    const insert = {
      edition: put('editions', 12),
      unit: put('units', 9),
      figure: put('figures', 7),
      change: put('changes', 10),
      goal: put('goals', 7),
      event: put('goal_events', 6),
    };
    for (const [done, s] of listing.entries()) {
      options.onProgress?.(done, listing.length, s.series);
      const stored = listEditions(corpus.dir, s.series);
      const commits = await sourceCommits(
        corpus,
        s.series,
        stored.map((e) => e.edition),
      );
      const records = sourceRecords(
        corpus,
        s.series,
        stored.map((e) => e.edition),
      );
      const years = stored.map((e) => yearOf(e.edition, e.plan.year));
      const refs = stored.map((e) => `${s.series}@${e.edition}`);
      const diffs = diffEditions(
        stored.map((e) => e.plan),
        { refs },
      );
      const lineage = buildLineage(
        labelEditions(
          stored.map((e) => e.plan),
          refs,
          years,
        ),
        diffs,
        stored[0] ? unitRefs(stored[0].plan) : [],
      );
      db.transaction(() => {
        stored.forEach((e, i) => {
          const { plan } = e;
          const record = records[i]!;
          insert.edition.run(
            s.series,
            e.edition,
            years[i] ?? null,
            plan.title,
            plan.region ?? null,
            plan.issuer ?? null,
            plan.issuedOn ?? null,
            plan.docNumber ?? null,
            plan.source.url ?? null,
            record.sha256,
            commits[i] ?? '',
            plan.preamble,
          );
          summary.editions++;
          const walk = (units: typeof plan.units) => {
            for (const u of units) {
              for (const f of u.figures) {
                insert.figure.run(s.series, e.edition, u.id, f.text, f.value, f.unit, f.context);
                summary.figures++;
              }
              walk(u.children);
            }
          };
          for (const u of flattenUnits(plan, false)) {
            insert.unit.run(s.series, e.edition, u.unitId, u.parentId, u.depth, u.ordinal, u.number, u.heading, u.text);
            summary.units++;
          }
          walk(plan.units);
        });
        diffs.forEach((diff, i) => {
          for (const c of diff.changes) {
            insert.change.run(
              s.series,
              stored[i]!.edition,
              stored[i + 1]!.edition,
              c.depth,
              c.kind,
              c.moved ? 1 : 0,
              c.similarity,
              JSON.stringify(c.from.map((u) => u.id)),
              JSON.stringify(c.to.map((u) => u.id)),
              JSON.stringify(c.figures),
            );
            summary.changes++;
          }
        });
        for (const g of lineage.goals) {
          insert.goal.run(s.series, g.id, g.heading, g.depth, g.firstYear, g.lastYear, g.events.length);
          summary.goals++;
          for (const ev of g.events)
            insert.event.run(
              s.series,
              g.id,
              ev.year,
              ev.kind,
              ev.similarity,
              JSON.stringify(ev.units.map((u) => u.id)),
            );
        }
      })();
    }
    db.close();
    renameSync(tmp, file);
  } catch (error) {
    if (db.open) db.close();
    rmSync(tmp, { force: true });
    throw error;
  }
  return summary;
}
