import type { Diagnostic } from '@plandiff/model';

/** A document file's text, ready for the normalizer, with what reading it noticed. */
export interface DocumentText {
  text: string;
  format: 'docx' | 'pdf' | 'doc' | 'wps';
  diagnostics: Diagnostic[];
}

/**
 * Reads the text of a plan published as a document (.docx, .pdf with a text layer, .doc, .wps in
 * Word format). Throws INPUT_UNREADABLE for a damaged file and NEEDS_OCR for a scanned PDF.
 */
export async function readDocument(
  bytes: Uint8Array,
  format: 'docx' | 'pdf' | 'doc' | 'wps',
  label: string,
): Promise<DocumentText> {
  // Each reader (mammoth, unpdf, word-extractor) is loaded only for a file that needs it: start-up stays small.
  if (format === 'pdf') {
    const { readPdf } = await import('./read-pdf.ts');
    const pdf = await readPdf(bytes, label);
    return { text: pdf.text, format, diagnostics: pdf.diagnostics };
  }
  if (format === 'docx') {
    const docx = await (await import('./read-docx.ts')).readDocx(bytes, label);
    return { text: docx.text, format, diagnostics: docx.diagnostics };
  }
  const text = await (await import('./read-doc.ts')).readDoc(bytes, label, format);
  return { text, format, diagnostics: [] };
}
