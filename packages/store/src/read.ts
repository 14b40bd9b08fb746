import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Plan, PlandiffError } from '@plandiff/model';
import { type Corpus, openCorpus, type SeriesInfo } from './corpus.ts';
import { editionPaths, type SourceRecord, SourceRecordSchema } from './layout.ts';
import { explainBadName } from './names.ts';
import { type CorpusRef, formatRef, parseRef } from './refs.ts';
import { sourcePaths } from './source-files.ts';
import { recoverIfInterrupted } from './transaction.ts';
import { readAtRevision } from './tree.ts';
import { formatZodIssue, parsePlanJson } from './validate.ts';

/** One stored edition with its plan. */
export interface StoredEdition {
  edition: string;
  year?: number;
  plan: Plan;
  /** Corpus-relative path of its plan.json. */
  path: string;
}

/** A series as listed: its metadata and edition names in order. */
export interface SeriesListing {
  series: string;
  info: SeriesInfo;
  editions: string[];
}

/**
 * Rolls back a writer that died mid-write, before a synchronous listing (listSeries, listEditions),
 * so nobody is shown an edition that was never committed. Does nothing while a live writer works.
 */
export async function settleCorpus(corpusDir: string): Promise<void> {
  await recoverIfInterrupted(openCorpus(corpusDir));
}

/** Orders edition names: by leading number (a year) when they have one, then by name. */
export function compareEditions(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  if (Number.isFinite(na) !== Number.isFinite(nb)) return Number.isFinite(na) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Edition names stored for `series`, oldest first (empty when the series has none). */
export function listEditionNames(corpusDir: string, series: string): string[] {
  const dir = join(corpusDir, series);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (d) => d.isDirectory() && !explainBadName(d.name, 'edition') && existsSync(join(dir, d.name, 'source.json')),
    )
    .map((d) => d.name)
    .sort(compareEditions);
}

/** Every series in the corpus (from corpus.json and the directories present), with its editions. */
export function listSeries(corpusDir: string): SeriesListing[] {
  const corpus = openCorpus(corpusDir);
  const names = new Set(Object.keys(corpus.config.series));
  for (const d of readdirSync(corpus.dir, { withFileTypes: true })) {
    if (d.isDirectory() && !explainBadName(d.name, 'series') && listEditionNames(corpus.dir, d.name).length > 0)
      names.add(d.name);
  }
  return [...names].sort().map((series) => ({
    series,
    info: corpus.config.series[series] ?? {},
    editions: listEditionNames(corpus.dir, series),
  }));
}

/**
 * Loads every edition of a series, oldest first, each plan validated (a bad plan.json throws
 * STORE_INVALID naming it). Used by `plandiff trace <series>` and `plandiff report <series>`.
 */
export function listEditions(corpusDir: string, series: string): StoredEdition[] {
  const corpus = openCorpus(corpusDir);
  const names = listEditionNames(corpus.dir, series);
  if (names.length === 0) throw notFound(corpus, `series "${series}" has no editions`);
  return names.map((edition) => {
    const { plan, path } = readStoredPlan(corpus, series, edition);
    return plan.year === undefined ? { edition, plan, path } : { edition, year: plan.year, plan, path };
  });
}

/** Reads and validates the current plan.json of one edition. */
export function readStoredPlan(corpus: Corpus, series: string, edition: string): { plan: Plan; path: string } {
  const path = editionPaths(series, edition).plan;
  const file = join(corpus.dir, path);
  if (!existsSync(file)) throw notFound(corpus, `${series}@${edition} is not stored`);
  return { plan: parsePlanJson(readFileSync(file, 'utf8'), file), path };
}

/** Reads and validates the current source.json of one edition. */
export function readSourceRecord(corpus: Corpus, series: string, edition: string): SourceRecord {
  const file = join(corpus.dir, editionPaths(series, edition).record);
  if (!existsSync(file)) throw notFound(corpus, `${series}@${edition} is not stored`);
  return parseRecord(readFileSync(file, 'utf8'), file);
}

/** Turns `latest` into the newest edition name; checks a named edition exists. */
export function resolveEdition(corpus: Corpus, series: string, edition: string): string {
  const names = listEditionNames(corpus.dir, series);
  if (names.length === 0) throw notFound(corpus, `series "${series}" has no editions`);
  if (edition === 'latest') return names[names.length - 1] as string;
  if (!names.includes(edition)) {
    throw notFound(corpus, `${series}@${edition} is not stored (editions: ${names.join(', ')})`);
  }
  return edition;
}

/** One archived version of an edition, newest first in `logEdition`. */
export interface EditionVersion {
  commit: string;
  /** Commit date, ISO 8601. */
  date: string;
  subject: string;
  sha256: string;
  size: number;
  url?: string;
  fileName?: string;
  fetchedAt?: string;
  importedAt?: string;
}

/** Every version of an edition's source (commits that changed its bytes), newest first. */
export async function logEdition(corpusDir: string, ref: string | CorpusRef): Promise<EditionVersion[]> {
  const corpus = openCorpus(corpusDir);
  const parsed = typeof ref === 'string' ? parseRef(ref) : ref;
  await recoverIfInterrupted(corpus);
  const edition = resolveEdition(corpus, parsed.series, parsed.edition);
  return versionsOf(corpus, parsed.series, edition);
}

async function versionsOf(corpus: Corpus, series: string, edition: string): Promise<EditionVersion[]> {
  const paths = editionPaths(series, edition);
  const out = await corpus.git.raw(['log', '-z', '--format=%H%x1f%cI%x1f%s', '--', ...sourcePaths(paths.dir)]);
  const versions: EditionVersion[] = [];
  for (const line of out.split('\0')) {
    const [commit, date, subject] = line.trim().split('\x1f');
    if (!commit || !date) continue;
    const bytes = await readAtRevision(corpus.git, commit, paths.record);
    if (!bytes) continue;
    const record = parseRecord(bytes.toString('utf8'), `${paths.record} at ${commit.slice(0, 12)}`);
    const version: EditionVersion = { commit, date, subject: subject ?? '', sha256: record.sha256, size: record.size };
    const url = record.finalUrl ?? record.url;
    if (url !== undefined) version.url = url;
    if (record.fileName !== undefined) version.fileName = record.fileName;
    if (record.fetchedAt !== undefined) version.fetchedAt = record.fetchedAt;
    if (record.importedAt !== undefined) version.importedAt = record.importedAt;
    versions.push(version);
  }
  return versions;
}

/** A plan loaded through a reference. */
export interface LoadedRef {
  ref: CorpusRef;
  /** The concrete edition (`latest` resolved). */
  edition: string;
  plan: Plan;
  /** Where it was read: a path in the corpus, with `@commit` for older versions. */
  file: string;
  /** The commit an older version was read from. */
  commit?: string;
}

/**
 * Loads the plan a reference names: `S@E` (current), `S@latest` (newest edition), `S@E~N` (the plan
 * derived for the Nth previous version of the source: read from just before the next version's commit,
 * so rebuilds made since are included).
 */
export async function loadRef(corpusDir: string, ref: string | CorpusRef): Promise<LoadedRef> {
  const corpus = openCorpus(corpusDir);
  const parsed = typeof ref === 'string' ? parseRef(ref) : ref;
  await recoverIfInterrupted(corpus);
  const edition = resolveEdition(corpus, parsed.series, parsed.edition);
  if (parsed.back === 0) {
    const { plan, path } = readStoredPlan(corpus, parsed.series, edition);
    return { ref: parsed, edition, plan, file: join(corpus.dir, path) };
  }
  const versions = await versionsOf(corpus, parsed.series, edition);
  const newer = versions[parsed.back - 1];
  if (parsed.back >= versions.length || !newer) {
    const count = versions.length === 1 ? 'only one version' : `only ${versions.length} versions`;
    throw notFound(corpus, `${formatRef(parsed)}: ${parsed.series}@${edition} has ${count}`);
  }
  const path = editionPaths(parsed.series, edition).plan;
  const rev = `${newer.commit}^`;
  const bytes = await readAtRevision(corpus.git, rev, path);
  const file = `${join(corpus.dir, path)}@${(versions[parsed.back]?.commit ?? rev).slice(0, 12)}`;
  if (!bytes) throw notFound(corpus, `${formatRef(parsed)}: no plan.json before commit ${newer.commit.slice(0, 12)}`);
  return {
    ref: parsed,
    edition,
    plan: parsePlanJson(bytes.toString('utf8'), file),
    file,
    commit: versions[parsed.back]?.commit ?? rev,
  };
}

function parseRecord(text: string, file: string): SourceRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlandiffError('STORE_INVALID', `${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = SourceRecordSchema.safeParse(data);
  if (!result.success)
    throw new PlandiffError('STORE_INVALID', `${file}: invalid at ${formatZodIssue(result.error.issues[0])}`);
  return result.data;
}

function notFound(corpus: Corpus, message: string): PlandiffError {
  return new PlandiffError('STORE_NOT_FOUND', `${message} in corpus ${corpus.dir}`);
}
