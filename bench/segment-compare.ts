// Word segmentation for wording diffs: Intl.Segmenter vs @node-rs/jieba, each with and without the
// policy-term user dictionary (packages/diff/data/policy-terms.txt), on quality and speed.
//
//   npx tsx bench/segment-compare.ts
//
// Quality: share of the occurrences of each labelled term (packages/diff/test/fixtures/segment) in
// the reports 2008–2025 that no token boundary cuts (one token, or inside a longer term); `dict` terms are in the user dictionary,
// `held-out` terms are not (they measure the base segmenter). Speed: all 17 reports, cut into the
// same ≤ 64-character chunks, in one process; jieba's dictionary load is timed on its own.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chunkText, createSegmenter, intlWords, loadPolicyTerms } from '../packages/diff/src/segment-words.ts';

const ROOT = join(import.meta.dirname, '..');
const YEARS = [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];
const text = YEARS.map((y) => readFileSync(join(ROOT, 'corpus', 'gwr', `${y}.txt`), 'utf8')).join('\n');
const labelled = readFileSync(join(ROOT, 'packages/diff/test/fixtures/segment/policy-terms-labelled.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.split('\t') as [string, string]);
const terms = loadPolicyTerms();

const { createRequire } = await import('node:module');
const require = createRequire(join(ROOT, 'packages', 'diff', 'package.json'));
let t0 = performance.now();
interface JiebaLike {
  cut(s: string, hmm: boolean): string[];
  loadDict(d: Uint8Array): void;
}
const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
const jieba = Jieba.withDict(dict);
const jiebaLoad = performance.now() - t0;
const jiebaUser = Jieba.withDict(dict);
jiebaUser.loadDict(Buffer.from(terms.map((w) => `${w} 100000 n`).join('\n')));

const segmenters: [string, (s: string) => string[]][] = [
  ['Intl.Segmenter', createSegmenter(intlWords, [])],
  ['Intl.Segmenter + user dictionary', createSegmenter(intlWords, terms)],
  ['jieba', createSegmenter((c) => jieba.cut(c, false), [])],
  ['jieba + user dictionary (loadDict)', createSegmenter((c) => jiebaUser.cut(c, false), [])],
];

// Sentences holding each term, so every segmenter sees the same context.
const sentences = text.split(/(?<=[。；！？\n])/u);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ${text.length} characters; jieba dictionary load ${jiebaLoad.toFixed(0)} ms`,
);
console.log('| segmenter | dict terms whole | held-out terms whole | ms for 17 reports | chars/ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, seg] of segmenters) {
  const score = { dict: [0, 0], 'held-out': [0, 0] } as Record<string, [number, number]>;
  const misses = new Set<string>();
  for (const [term, label] of labelled) {
    for (const s of sentences) {
      if (!s.includes(term)) continue;
      // Whole = no token boundary falls strictly inside the occurrence (a longer term around it is fine).
      const cuts = new Set<number>();
      let at = 0;
      for (const w of seg(s)) {
        at += w.length;
        cuts.add(at);
      }
      let n = 0;
      let whole = 0;
      for (let i = s.indexOf(term); i >= 0; i = s.indexOf(term, i + 1)) {
        n++;
        let cut = false;
        for (let k = i + 1; k < i + term.length; k++) if (cuts.has(k)) cut = true;
        if (!cut) whole++;
      }
      score[label]![0] += whole;
      score[label]![1] += n;
      if (whole < n) misses.add(term);
    }
  }
  const chunks = chunkText(text);
  for (const c of chunks.slice(0, 200)) seg(c);
  t0 = performance.now();
  for (const c of chunks) seg(c);
  const ms = performance.now() - t0;
  const pct = (x: [number, number]) => `${((100 * x[0]) / x[1]).toFixed(1)}% (${x[0]}/${x[1]})`;
  console.log(
    `| ${name} | ${pct(score.dict!)} | ${pct(score['held-out']!)} | ${ms.toFixed(0)} | ${(text.length / ms).toFixed(0)} |`,
  );
  console.log(`|   missed: ${[...misses].slice(0, 20).join(' ')} | | | | |`);
}
