import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { PlandiffError } from '@plandiff/model';

/** Largest input file plandiff reads (bytes); larger files are refused before reading. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A file's bytes, its decoded text and how it was decoded. */
export interface LoadedFile {
  path: string;
  bytes: Uint8Array;
  text: string;
  encoding: string;
  sha256: string;
}

/** Reads a local file and decodes it, refusing missing, empty, oversized or binary files clearly. */
export function loadFile(path: string): LoadedFile {
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
  if (looksBinary(bytes))
    throw new PlandiffError('INPUT_BINARY', `${path}: looks like a binary file, not text or HTML`);
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw new PlandiffError('INPUT_EMPTY', `${path}: file holds only whitespace`);
  return { path, bytes, text, encoding, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Decodes text bytes: BOM first, then strict UTF-8, else GB18030 (the superset of GBK/GB2312). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Binary sniffing: NUL bytes or many control characters in the first 8 KB (UTF-16 BOMs excepted). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > head.length * 0.1;
}
