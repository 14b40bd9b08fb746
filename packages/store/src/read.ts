import { join, resolve } from 'node:path';
import { type Plan, PlandiffError } from '@plandiff/model';
import type { AttachmentRecord } from './attachments.ts';
import { isAttachmentFile } from './attachments.ts';
import { type Corpus, openCorpus, type SeriesInfo } from './corpus.ts';
import { type Git, openGit } from './git.ts';
import { editionPaths, type SourceRecord, SourceRecordSchema } from './layout.ts';
import { explainBadName } from './names.ts';
import { type CorpusRef, formatRef, parseRef } from './refs.ts';
import { isEditionFile, symlinkError } from './safe-path.ts';
import { sourcePaths } from './source-files.ts';
import { headCommit, LINK_MODES, lsTree, readAtRevision, readObjects, type TreeEntry } from './tree.ts';
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
 * Kept for callers written for the work-tree store: readers now read only committed objects (HEAD),
 * so a writer that is mid-way or died is invisible to them and nothing needs settling. Checks the
 * corpus opens; never writes.
 */
export async function settleCorpus(corpusDir: string): Promise<void> {
  openCorpus(corpusDir);
}

/** Orders edition names: by leading number (a year) when they have one, then by name. */
export function compareEditions(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  if (Number.isFinite(na) !== Number.isFinite(nb)) return Number.isFinite(na) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Committed entries under `series` (recursive), refusing a series that is a link in HEAD. */
function seriesEntries(dir: string, git: Git, head: string | undefined, series: string[]): TreeEntry[] {
  const entries = lsTree(git, head, series);
  for (const e of entries) {
    if (LINK_MODES.has(e.mode)) {
      const parts = e.path.split('/');
      // A link as a series or edition folder, or as one of the files plandiff reads, is refused.
      if (parts.length <= 2 || (parts.length === 3 && isEditionFile(parts[2] ?? '')))
        throw symlinkError(join(dir, e.path));
    }
  }
  return entries;
}

/** Editions per series from committed entries: folders holding a regular `source.json`. */
function editionsFrom(entries: TreeEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    const [series = '', edition = '', file, ...rest] = e.path.split('/');
    if (file !== 'source.json' || rest.length > 0 || e.type !== 'blob' || LINK_MODES.has(e.mode)) continue;
    if (explainBadName(edition, 'edition')) continue;
    const list = out.get(series) ?? [];
    list.push(edition);
    out.set(series, list);
  }
  for (const list of out.values()) list.sort(compareEditions);
  return out;
}

/** Edition names committed for `series`, oldest first (empty when the series has none). */
export function listEditionNames(corpusDir: string, series: string): string[] {
  const dir = resolve(corpusDir);
  const git = openGit(dir);
  return editionsFrom(seriesEntries(dir, git, headCommit(git), [series])).get(series) ?? [];
}

/** Every series in the corpus (from corpus.json and the committed folders), with its editions. */
export function listSeries(corpusDir: string): SeriesListing[] {
  const corpus = openCorpus(corpusDir);
  const head = headCommit(corpus.git);
  const names = new Set(Object.keys(corpus.config.series));
  const top = lsTree(corpus.git, head, undefined, false);
  for (const e of top) {
    if (LINK_MODES.has(e.mode) && names.has(e.path)) throw symlinkError(join(corpus.dir, e.path));
  }
  const folders = top.filter((e) => e.type === 'tree' && !explainBadName(e.path, 'series')).map((e) => e.path);
  const editions = editionsFrom(seriesEntries(corpus.dir, corpus.git, head, folders));
  for (const series of editions.keys()) names.add(series);
  return [...names].sort().map((series) => ({
    series,
    info: corpus.config.series[series] ?? {},
    editions: editions.get(series) ?? [],
  }));
}

/**
 * Loads every committed edition of a series, oldest first, each plan validated (a bad plan.json
 * throws STORE_INVALID naming it). Used by `plandiff trace <series>` and `plandiff report <series>`.
 */
export function listEditions(corpusDir: string, series: string): StoredEdition[] {
  const corpus = openCorpus(corpusDir);
  const head = headCommit(corpus.git);
  const entries = seriesEntries(corpus.dir, corpus.git, head, [series]);
  const names = editionsFrom(entries).get(series) ?? [];
  if (names.length === 0) throw notFound(corpus, `series "${series}" has no editions`);
  const ids = new Map(entries.map((e) => [e.path, e]));
  const paths = names.map((edition) => editionPaths(series, edition).plan);
  const texts = readObjects(
    corpus.git,
    paths.map((p) => ids.get(p)?.id ?? `${head}:${p}`),
  );
  return names.map((edition, i) => {
    const path = paths[i] as string;
    const bytes = texts[i];
    if (!bytes) throw notFound(corpus, `${series}@${edition} has no committed plan.json`);
    const plan = parsePlanJson(bytes.toString('utf8'), join(corpus.dir, path));
    return plan.year === undefined ? { edition, plan, path } : { edition, year: plan.year, plan, path };
  });
}

/** Reads one committed file of an edition (a regular file in HEAD), or throws STORE_NOT_FOUND. */
function readCommitted(corpus: Corpus, series: string, edition: string, path: string): Buffer {
  const head = headCommit(corpus.git);
  const entry = seriesEntries(corpus.dir, corpus.git, head, [path]).find((e) => e.path === path);
  const bytes = entry && entry.type === 'blob' ? readObjects(corpus.git, [entry.id])[0] : undefined;
  if (!bytes) throw notFound(corpus, `${series}@${edition} is not stored`);
  return bytes;
}

/** Reads and validates the committed plan.json of one edition. */
export function readStoredPlan(corpus: Corpus, series: string, edition: string): { plan: Plan; path: string } {
  const path = editionPaths(series, edition).plan;
  const bytes = readCommitted(corpus, series, edition, path);
  return { plan: parsePlanJson(bytes.toString('utf8'), join(corpus.dir, path)), path };
}

/** Reads and validates the committed source.json of one edition. */
export function readSourceRecord(corpus: Corpus, series: string, edition: string): SourceRecord {
  const path = editionPaths(series, edition).record;
  return parseRecord(readCommitted(corpus, series, edition, path).toString('utf8'), join(corpus.dir, path));
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
  /** The archived source's file name (`source.html`). */
  file?: string;
  url?: string;
  fileName?: string;
  fetchedAt?: string;
  importedAt?: string;
  /** Files the page linked, archived beside it with this version. */
  attachments?: AttachmentRecord[];
  /** The attachment the plan was read from (its `file`). */
  planFrom?: string;
}

/** Every version of an edition's source (commits that changed its bytes), newest first. */
export async function logEdition(corpusDir: string, ref: string | CorpusRef): Promise<EditionVersion[]> {
  const corpus = openCorpus(corpusDir);
  const parsed = typeof ref === 'string' ? parseRef(ref) : ref;
  const edition = resolveEdition(corpus, parsed.series, parsed.edition);
  return versionsOf(corpus, parsed.series, edition);
}

async function versionsOf(corpus: Corpus, series: string, edition: string): Promise<EditionVersion[]> {
  const paths = editionPaths(series, edition);
  // One literal pathspec (the edition folder) lets git use the commit-graph's changed-path Bloom
  // filters, which plandiff's writers keep up to date: fast even after tens of thousands of commits.
  const out = corpus.git.text([
    'log',
    '-z',
    '--name-only',
    '--no-textconv',
    '--no-ext-diff',
    '--no-renames',
    '--format=%H%x1f%cI%x1f%s',
    'HEAD',
    '--',
    paths.dir,
  ]);
  const sources = new Set(sourcePaths(paths.dir));
  const lines: string[][] = [];
  let touched = false;
  let header: string[] | undefined;
  const flush = () => {
    if (header && touched) lines.push(header);
  };
  for (const token of out.split('\0')) {
    const item = token.replace(/^\n/, '');
    if (item.includes('\x1f')) {
      flush();
      header = item.split('\x1f');
      touched = false;
    } else if (
      sources.has(item) ||
      (item.startsWith(`${paths.dir}/`) && isAttachmentFile(item.slice(paths.dir.length + 1)))
    )
      touched = true;
  }
  flush();
  const records = readObjects(
    corpus.git,
    lines.map(([commit]) => `${commit}:${paths.record}`),
  );
  const versions: EditionVersion[] = [];
  for (const [i, [commit = '', date = '', subject]] of lines.entries()) {
    const bytes = records[i];
    if (!bytes) continue;
    const record = parseRecord(bytes.toString('utf8'), `${paths.record} at ${commit.slice(0, 12)}`);
    const version: EditionVersion = {
      commit,
      date,
      subject: subject ?? '',
      sha256: record.sha256,
      size: record.size,
      file: record.file,
    };
    const url = record.finalUrl ?? record.url;
    if (url !== undefined) version.url = url;
    if (record.fileName !== undefined) version.fileName = record.fileName;
    if (record.fetchedAt !== undefined) version.fetchedAt = record.fetchedAt;
    if (record.importedAt !== undefined) version.importedAt = record.importedAt;
    if (record.attachments?.length) version.attachments = record.attachments;
    if (record.planFrom !== undefined) version.planFrom = record.planFrom;
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
