import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import type { DocumentFormat } from '@plandiff/scrape/files';

/** Largest input file plandiff reads (bytes); larger files are refused before reading. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A file's bytes, its text (decoded, or read out of a document) and how it was read. */
export interface LoadedFile {
  path: string;
  bytes: Uint8Array;
  text: string;
  /** The character encoding of a text/HTML file; `docx`, `pdf`, `doc` or `wps` for a document. */
  encoding: string;
  format: DocumentFormat;
  sha256: string;
  /** What reading a document noticed (page numbers and running headers removed, …). */
  diagnostics: Diagnostic[];
}

/**
 * Reads a local file — text, HTML, .docx, .pdf (text layer), .doc or .wps — through the scraper's
 * decoder and document reader, refusing missing, empty, oversized, unreadable or other binary
 * files clearly (a scanned PDF with NEEDS_OCR).
 */
export async function loadFile(path: string): Promise<LoadedFile> {
  const bytes = readInputBytes(path);
  const { decodeBytes, detectFormat, isDocumentFormat, readDocument } = await import('@plandiff/scrape/files');
  const format = detectFormat(bytes, path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isDocumentFormat(format)) {
    const document = await readDocument(bytes, format, path);
    if (document.text.trim() === '')
      throw new PlandiffError('INPUT_EMPTY', `${path}: the ${format} file holds no text`);
    return { path, bytes, text: document.text, encoding: format, format, sha256, diagnostics: document.diagnostics };
  }
  if (format === 'xlsx' || format === 'xls')
    throw new PlandiffError('INPUT_BINARY', `${path}: a spreadsheet, not a plan; save the plan as .docx, .pdf or text`);
  if (format === 'binary')
    throw new PlandiffError(
      'INPUT_BINARY',
      `${path}: looks like a binary file, not text, HTML, .docx, .pdf, .doc or .wps`,
    );
  const { text, encoding } = decodeBytes(bytes);
  if (text.trim() === '') throw new PlandiffError('INPUT_EMPTY', `${path}: file holds only whitespace`);
  return { path, bytes, text, encoding, format, sha256, diagnostics: [] };
}

/** A file's bytes, refusing a missing path, a directory, an empty file or one over MAX_INPUT_BYTES. */
export function readInputBytes(path: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new PlandiffError('INPUT_MISSING', `${path}: is a directory, not a file`);
    // A device (/dev/zero) or FIFO has no size to check and may never end: refused before reading.
    if (!stat.isFile())
      throw new PlandiffError('INPUT_MISSING', `${path}: is a device, FIFO or socket, not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof PlandiffError) throw error;
    throw new PlandiffError('INPUT_MISSING', `${path}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new PlandiffError(
      'INPUT_TOO_LARGE',
      `${path}: ${(size / 1048576).toFixed(0)} MB is larger than the ${MAX_INPUT_BYTES / 1048576} MB limit`,
    );
  }
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new PlandiffError('INPUT_EMPTY', `${path}: file is empty`);
  return bytes;
}
