/**
 * Parsing throughput: normalizePlan over every text file in corpus/ (and the seed), against the
 * floor of a bare read + decode + line split of the same bytes, in the same process, rounds
 * interleaved after a warm-up; medians reported.
 *
 *   npx tsx bench/parse-corpus.ts [--rounds 7] [--big]
 *
 * --big also times one 100 MB input (the corpus repeated) and a 3-million-character single line
 * (the seed body repeated) against the same floor.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizePlan } from '../packages/normalize/src/index.ts';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 7) || 7;
const big = args.includes('--big');
const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return name.endsWith('.txt') ? [path] : [];
  });
}

const files = [...textFiles(join(ROOT, 'corpus')), join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt')];
const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0);
const decoder = new TextDecoder('utf-8');

/** The floor: read, decode and split into lines — what any text tool must do. */
function floorRound(): number {
  let lines = 0;
  for (const path of files) lines += decoder.decode(readFileSync(path)).split(/\r\n?|\n/).length;
  return lines;
}

function parseRound(): number {
  let units = 0;
  for (const path of files) units += normalizePlan(decoder.decode(readFileSync(path)), { source }).plan.units.length;
  return units;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number): string => (n / 1048576).toFixed(2);

floorRound();
parseRound();
const floors: number[] = [];
const parses: number[] = [];
for (let r = 0; r < rounds; r++) {
  floors.push(time(floorRound));
  parses.push(time(parseRound));
}
const floorMs = median(floors);
const parseMs = median(parses);
console.log(`corpus: ${files.length} files, ${mb(bytes)} MB, ${rounds} rounds (median)\n`);
console.log('| step | ms per pass | MB/s | ratio to floor |\n| --- | --- | --- | --- |');
console.log(
  `| read + decode + line split (floor) | ${floorMs.toFixed(1)} | ${(bytes / 1048576 / (floorMs / 1000)).toFixed(0)} | 1× |`,
);
console.log(
  `| read + decode + normalizePlan | ${parseMs.toFixed(1)} | ${(bytes / 1048576 / (parseMs / 1000)).toFixed(1)} | ${(parseMs / floorMs).toFixed(0)}× |`,
);

if (big) {
  const corpus = files.map((path) => readFileSync(path, 'utf8')).join('\n\n');
  const hundred = corpus.repeat(Math.ceil((100 * 1048576) / Buffer.byteLength(corpus)));
  const body = readFileSync(join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt'), 'utf8').split('\n')[2]!;
  const line = body.repeat(Math.ceil(3_000_000 / body.length));
  console.log(
    '\n| input | MB | floor ms | normalizePlan ms | MB/s | ratio to floor |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (const [name, text] of [
    ['corpus repeated to 100 MB', hundred],
    ['3 M-character single line', line],
  ] as const) {
    const size = Buffer.byteLength(text);
    const floor = time(
      () =>
        Buffer.from(text)
          .toString('utf8')
          .split(/\r\n?|\n/).length,
    );
    const parse = time(() => normalizePlan(text, { source }));
    console.log(
      `| ${name} | ${mb(size)} | ${floor.toFixed(0)} | ${parse.toFixed(0)} | ${(size / 1048576 / (parse / 1000)).toFixed(1)} | ${(parse / floor).toFixed(0)}× |`,
    );
  }
}
