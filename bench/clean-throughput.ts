// Pages per second of cleanPage against Mozilla Readability + linkedom on the same 46 pages of
// ../shared/data/extraction, in one process, rounds interleaved so machine noise hits both alike.
//   npx tsx bench/clean-throughput.ts [--rounds 5]
import { performance } from 'node:perf_hooks';
import { cleanPage } from '../packages/scrape/src/index.ts';
import { loadExtractionPages, readabilityExtract } from './extraction-pages.ts';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(process.argv[roundsArg + 1]) : 5;
const pages = loadExtractionPages();

if (pages) {
  const runOurs = () => {
    for (const p of pages) cleanPage(p.html);
  };
  const runTheirs = () => {
    for (const p of pages) {
      try {
        readabilityExtract(p.html);
      } catch {
        // a page Readability cannot handle still costs its time
      }
    }
  };
  runOurs(); // warm-up: JIT and module caches
  runTheirs();
  let ours = 0;
  let theirs = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    runOurs();
    ours += performance.now() - t;
    t = performance.now();
    runTheirs();
    theirs += performance.now() - t;
  }
  const n = pages.length * rounds;
  const oursRate = n / (ours / 1000);
  const theirsRate = n / (theirs / 1000);
  const mb = pages.reduce((s, p) => s + p.html.length, 0) / 1e6;
  console.log(`${pages.length} pages (${mb.toFixed(1)} M characters of HTML), ${rounds} rounds`);
  console.log(`plandiff cleanPage      ${oursRate.toFixed(1)} pages/s`);
  console.log(`Readability+linkedom    ${theirsRate.toFixed(1)} pages/s`);
  console.log(`ratio                   ${(oursRate / theirsRate).toFixed(2)}× Readability's throughput`);
}
