import { basename } from 'node:path';
import { type Diagnostic, type Plan, PlandiffError } from '@plandiff/model';
import { type AttachmentRecord, attachmentWrites } from './attachments.ts';
import { hashBlob } from './blob-hash.ts';
import {
  CORPUS_FILE,
  type CorpusConfig,
  excludeScratch,
  type OpenOptions,
  openCorpus,
  readCorpusConfig,
  renderCorpusConfig,
  SCAFFOLD,
  type SeriesInfo,
} from './corpus.ts';
import type { Git } from './git.ts';
import { editionPaths, renderJson, sourceFileName, storedPlan, stripCredentials } from './layout.ts';
import { acquireLock } from './lock.ts';
import { validateName } from './names.ts';
import type { Normalizer } from './normalizer.ts';
import { pauseAt } from './pause.ts';
import { renderPlanJson } from './plan-size.ts';
import {
  buildRecord,
  findDuplicates,
  type ImportFailure,
  type Prepared,
  prepareSource,
  type SourceInput,
  toFailure,
} from './prepare-source.ts';
import { sourcePaths } from './source-files.ts';
import { commitFilesDetailed, escapeControls, type FileWrite, recoverCorpus } from './transaction.ts';
import { headCommit, listHeadBlobs, lsTree, readObjects } from './tree.ts';

export type { ImportFailure, SourceInput } from './prepare-source.ts';

/** Options for importSources. */
export interface ImportOptions extends OpenOptions {
  normalizer: Normalizer;
  /** Metadata to record for series in `corpus.json` (merged over what is there). */
  seriesInfo?: Record<string, SeriesInfo>;
  lockTimeoutMs?: number;
  /** Verb for the commit message and lock (`import`, `fetch`). */
  command?: string;
  /**
   * `throw` (default): any source that cannot be parsed or named aborts the whole import.
   * `collect`: such sources are reported in `failures` and the others are still stored.
   */
  onError?: 'throw' | 'collect';
  /** Called as each source has been parsed (for progress bars). */
  onParsed?: (done: number, label: string) => void;
}

/** What happened to one source. */
export interface ImportedEdition {
  series: string;
  edition: string;
  label: string;
  status: 'added' | 'updated' | 'unchanged';
  sha256: string;
  title: string;
  diagnostics: Diagnostic[];
  /** Set when the bytes changed but the plan did not: no new version, a line in the edition's fetch-log.jsonl. */
  logged?: boolean;
  /** The files the page linked, archived beside it. */
  attachments?: AttachmentRecord[];
  /** The attachment the plan was read from. */
  planFrom?: string;
}

/** Result of importSources: per-source outcomes and the single commit made (if anything changed). */
export interface ImportReport {
  commit?: string;
  editions: ImportedEdition[];
  failures: ImportFailure[];
  /** Touched paths where the user's uncommitted version was left in the work tree (the commit has plandiff's). */
  keptLocal?: string[];
}

/**
 * Archives sources into the corpus at `dir`: validates names, derives each plan (outside the lock,
 * so concurrent importers parse in parallel), then under the lock writes source/source.json/
 * plan.json/plan.md atomically and makes ONE commit. Sources whose bytes equal the stored ones
 * are reported `unchanged` and cause no commit.
 */
export async function importSources(dir: string, inputs: SourceInput[], options: ImportOptions): Promise<ImportReport> {
  for (const input of inputs) {
    validateName(input.series, 'series');
    if (input.edition !== undefined) validateName(input.edition, 'edition');
  }
  const corpus = openCorpus(dir, options);
  const prepared: Prepared[] = [];
  const failures: ImportFailure[] = [];
  for (const input of inputs) {
    try {
      prepared.push(await prepareSource(input, options.normalizer));
    } catch (error) {
      if (options.onError !== 'collect') throw error;
      failures.push(toFailure(input.label, error));
    }
    options.onParsed?.(prepared.length + failures.length, input.label);
  }
  if (options.onError === 'collect') {
    for (const [index, message] of findDuplicates(prepared).reverse()) {
      const [dropped] = prepared.splice(index, 1);
      if (dropped) failures.push({ label: dropped.input.label, code: 'USAGE', message });
    }
  } else {
    const first = findDuplicates(prepared)[0];
    if (first) throw new PlandiffError('USAGE', first[1]);
  }
  if (prepared.length === 0) return { editions: [], failures };

  const lock = await acquireLock(corpus.dir, { command: options.command ?? 'import', ...timeout(options) });
  try {
    await pauseAt('after-lock');
    excludeScratch(corpus.dir);
    await recoverCorpus(corpus);
    // Re-read corpus.json only if another writer committed while we waited for the lock.
    const head = headCommit(corpus.git);
    const seen = corpus.readAt;
    const committed =
      seen && seen.head === head
        ? seen.committed
          ? corpus.config
          : undefined
        : readCorpusConfig(corpus.dir, corpus.git, head);
    const config = committed ?? corpus.config;
    const heads = await listHeadBlobs(
      corpus.git,
      prepared.map((p) => editionPaths(p.input.series, p.edition).dir),
      head, // read above, under the lock: one rev-parse less per import
    );
    const algorithm = [...heads.values()][0]?.length === 64 ? 'sha256' : 'sha1';
    const oldPlans = readOldPlans(corpus.git, heads, prepared);
    const writes: FileWrite[] = [];
    const editions: ImportedEdition[] = [];
    const now = new Date().toISOString();
    for (const p of prepared) {
      const paths = editionPaths(p.input.series, p.edition);
      const file = sourceFileName(p.input.kind);
      const target = `${paths.dir}/${file}`;
      const record = buildRecord(p, file, now);
      const plan = storedPlan(p.plan, record, target);
      // Attachments are part of the version: changed attachment bytes are a changed source.
      const extra = attachmentWrites(paths.dir, p.input.attachments ?? [], heads, algorithm);
      const sameBytes = heads.get(target) === hashBlob(p.input.bytes, algorithm) && extra.same;
      // Changed bytes, same plan (a visit counter, a session token): no new version, one fetch-log line.
      const samePlan = !sameBytes && heads.has(target) && samePlanText(oldPlans.get(paths.plan), plan);
      const status = sameBytes || samePlan ? 'unchanged' : heads.has(paths.record) ? 'updated' : 'added';
      editions.push({
        series: p.input.series,
        edition: p.edition,
        label: p.input.label,
        status,
        sha256: p.sha256,
        title: p.plan.title,
        diagnostics: p.diagnostics,
        ...(samePlan ? { logged: true } : {}),
        ...(record.attachments ? { attachments: record.attachments } : {}),
        ...(record.planFrom ? { planFrom: record.planFrom } : {}),
      });
      if (samePlan) {
        writes.push({ path: paths.fetchLog, bytes: appendFetchLog(corpus.git, heads.get(paths.fetchLog), p, now) });
        continue;
      }
      if (status === 'unchanged') continue;
      writes.push(
        { path: target, bytes: p.input.bytes },
        { path: paths.record, bytes: Buffer.from(renderJson(record)) },
        { path: paths.plan, bytes: renderPlanJson(plan, p.input.bytes.length, p.input.label) },
        { path: paths.outline, bytes: Buffer.from(options.normalizer.render(plan)) },
        ...extra.writes,
      );
      for (const other of sourcePaths(paths.dir))
        if (other !== target && heads.has(other)) writes.push({ path: other, bytes: null });
    }
    const nextConfig = mergeSeries(config, prepared, options.seriesInfo);
    const configText = renderCorpusConfig(nextConfig);
    if (writes.length > 0 || configText !== renderCorpusConfig(config) || !committed) {
      writes.push({ path: CORPUS_FILE, bytes: Buffer.from(configText) });
    }
    if (!committed) {
      const top = new Set(lsTree(corpus.git, head, undefined, false).map((e) => e.path));
      for (const [name, text] of Object.entries(SCAFFOLD)) {
        if (!top.has(name)) writes.push({ path: name, bytes: Buffer.from(text) });
      }
    }
    const result = await commitFilesDetailed(corpus, writes, commitMessage(options.command ?? 'import', editions));
    const report: ImportReport = { editions, failures };
    if (result.commit) report.commit = result.commit;
    if (result.keptLocal.length > 0) report.keptLocal = result.keptLocal;
    return report;
  } finally {
    lock.release();
  }
}

/** The committed plan.json texts of editions whose source bytes are about to change. */
function readOldPlans(git: Git, heads: Map<string, string>, prepared: Prepared[]): Map<string, string> {
  const paths = prepared.map((p) => editionPaths(p.input.series, p.edition).plan).filter((path) => heads.has(path));
  const texts = readObjects(
    git,
    paths.map((path) => heads.get(path) as string),
  );
  return new Map(paths.map((path, i) => [path, texts[i]?.toString('utf8') ?? '']));
}

/** True when the committed plan equals the new one apart from its provenance (`source`). */
function samePlanText(old: string | undefined, plan: Plan): boolean {
  if (old === undefined) return false;
  try {
    const { source: _a, ...before } = JSON.parse(old) as Plan;
    const { source: _b, ...after } = plan;
    return JSON.stringify(before) === JSON.stringify(JSON.parse(JSON.stringify(after)));
  } catch {
    return false;
  }
}

/** The fetch log with one more line: when, from where, which bytes (not archived: the plan was the same). */
function appendFetchLog(git: Git, blob: string | undefined, p: Prepared, now: string): Buffer {
  const old = blob ? (readObjects(git, [blob])[0] ?? Buffer.alloc(0)) : Buffer.alloc(0);
  const entry: Record<string, string | number> = { time: p.input.fetchedAt ?? now };
  if (p.input.url !== undefined) entry.url = stripCredentials(p.input.finalUrl ?? p.input.url);
  else if (p.input.fileName !== undefined) entry.file = basename(p.input.fileName);
  entry.sha256 = p.sha256;
  entry.size = p.input.bytes.length;
  return Buffer.concat([old, Buffer.from(`${JSON.stringify(entry)}\n`)]);
}

function mergeSeries(config: CorpusConfig, prepared: Prepared[], given: Record<string, SeriesInfo> | undefined) {
  const series = { ...config.series };
  for (const p of prepared) {
    if (series[p.input.series]) continue;
    const info: SeriesInfo = {};
    if (p.plan.issuer) info.issuer = p.plan.issuer;
    if (p.plan.region) info.region = p.plan.region;
    series[p.input.series] = info;
  }
  for (const [name, info] of Object.entries(given ?? {})) {
    validateName(name, 'series');
    series[name] = { ...series[name], ...info };
  }
  return { ...config, series };
}

function commitMessage(verb: string, editions: ImportedEdition[]): string {
  const changed = editions.filter((e) => e.status !== 'unchanged');
  const refs = changed.map((e) => `${e.series}@${e.edition}`);
  const subject =
    refs.length === 1
      ? `${verb} ${refs[0]} (${changed[0]?.status})`
      : refs.length === 0
        ? `${verb}: update corpus.json`
        : `${verb} ${refs.length} editions (${refs[0]} … ${refs[refs.length - 1]})`;
  // Labels are file names or URLs: escaped, so a newline in a name cannot forge a line of the message.
  const body = changed.flatMap((e) => [
    `${e.series}@${e.edition}: ${e.status} from ${escapeControls(stripCredentials(e.label))} (sha256 ${e.sha256})`,
    ...(e.attachments ?? []).map(
      (a) => `  ${a.file}${a.file === e.planFrom ? ' (plan)' : ''}: ${escapeControls(a.url)} (sha256 ${a.sha256})`,
    ),
  ]);
  const logged = editions
    .filter((e) => e.logged)
    .map((e) => `${e.series}@${e.edition}: plan unchanged, logged sha256 ${e.sha256}`);
  const lines = [...body, ...logged];
  const head =
    refs.length === 0 && logged.length > 0
      ? `${verb}: ${logged.length} unchanged plan(s) logged in fetch-log.jsonl`
      : subject;
  return lines.length > 0 ? `${head}\n\n${lines.join('\n')}\n` : head;
}

function timeout(options: ImportOptions): { timeoutMs?: number } {
  return options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs };
}
