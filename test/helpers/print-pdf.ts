import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Debian's Chromium, which the PDF tests print with (`--print-to-pdf`). */
export const CHROMIUM = '/usr/bin/chromium';

/** True when a CJK font is installed: without one Chromium prints Chinese as boxes, not text. */
export function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** True when this machine can print a PDF with a Chinese text layer. */
export const CAN_PRINT = existsSync(CHROMIUM) && hasCjkFont();

/** Prints `html` (a whole page) to `<dir>/<name>.pdf` with headless Chromium and returns the PDF's path. */
export function printPdf(dir: string, name: string, html: string): string {
  const htmlPath = join(dir, `${name}.html`);
  const pdfPath = join(dir, `${name}.pdf`);
  writeFileSync(htmlPath, html);
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfPath}`,
      `file://${htmlPath}`,
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  return pdfPath;
}
