import { z } from 'zod';
import { hashBlob, sha256Hex } from './blob-hash.ts';
import type { FileWrite } from './transaction.ts';

/**
 * Files a notice page links (附件：《…》.docx, .pdf, .xlsx …), archived beside the page as
 * `attachment-<n>.<kind>`. The names are plandiff's own, never the server's (a name from a page is
 * untrusted); the name the page gave is recorded in source.json.
 */
export const ATTACHMENT_KINDS = ['docx', 'pdf', 'doc', 'wps', 'xlsx', 'xls', 'bin'] as const;

/** A kind of archived attachment (`bin` for a file of no format plandiff names). */
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** True for the kinds a plan can be read from: documents, not spreadsheets or unnamed files. */
export function isDocumentKind(kind: AttachmentKind): kind is 'docx' | 'pdf' | 'doc' | 'wps' {
  return kind === 'docx' || kind === 'pdf' || kind === 'doc' || kind === 'wps';
}

/** At most this many attachments are archived per edition (a page listing hundreds of files is an index). */
export const MAX_ATTACHMENTS = 20;

const FILE = new RegExp(`^attachment-([1-9]\\d?)\\.(${ATTACHMENT_KINDS.join('|')})$`);

/** True for an archived attachment's file name (`attachment-1.docx`). */
export function isAttachmentFile(name: string): boolean {
  const m = FILE.exec(name);
  return m !== null && Number(m[1]) <= MAX_ATTACHMENTS;
}

/** The file name the n-th (from 1) attachment is archived under. */
export function attachmentFileName(n: number, kind: AttachmentKind): string {
  return `attachment-${n}.${kind}`;
}

/** One attachment to archive with a source: exact bytes plus where they came from. */
export interface AttachmentInput {
  bytes: Uint8Array;
  /** What the page called it (the link text, else the URL's file name). */
  name: string;
  url: string;
  finalUrl?: string;
  kind: AttachmentKind;
  contentType?: string;
  fetchedAt?: string;
}

/** What source.json records about one archived attachment. */
export const AttachmentRecordSchema = z.object({
  file: z.string().refine(isAttachmentFile, 'not an attachment file name'),
  name: z.string(),
  url: z.string(),
  finalUrl: z.string().optional(),
  kind: z.enum(ATTACHMENT_KINDS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string().optional(),
  fetchedAt: z.string().optional(),
});

/** An archived attachment as source.json records it. */
export type AttachmentRecord = z.infer<typeof AttachmentRecordSchema>;

/** The source.json entries for a source's attachments, numbered in page order (`clean` strips URL credentials). */
export function attachmentRecords(
  inputs: readonly AttachmentInput[],
  clean: (url: string) => string,
): AttachmentRecord[] {
  return inputs.map((a, i) => {
    const record: AttachmentRecord = {
      file: attachmentFileName(i + 1, a.kind),
      name: a.name,
      url: clean(a.url),
      kind: a.kind,
      sha256: sha256Hex(a.bytes),
      size: a.bytes.length,
    };
    if (a.finalUrl !== undefined && a.finalUrl !== a.url) record.finalUrl = clean(a.finalUrl);
    if (a.contentType !== undefined) record.contentType = a.contentType;
    if (a.fetchedAt !== undefined) record.fetchedAt = a.fetchedAt;
    return record;
  });
}

/**
 * The writes that bring an edition's attachment files in step with `inputs` (new or changed files,
 * and deletions of attachment files the last commit has but the new version lacks), and whether the
 * last commit already holds exactly these bytes.
 */
export function attachmentWrites(
  dir: string,
  inputs: readonly AttachmentInput[],
  heads: ReadonlyMap<string, string>,
  algorithm: 'sha1' | 'sha256',
): { writes: FileWrite[]; same: boolean } {
  const writes: FileWrite[] = [];
  const wanted = new Set<string>();
  let same = true;
  inputs.forEach((a, i) => {
    const path = `${dir}/${attachmentFileName(i + 1, a.kind)}`;
    wanted.add(path);
    if (heads.get(path) === hashBlob(a.bytes, algorithm)) return;
    same = false;
    writes.push({ path, bytes: a.bytes });
  });
  for (const path of heads.keys()) {
    if (!path.startsWith(`${dir}/`) || wanted.has(path) || !isAttachmentFile(path.slice(dir.length + 1))) continue;
    same = false;
    writes.push({ path, bytes: null });
  }
  return { writes, same };
}
