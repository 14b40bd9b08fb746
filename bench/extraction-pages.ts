import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../packages/scrape/src/index.ts';

/** The development pages of `../shared/data/extraction` (absent outside the dev machine). */
export const EXTRACTION_DIR = fileURLToPath(new URL('../../shared/data/extraction', import.meta.url));

/** One development page: decoded HTML, reference text and reference date. */
export interface ExtractionPage {
  id: string;
  html: string;
  reference: string;
  /** Reference `YYYY-MM-DD`, when the page has a full date. */
  date: string | undefined;
}

/** Loads the pages, or returns undefined (after saying so) when the data set is absent. */
export function loadExtractionPages(dir = EXTRACTION_DIR): ExtractionPage[] | undefined {
  if (!existsSync(join(dir, 'original'))) {
    console.log(`extraction data not found at ${dir}; this benchmark needs ../shared — skipped.`);
    return undefined;
  }
  const ids = readdirSync(join(dir, 'original'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort();
  return ids.map((id) => {
    const bytes = readFileSync(join(dir, 'original', `${id}.html`));
    const datePath = join(dir, 'date', `${id}.txt`);
    return {
      id,
      html: decodeBytes(bytes).text,
      reference: readFileSync(join(dir, 'cleaned', `${id}.txt`), 'utf8'),
      date: toYmd(existsSync(datePath) ? readFileSync(datePath, 'utf8') : ''),
    };
  });
}

/** Same date reading as the official scorer: the first `YYYY?MM?DD`. */
export function toYmd(s: string | undefined): string | undefined {
  const m = /(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(s ?? '');
  return m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : undefined;
}

/** Bag-of-characters precision/recall/F1 (Han, Latin letters, digits), as the official scorer. */
export function scoreText(predicted: string, reference: string): { P: number; R: number; F: number } {
  const chars = (s: string) => s.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? [];
  const p = chars(predicted);
  const g = chars(reference);
  const count = new Map<string, number>();
  for (const c of g) count.set(c, (count.get(c) ?? 0) + 1);
  let tp = 0;
  for (const c of p) {
    const n = count.get(c);
    if (n) {
      tp++;
      count.set(c, n - 1);
    }
  }
  const P = p.length ? tp / p.length : 0;
  const R = g.length ? tp / g.length : 0;
  return { P, R, F: P + R ? (2 * P * R) / (P + R) : 0 };
}

/** Mozilla Readability over linkedom: the baseline extractor (text and its best date guess). */
export function readabilityExtract(html: string): { text: string; date: string | undefined } {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return { text: article?.textContent ?? '', date: article?.publishedTime ?? undefined };
}
