import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Diagnostic, PlandiffError } from '@plandiff/model';
import { hashBlob } from './blob-hash.ts';
import {
  CORPUS_FILE,
  type OpenOptions,
  openCorpus,
  readCorpusConfig,
  renderCorpusConfig,
  SCAFFOLD,
  type SeriesInfo,
} from './corpus.ts';
import { editionPaths, renderJson, sourceFileName, storedPlan, stripCredentials } from './layout.ts';
import { acquireLock } from './lock.ts';
import { validateName } from './names.ts';
import type { Normalizer } from './normalizer.ts';
import { pauseAt } from './pause.ts';
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
import { commitFiles, type FileWrite, recoverCorpus } from './transaction.ts';
import { listHeadBlobs } from './tree.ts';

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
}

/** Result of importSources: per-source outcomes and the single commit made (if anything changed). */
export interface ImportReport {
  commit?: string;
  editions: ImportedEdition[];
  failures: ImportFailure[];
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
    await recoverCorpus(corpus);
    const config = readCorpusConfig(corpus.dir) ?? corpus.config;
    const heads = await listHeadBlobs(
      corpus.git,
      prepared.map((p) => editionPaths(p.input.series, p.edition).dir),
    );
    const algorithm = [...heads.values()][0]?.length === 64 ? 'sha256' : 'sha1';
    const writes: FileWrite[] = [];
    const editions: ImportedEdition[] = [];
    const now = new Date().toISOString();
    for (const p of prepared) {
      const paths = editionPaths(p.input.series, p.edition);
      const file = sourceFileName(p.input.kind);
      const target = `${paths.dir}/${file}`;
      const known = heads.get(target);
      const status =
        known === hashBlob(p.input.bytes, algorithm) ? 'unchanged' : heads.has(paths.record) ? 'updated' : 'added';
      editions.push({
        series: p.input.series,
        edition: p.edition,
        label: p.input.label,
        status,
        sha256: p.sha256,
        title: p.plan.title,
        diagnostics: p.diagnostics,
      });
      if (status === 'unchanged') continue;
      const record = buildRecord(p, file, now);
      const plan = storedPlan(p.plan, record, target);
      writes.push(
        { path: target, bytes: p.input.bytes },
        { path: paths.record, bytes: Buffer.from(renderJson(record)) },
        { path: paths.plan, bytes: Buffer.from(renderJson(plan)) },
        { path: paths.outline, bytes: Buffer.from(options.normalizer.render(plan)) },
      );
      for (const other of sourcePaths(paths.dir))
        if (other !== target && heads.has(other)) writes.push({ path: other, bytes: null });
    }
    const nextConfig = mergeSeries(config, prepared, options.seriesInfo);
    const configText = renderCorpusConfig(nextConfig);
    if (writes.length > 0 || configText !== renderCorpusConfig(config) || !readCorpusConfig(corpus.dir)) {
      writes.push({ path: CORPUS_FILE, bytes: Buffer.from(configText) });
    }
    if (!readCorpusConfig(corpus.dir)) {
      for (const [name, text] of Object.entries(SCAFFOLD)) {
        if (!existsSync(join(corpus.dir, name))) writes.push({ path: name, bytes: Buffer.from(text) });
      }
    }
    const commit = await commitFiles(corpus, writes, commitMessage(options.command ?? 'import', editions));
    return commit ? { commit, editions, failures } : { editions, failures };
  } finally {
    lock.release();
  }
}

function mergeSeries(
  config: ReturnType<typeof readCorpusConfig> & object,
  prepared: Prepared[],
  given: Record<string, SeriesInfo> | undefined,
) {
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
  const body = changed.map(
    (e) => `${e.series}@${e.edition}: ${e.status} from ${stripCredentials(e.label)} (sha256 ${e.sha256})`,
  );
  return body.length > 0 ? `${subject}\n\n${body.join('\n')}\n` : subject;
}

function timeout(options: ImportOptions): { timeoutMs?: number } {
  return options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs };
}
