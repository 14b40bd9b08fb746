import { basename } from 'node:path';
import { type Diagnostic, isPlandiffError, type Plan, PlandiffError } from '@plandiff/model';
import {
  type AttachmentInput,
  attachmentFileName,
  attachmentRecords,
  isDocumentKind,
  MAX_ATTACHMENTS,
} from './attachments.ts';
import { sha256Hex } from './blob-hash.ts';
import { type SourceKind, type SourceRecord, selectHeaders, stripCredentials } from './layout.ts';
import { validateName } from './names.ts';
import type { Normalizer, PlanAttachment } from './normalizer.ts';
import { checkSourceSize } from './plan-size.ts';
import { validatePlan } from './validate.ts';

/** One source to archive: exact bytes plus where they came from. */
export interface SourceInput {
  bytes: Uint8Array;
  kind: SourceKind;
  series: string;
  /** Edition name; inferred from the plan's year when absent. */
  edition?: string;
  /** Edition to use when neither `edition` nor the plan's year gives one (e.g. the year in a file name). */
  editionFallback?: string;
  /** File name or URL, for messages and the commit message. */
  label: string;
  fileName?: string;
  url?: string;
  finalUrl?: string;
  status?: number;
  fetchedAt?: string;
  encoding?: string;
  headers?: Record<string, string | string[] | undefined>;
  /** Files the page links, archived beside it in the same commit. */
  attachments?: AttachmentInput[];
  /** Index in `attachments` of the document that holds the plan (the page is then its notice). */
  planFrom?: number;
}

/** A source that could not be stored (collect mode). */
export interface ImportFailure {
  label: string;
  code: string;
  message: string;
}

/** A source with its derived plan and chosen edition, ready to store. */
export interface Prepared {
  input: SourceInput;
  edition: string;
  sha256: string;
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** Derives and validates a source's plan and settles its edition (plan year, else the fallback). */
export async function prepareSource(input: SourceInput, normalizer: Normalizer): Promise<Prepared> {
  checkSourceSize(input.bytes.length, input.label);
  const sha256 = sha256Hex(input.bytes);
  const url = input.url === undefined ? undefined : stripCredentials(input.url);
  // attachment-<n> names stop at MAX_ATTACHMENTS: more would only fail at the commit, for every source.
  const count = input.attachments?.length ?? 0;
  if (count > MAX_ATTACHMENTS)
    throw new PlandiffError(
      'USAGE',
      `${input.label}: ${count} attachments; a source archives at most ${MAX_ATTACHMENTS}`,
    );
  for (const a of input.attachments ?? []) checkSourceSize(a.bytes.length, `${input.label}: attachment ${a.name}`);
  const planFrom = planAttachment(input);
  const { plan: raw, diagnostics } = await normalizer.parse({
    bytes: input.bytes,
    kind: input.kind,
    sha256,
    label: input.label,
    ...(input.encoding === undefined ? {} : { encoding: input.encoding }),
    ...(url === undefined ? {} : { url }),
    ...(planFrom === undefined ? {} : { planFrom }),
  });
  const plan = validatePlan(raw, `${input.label} (plan produced by the normalizer)`);
  let edition = input.edition;
  if (edition === undefined) {
    const inferred = plan.year === undefined ? input.editionFallback : String(plan.year);
    if (inferred === undefined) {
      throw new PlandiffError('USAGE', `${input.label}: no year found in the plan to name the edition; give --edition`);
    }
    edition = validateName(inferred, 'edition');
  }
  return { input, edition, sha256, plan, diagnostics };
}

/** The attachment named by `planFrom`, as the normalizer takes it (a document, else a usage error). */
function planAttachment(input: SourceInput): PlanAttachment | undefined {
  if (input.planFrom === undefined) return undefined;
  const a = input.attachments?.[input.planFrom];
  if (!a || !isDocumentKind(a.kind))
    throw new PlandiffError('INTERNAL', `${input.label}: planFrom ${input.planFrom} names no document attachment`);
  return { bytes: a.bytes, kind: a.kind, sha256: sha256Hex(a.bytes), url: stripCredentials(a.url), label: a.name };
}

/** Sources that would land on an edition an earlier source already takes: [index, message]. */
export function findDuplicates(prepared: Prepared[]): [number, string][] {
  const seen = new Map<string, string>();
  const duplicates: [number, string][] = [];
  prepared.forEach((p, index) => {
    const key = `${p.input.series}@${p.edition}`;
    const first = seen.get(key);
    if (first !== undefined) duplicates.push([index, `${first} and ${p.input.label} would both be stored as ${key}`]);
    else seen.set(key, p.input.label);
  });
  return duplicates;
}

/** An error turned into a reported failure (collect mode). */
export function toFailure(label: string, error: unknown): ImportFailure {
  if (isPlandiffError(error)) return { label, code: error.code, message: error.message };
  return { label, code: 'INTERNAL', message: `${label}: ${error instanceof Error ? error.message : String(error)}` };
}

/** The source.json record for a prepared source. */
export function buildRecord(p: Prepared, file: SourceRecord['file'], now: string): SourceRecord {
  const { input } = p;
  const headers = selectHeaders(input.headers);
  const record: SourceRecord = { file, sha256: p.sha256, size: input.bytes.length, encoding: p.plan.source.encoding };
  if (input.url !== undefined) record.url = stripCredentials(input.url);
  if (input.finalUrl !== undefined) record.finalUrl = stripCredentials(input.finalUrl);
  if (input.status !== undefined) record.status = input.status;
  if (input.fetchedAt !== undefined) record.fetchedAt = input.fetchedAt;
  else record.importedAt = now;
  if (input.fileName !== undefined) record.fileName = basename(input.fileName);
  if (headers) record.headers = headers;
  if (input.attachments?.length) record.attachments = attachmentRecords(input.attachments, stripCredentials);
  const from = input.planFrom === undefined ? undefined : input.attachments?.[input.planFrom];
  if (from && input.planFrom !== undefined) record.planFrom = attachmentFileName(input.planFrom + 1, from.kind);
  return record;
}
