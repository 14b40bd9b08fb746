/** The formats plandiff reads a plan from. */
export type DocumentFormat = 'html' | 'txt' | 'docx' | 'pdf' | 'doc' | 'wps' | 'xlsx' | 'xls' | 'binary';

/**
 * Names a file's format from its leading bytes first (a server's Content-Type and a file's name
 * are often wrong), then from the name and Content-Type where the bytes leave it open (OLE
 * containers hold .doc, .wps and .xls alike; ZIP holds .docx and .xlsx).
 */
export function detectFormat(bytes: Uint8Array, name = '', contentType = ''): DocumentFormat {
  const ext = /\.([a-z0-9]{1,5})(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = contentType.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || leadingPdf(bytes)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = latin1(bytes.subarray(0, Math.min(bytes.length, 65536)));
    if (head.includes('word/') || ext === 'docx' || type.includes('wordprocessingml')) return 'docx';
    if (head.includes('xl/') || ext === 'xlsx' || type.includes('spreadsheetml')) return 'xlsx';
    return 'binary';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (ext === 'wps' || type.includes('wps')) return 'wps';
    if (ext === 'xls' || ext === 'et' || type.includes('excel')) return 'xls';
    return 'doc';
  }
  if (ext === 'wps') return 'wps';
  if (looksBinary(bytes)) return 'binary';
  if (/^(s?html?|xhtml|htm)$/.test(ext) || type.includes('html') || looksLikeHtml(bytes)) return 'html';
  return 'txt';
}

/** A PDF header may follow a little junk (some servers prepend a BOM or whitespace). */
function leadingPdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** True for the formats readDocument turns into text through a document library. */
export function isDocumentFormat(format: DocumentFormat): format is 'docx' | 'pdf' | 'doc' | 'wps' {
  return format === 'docx' || format === 'pdf' || format === 'doc' || format === 'wps';
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

function looksLikeHtml(bytes: Uint8Array): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<meta|<\?xml[^>]*>\s*<html)/i.test(latin1(bytes.subarray(0, 1024)));
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return s;
}
