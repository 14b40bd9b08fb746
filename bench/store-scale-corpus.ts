// Builders for big corpora made with `git fast-import` (bench/store-scale.ts, test/store-scale-structure.test.ts):
// thousands of editions in seconds, without running plandiff once per edition.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { renderCorpusConfig } from '../packages/store/src/index.ts';

/** The four committed files of one edition (contents shared by every series). */
export interface EditionFiles {
  source: Buffer | string;
  record: string;
  plan: string;
  md: string;
}

/** Runs git in `dir` (a plain call: these corpora are our own, made for measuring). */
export const gitIn = (dir: string, args: string[], input?: Buffer | string): Buffer =>
  execFileSync('git', ['-C', dir, '-c', 'core.hooksPath=/dev/null', ...args], {
    input: input ?? '',
    maxBuffer: 1 << 30,
  });

function blob(mark: number, bytes: Buffer | string): Buffer {
  const data = Buffer.from(bytes);
  return Buffer.concat([Buffer.from(`blob\nmark :${mark}\ndata ${data.length}\n`), data, Buffer.from('\n')]);
}

function commitHeader(message: string, time: number): string {
  const who = `plandiff <plandiff@localhost> ${time} +0000`;
  return `commit refs/heads/main\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}\n`;
}

/** Series names of a wide corpus: `city<i>-dept<j>`, 30 departments per city. */
export function seriesName(s: number): string {
  return `city${Math.floor(s / 30)}-dept${s % 30}`;
}

/**
 * A corpus with `series` series × `editions.length` editions (2011, 2012, …) in ONE commit, and the
 * index populated (`git read-tree HEAD`), so index updates cost what they cost in a clone. The work
 * tree is not checked out (an import touches only its own files).
 */
export function buildWide(dir: string, series: number, editions: EditionFiles[]): void {
  mkdirSync(dir, { recursive: true });
  gitIn(dir, ['init', '-q', '-b', 'main']);
  const parts: Buffer[] = [];
  const names = Array.from({ length: series }, (_, s) => seriesName(s));
  const info = Object.fromEntries(names.map((n) => [n, {}]));
  parts.push(blob(1, renderCorpusConfig({ plandiff: 1, series: info })));
  parts.push(blob(2, '/.plandiff/\n'), blob(3, '* -text\n'));
  editions.forEach((e, y) => {
    parts.push(
      blob(10 + y * 4, e.source),
      blob(11 + y * 4, e.record),
      blob(12 + y * 4, e.plan),
      blob(13 + y * 4, e.md),
    );
  });
  const lines = ['M 100644 :1 corpus.json', 'M 100644 :2 .gitignore', 'M 100644 :3 .gitattributes'];
  for (const name of names) {
    for (let y = 0; y < editions.length; y++) {
      const d = `${name}/${2011 + y}`;
      lines.push(`M 100644 :${10 + y * 4} ${d}/source.txt`, `M 100644 :${11 + y * 4} ${d}/source.json`);
      lines.push(`M 100644 :${12 + y * 4} ${d}/plan.json`, `M 100644 :${13 + y * 4} ${d}/plan.md`);
    }
  }
  parts.push(Buffer.from(`${commitHeader('archive', 1700000000)}${lines.join('\n')}\n\n`));
  gitIn(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  gitIn(dir, ['read-tree', 'HEAD']);
}

/**
 * A corpus with a `commits`-commit history over 1,000 editions (`s<i>/<2000+j>`), each commit
 * changing one source, plus the commit-graph with changed-path Bloom filters that plandiff's writers
 * keep up to date after every commit.
 */
export function buildDeep(dir: string, commits: number, edition: EditionFiles, texts: Buffer[]): void {
  mkdirSync(dir, { recursive: true });
  gitIn(dir, ['init', '-q', '-b', 'main']);
  const parts: Buffer[] = [blob(1, renderCorpusConfig({ plandiff: 1, series: { s: {} } }))];
  parts.push(blob(2, edition.record), blob(3, edition.plan), blob(4, edition.md));
  for (let c = 0; c < commits; c++) {
    const d = `s${c % 1000}/${2000 + (Math.floor(c / 1000) % 20)}`;
    const body = `${c}\n${texts[c % texts.length]?.subarray(0, 2000).toString('utf8')}`;
    parts.push(blob(10 + c, body));
    const files = [`M 100644 :${10 + c} ${d}/source.txt`];
    files.push(`M 100644 :2 ${d}/source.json`, `M 100644 :3 ${d}/plan.json`, `M 100644 :4 ${d}/plan.md`);
    if (c === 0) files.push('M 100644 :1 corpus.json');
    parts.push(Buffer.from(`${commitHeader(`import ${d}`, 1700000000 + c)}${files.join('\n')}\n\n`));
  }
  gitIn(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  gitIn(dir, ['read-tree', 'HEAD']);
  gitIn(dir, ['commit-graph', 'write', '--reachable', '--changed-paths', '--split']);
}
