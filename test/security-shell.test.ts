import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planText } from './helpers/bad-inputs.ts';
import { checkCorpus } from './helpers/corpus-check.ts';
import { runMainMeasured, tempDir } from './helpers/reliability.ts';
import { ROOT } from './helpers/run-cli.ts';

// No shell ever sees user input: the source never asks for a shell (no exec/execSync, no
// `shell: true`, git only through simple-git argument arrays), and by behaviour — file names,
// series notes and URLs full of shell syntax are stored as text while nothing runs.

/** Every TypeScript source file of the shipped code (packages/*\/src and cli/src). */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.isFile() && p.endsWith('.ts')) out.push(p);
    }
  };
  for (const pkg of readdirSync(join(ROOT, 'packages')))
    if (existsSync(join(ROOT, 'packages', pkg, 'src'))) walk(join(ROOT, 'packages', pkg, 'src'));
  walk(join(ROOT, 'cli', 'src'));
  return out;
}

describe('no shell interpolation', () => {
  it('the shipped source never starts a shell', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      if (/\bshell\s*:\s*true/.test(text)) offenders.push(`${where}: shell: true`);
      // exec/execSync always go through /bin/sh; spawn/execFile without `shell` do not.
      const imported = /import\s*\{([^}]*)\}\s*from\s*'(?:node:)?child_process'/.exec(text)?.[1] ?? '';
      for (const name of ['exec', 'execSync']) {
        if (new RegExp(`(^|[\\s,])${name}([\\s,]|$)`).test(imported))
          offenders.push(`${where}: imports ${name} (runs a shell)`);
      }
      if (/child_process['"]\)\.exec\(|\bcp\.exec\(/.test(text)) offenders.push(`${where}: child_process exec`);
      // simple-git: arguments as an array, never one command string to split.
      for (const m of text.matchAll(/\.raw\(\s*(['"`])/g)) offenders.push(`${where}: git.raw(${m[1]}…) with a string`);
    }
    expect(offenders).toEqual([]);
    expect(sourceFiles().length).toBeGreaterThan(20);
  });

  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shell syntax in file names, series notes and issuer is stored as text; nothing runs', {
    timeout: 120_000,
  }, async () => {
    const corpus = join(dir, 'corpus');
    const canary = join(dir, 'pwned');
    const names = [
      '$(touch pwned).txt',
      '`touch pwned`.txt',
      'a;touch pwned;.txt',
      "x' && touch pwned && '.txt",
      '-rf.txt',
    ];
    const files = names.map((name, i) => {
      const path = join(dir, name);
      writeFileSync(path, planText({ year: 2001 + i }));
      return path;
    });
    const run = await runMainMeasured(
      [
        'import',
        ...files,
        '--series',
        'edu',
        '--notes',
        '$(touch pwned) `touch pwned`',
        '--issuer',
        "'; touch pwned; '",
        '--corpus',
        corpus,
      ],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(join(corpus, 'pwned'))).toBe(false);
    const state = checkCorpus(corpus);
    expect(state.editions.size).toBe(names.length);
    const record = JSON.parse(readFileSync(join(corpus, 'edu', '2001', 'source.json'), 'utf8'));
    expect(record.fileName).toBe('$(touch pwned).txt');
    expect(JSON.parse(readFileSync(join(corpus, 'corpus.json'), 'utf8')).series.edu.notes).toBe(
      '$(touch pwned) `touch pwned`',
    );
  });
});
