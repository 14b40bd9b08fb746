// Scores cleanPage and Mozilla Readability (+ linkedom) on ../shared/data/extraction in-process,
// with the same bag-of-characters F1 and date rule as ../shared/tools/score-extraction.mjs.
//   npx tsx bench/extraction-score.ts [--verbose]
import { matchChromeLine } from '../packages/lexicon/src/index.ts';
import { cleanPage } from '../packages/scrape/src/index.ts';
import { loadExtractionPages, readabilityExtract, scoreText, toYmd } from './extraction-pages.ts';

interface Row {
  F: number;
  P: number;
  R: number;
  dateRight: boolean | undefined;
  /** For cleanPage: is `publishedOn` (the posting date alone, no sign-off fallback) right? */
  publishedRight?: boolean | undefined;
}

const verbose = process.argv.includes('--verbose');
const pages = loadExtractionPages();
if (pages) {
  const ours: Row[] = [];
  let chromeLines = 0;
  let chromeFiles = 0;
  const theirs: Row[] = [];
  for (const page of pages) {
    const clean = cleanPage(page.html);
    const a = scoreText(clean.text, page.reference);
    // Chrome left in the text, judged by the normalizer's own chrome rules (an independent list),
    // not counting lines the reference text keeps.
    const left = clean.text.split('\n').filter((l) => matchChromeLine(l.trim()) && !page.reference.includes(l.trim()));
    chromeLines += left.length;
    if (left.length) chromeFiles++;
    if (verbose) for (const l of left) console.log(`  chrome left: ${l.slice(0, 60)}`);
    ours.push({
      ...a,
      dateRight: page.date ? toYmd(clean.date) === page.date : undefined,
      publishedRight: page.date ? toYmd(clean.publishedOn) === page.date : undefined,
    });
    let read = { text: '', date: undefined as string | undefined };
    try {
      read = readabilityExtract(page.html);
    } catch {
      // Readability throws on a few malformed pages; count them as empty output.
    }
    const b = scoreText(read.text, page.reference);
    theirs.push({ ...b, dateRight: page.date ? toYmd(read.date) === page.date : undefined });
    if (verbose) {
      const d = page.date
        ? `  date ${clean.date ?? '-'} / ${page.date} (publishedOn ${clean.publishedOn ?? '-'}, issuedOn ${clean.issuedOn ?? '-'})`
        : '';
      console.log(
        `${page.id.slice(0, 8)}  P ${a.P.toFixed(3)} R ${a.R.toFixed(3)} F1 ${a.F.toFixed(3)}  (readability ${b.F.toFixed(3)})${d}`,
      );
    }
  }
  console.log(`pages ${pages.length}; chrome lines left in cleanPage's text: ${chromeLines} in ${chromeFiles} files`);
  console.log(summarize('plandiff cleanPage', ours));
  console.log(summarize('Readability+linkedom', theirs));
}

function summarize(name: string, rows: Row[]): string {
  const mean = (k: 'F' | 'P' | 'R') => (rows.reduce((s, r) => s + r[k], 0) / rows.length).toFixed(3);
  const dated = rows.filter((r) => r.dateRight !== undefined);
  const right = dated.filter((r) => r.dateRight).length;
  const published = dated.some((r) => r.publishedRight !== undefined)
    ? `  publishedOn ${dated.filter((r) => r.publishedRight).length}/${dated.length}`
    : '';
  return `${name.padEnd(22)} F1 ${mean('F')}  P ${mean('P')}  R ${mean('R')}  date ${right}/${dated.length}${published}`;
}
