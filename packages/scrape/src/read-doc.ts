import { PlandiffError } from '@plandiff/model';

/**
 * Text of a Word 97–2003 .doc (and of a .wps saved in that format, as WPS Office does by default);
 * a .wps in the old WPS-only format is refused with a way out.
 */
export async function readDoc(bytes: Uint8Array, label: string, format: 'doc' | 'wps'): Promise<string> {
  try {
    const WordExtractor = (await import('word-extractor')).default;
    const document = await new WordExtractor().extract(Buffer.from(bytes));
    return [document.getBody(), document.getFootnotes(), document.getEndnotes()]
      .map((part) => part.replace(/\r\n?/g, '\n').trim())
      .filter((part) => part !== '')
      .join('\n');
  } catch (error) {
    if (format === 'wps')
      throw new PlandiffError(
        'INPUT_UNREADABLE',
        `${label}: this .wps file is not in Word format (an old WPS-only format plandiff cannot read); open it in WPS Office or LibreOffice and save it as .docx`,
      );
    throw new PlandiffError('INPUT_UNREADABLE', `${label}: not a readable .doc file (${(error as Error).message})`);
  }
}
