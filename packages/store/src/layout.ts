import type { Plan } from '@plandiff/model';
import { z } from 'zod';
import { AttachmentRecordSchema, isAttachmentFile } from './attachments.ts';
import { SOURCE_FILE_NAMES, type SourceKind, sourceFileName } from './source-files.ts';

export { type SourceKind, sourceFileName };

/** What `source.json` records about the archived bytes next to it. */
export const SourceRecordSchema = z.object({
  /** `source.html`, `source.txt`, or `source.docx`/`.pdf`/`.doc`/`.wps` for a document. */
  file: z.enum(SOURCE_FILE_NAMES),
  /** The URL requested (credentials stripped). */
  url: z.string().optional(),
  /** The URL after redirects (credentials stripped). */
  finalUrl: z.string().optional(),
  /** HTTP status of the fetch. */
  status: z.number().int().optional(),
  fetchedAt: z.string().optional(),
  importedAt: z.string().optional(),
  /** Base name of the imported file (never the full local path). */
  fileName: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Byte length of the archived source. */
  size: z.number().int().nonnegative(),
  /** Text encoding the bytes were decoded with. */
  encoding: z.string(),
  /** Selected response headers (content-type, last-modified, etag). */
  headers: z.record(z.string(), z.string()).optional(),
  /** Files the page links, archived beside it (`attachment-1.docx` …), in page order. */
  attachments: z.array(AttachmentRecordSchema).optional(),
  /** The attachment the plan was read from (its `file`); the page is then the plan's notice. */
  planFrom: z.string().refine(isAttachmentFile, 'not an attachment file name').optional(),
});

/** Contents of `source.json`. */
export type SourceRecord = z.infer<typeof SourceRecordSchema>;

/** Response headers worth keeping: they say what the server claimed about the page. */
export const KEPT_HEADERS = ['content-type', 'last-modified', 'etag', 'content-language', 'date'];

/** The corpus-relative paths (with `/`) of one edition's files. */
export function editionPaths(series: string, edition: string) {
  const dir = `${series}/${edition}`;
  return {
    dir,
    html: `${dir}/source.html`,
    txt: `${dir}/source.txt`,
    record: `${dir}/source.json`,
    plan: `${dir}/plan.json`,
    outline: `${dir}/plan.md`,
    /** Re-fetches whose plan was unchanged: one JSON line each (time, url or file, sha256, size). */
    fetchLog: `${dir}/fetch-log.jsonl`,
  };
}

/** Removes user:password from a URL so credentials never reach the archive; other strings pass through. */
export function stripCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
  }
}

/** Keeps only the headers in KEPT_HEADERS (lower-cased names). */
export function selectHeaders(
  headers: Record<string, string | string[] | undefined> | undefined,
): Record<string, string> | undefined {
  if (!headers) return undefined;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (KEPT_HEADERS.includes(key) && value !== undefined) kept[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** Stable JSON for files in the corpus: two-space indent, trailing newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The plan as stored: the derived plan with its provenance pointing at the archived copy
 * (corpus-relative path, original URL, the bytes' sha256 and encoding). Shared by import and rebuild
 * so both write identical plan.json for identical input.
 */
export function storedPlan(derived: Plan, record: SourceRecord, sourcePath: string): Plan {
  // A plan read from an attachment names that file: its units came from those bytes.
  const from = record.planFrom === undefined ? undefined : record.attachments?.find((a) => a.file === record.planFrom);
  if (from) {
    const path = `${sourcePath.slice(0, sourcePath.lastIndexOf('/'))}/${from.file}`;
    return { ...derived, source: { path, url: from.finalUrl ?? from.url, sha256: from.sha256, encoding: from.kind } };
  }
  const url = record.finalUrl ?? record.url;
  return {
    ...derived,
    source: {
      path: sourcePath,
      ...(url === undefined ? {} : { url }),
      sha256: record.sha256,
      encoding: record.encoding,
    },
  };
}
