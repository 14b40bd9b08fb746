import { type Diagnostic, isPlandiffError, PlandiffError } from '@plandiff/model';
import { isDocumentKind } from './attachments.ts';
import { sha256Hex } from './blob-hash.ts';
import { excludeScratch, openCorpus } from './corpus.ts';
import type { Git } from './git.ts';
import { editionPaths, type SourceRecord, storedPlan } from './layout.ts';
import { acquireLock } from './lock.ts';
import { validateName } from './names.ts';
import type { Normalizer } from './normalizer.ts';
import { pauseAt } from './pause.ts';
import { renderPlanJson } from './plan-size.ts';
import { listEditionNames, listSeries, readSourceRecord, resolveEdition } from './read.ts';
import { parseRef } from './refs.ts';
import { kindOfSourceFile } from './source-files.ts';
import { commitFiles, type FileWrite, recoverCorpus } from './transaction.ts';
import { headCommit, readObjects } from './tree.ts';
import { validatePlan } from './validate.ts';

/** Options for rebuildCorpus. */
export interface RebuildOptions {
  normalizer: Normalizer;
  /** Limit to a series (`gwr`) or one edition (`gwr@2012`, `gwr@latest`); everything when absent. */
  target?: string;
  lockTimeoutMs?: number;
}

/** Result of a rebuild. */
export interface RebuildReport {
  commit?: string;
  /** Editions checked (`series@edition`). */
  checked: string[];
  /** Editions whose plan.json or plan.md changed. */
  changed: string[];
  diagnostics: Record<string, Diagnostic[]>;
}

/**
 * Re-derives plan.json and plan.md from the archived sources with the current normalizer and
 * commits every change as ONE commit (none when nothing changed). All-or-nothing: if any source
 * fails to parse, nothing is written and the error names every failing edition.
 */
export async function rebuildCorpus(dir: string, options: RebuildOptions): Promise<RebuildReport> {
  const corpus = openCorpus(dir);
  const lock = await acquireLock(corpus.dir, {
    command: 'rebuild',
    ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
  });
  try {
    await pauseAt('after-lock');
    excludeScratch(corpus.dir);
    await recoverCorpus(corpus);
    const head = headCommit(corpus.git);
    const targets = selectTargets(corpus.dir, options.target);
    const writes: FileWrite[] = [];
    const report: RebuildReport = { checked: [], changed: [], diagnostics: {} };
    const failures: string[] = [];
    for (const { series, edition } of targets) {
      const key = `${series}@${edition}`;
      report.checked.push(key);
      const paths = editionPaths(series, edition);
      try {
        const record = readSourceRecord(corpus, series, edition);
        const sourcePath = `${paths.dir}/${record.file}`;
        // From HEAD, never the work tree (a link or an uncommitted edit there is not the archive).
        const bytes = readObjects(corpus.git, [`${head}:${sourcePath}`])[0];
        if (!bytes) throw new PlandiffError('STORE_NOT_FOUND', `${sourcePath}: not in the last commit`);
        if (sha256Hex(bytes) !== record.sha256) {
          throw new PlandiffError(
            'STORE_INVALID',
            `${sourcePath}: its bytes do not match the sha256 in source.json (${record.sha256.slice(0, 12)}…)`,
          );
        }
        const url = record.finalUrl ?? record.url;
        const planFrom = readPlanAttachment(corpus.git, head, paths.dir, record);
        const { plan: raw, diagnostics } = await options.normalizer.parse({
          bytes,
          kind: kindOfSourceFile(record.file),
          sha256: record.sha256,
          encoding: record.encoding,
          label: sourcePath,
          ...(url === undefined ? {} : { url }),
          ...(planFrom === undefined ? {} : { planFrom }),
        });
        report.diagnostics[key] = diagnostics;
        const derived = validatePlan(raw, `${sourcePath} (plan produced by the normalizer)`);
        const plan = storedPlan(derived, record, sourcePath);
        const files = [
          { path: paths.plan, text: renderPlanJson(plan, bytes.length, sourcePath).toString('utf8') },
          { path: paths.outline, text: options.normalizer.render(plan) },
        ];
        let changed = false;
        for (const file of files) {
          if (readObjects(corpus.git, [`${head}:${file.path}`])[0]?.toString('utf8') === file.text) continue;
          writes.push({ path: file.path, bytes: Buffer.from(file.text) });
          changed = true;
        }
        if (changed) report.changed.push(key);
      } catch (error) {
        if (!isPlandiffError(error) && !(error instanceof Error)) throw error;
        failures.push(`${key}: ${(error as Error).message}`);
      }
    }
    if (failures.length > 0) {
      throw new PlandiffError(
        'STORE_INVALID',
        `rebuild changed nothing; ${failures.length} edition(s) failed: ${failures.join('; ')}`,
      );
    }
    const subject = `rebuild ${report.changed.length} edition(s) with the current normalizer`;
    const commit = await commitFiles(corpus, writes, `${subject}\n\n${report.changed.join('\n')}\n`);
    if (commit) report.commit = commit;
    return report;
  } finally {
    lock.release();
  }
}

/** The committed attachment a plan was read from, its bytes checked against source.json. */
function readPlanAttachment(git: Git, head: string | undefined, dir: string, record: SourceRecord) {
  if (record.planFrom === undefined) return undefined;
  const entry = record.attachments?.find((a) => a.file === record.planFrom);
  const path = `${dir}/${record.planFrom}`;
  const bytes = entry ? readObjects(git, [`${head}:${path}`])[0] : undefined;
  if (!entry || !bytes)
    throw new PlandiffError('STORE_NOT_FOUND', `${path}: the plan's attachment is not in the last commit`);
  if (sha256Hex(bytes) !== entry.sha256)
    throw new PlandiffError('STORE_INVALID', `${path}: its bytes do not match the sha256 in source.json`);
  if (!isDocumentKind(entry.kind))
    throw new PlandiffError('STORE_INVALID', `${path}: a plan cannot be read from a ${entry.kind} file`);
  return { bytes, kind: entry.kind, sha256: entry.sha256, url: entry.finalUrl ?? entry.url, label: path };
}

function selectTargets(dir: string, target: string | undefined): { series: string; edition: string }[] {
  if (target === undefined) {
    return listSeries(dir).flatMap((s) => s.editions.map((edition) => ({ series: s.series, edition })));
  }
  if (!target.includes('@')) {
    validateName(target, 'series');
    const editions = listEditionNames(dir, target);
    if (editions.length === 0)
      throw new PlandiffError('STORE_NOT_FOUND', `series "${target}" has no editions in ${dir}`);
    return editions.map((edition) => ({ series: target, edition }));
  }
  const ref = parseRef(target);
  if (ref.back > 0)
    throw new PlandiffError('BAD_REF', `${target}: rebuild works on current versions only (drop ~${ref.back})`);
  return [{ series: ref.series, edition: resolveEdition(openCorpus(dir), ref.series, ref.edition) }];
}
