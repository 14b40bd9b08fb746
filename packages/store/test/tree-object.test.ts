import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../src/tree.ts';
import { hashTree, parseTreeObject, renderTreeObject } from '../src/tree-object.ts';

// plandiff builds tree objects itself (no mktree lookup of every top-level entry): they must be the
// very bytes git would make, in git's order, or a corpus would hold trees git calls malformed.
describe('tree objects', () => {
  it('match git mktree for names that sort differently as bytes, UTF-16 and folders-with-slash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plandiff-tree-'));
    const git = (args: string[], input = '') =>
      execFileSync('git', ['-C', dir, ...args], { input, encoding: 'utf8' }).trim();
    git(['init', '-q']);
    const blob = git(['hash-object', '-w', '--stdin'], 'x');
    const sub = git(['mktree'], `100644 blob ${blob}\tf\n`);
    const names = [
      'a',
      'a.b',
      'a-b',
      'a0',
      'ab',
      'B',
      '泸州',
      '𠀀',
      'ｆ',
      '\u{e000}',
      '2012',
      'corpus.json',
      '.gitignore',
    ];
    const entries: TreeEntry[] = [];
    for (const [i, name] of names.entries()) {
      const folder = i % 2 === 0;
      entries.push({
        mode: folder ? '040000' : '100644',
        type: folder ? 'tree' : 'blob',
        id: folder ? sub : blob,
        path: name,
      });
    }
    entries.push(
      { mode: '040000', type: 'tree', id: sub, path: 'a.c' },
      { mode: '100755', type: 'blob', id: blob, path: 'run' },
    );
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.id}\t${e.path}\0`).join('');
    const expected = git(['mktree', '-z'], input);
    const bytes = renderTreeObject([...entries].reverse());
    expect(hashTree(bytes, 'sha1')).toBe(expected);
    const raw = execFileSync('git', ['-C', dir, 'cat-file', 'tree', expected]);
    expect(bytes.equals(raw)).toBe(true);
    expect(
      parseTreeObject(raw, 'sha1')
        .map((e) => e.path)
        .sort(),
    ).toEqual(entries.map((e) => e.path).sort());
    rmSync(dir, { recursive: true, force: true });
  });
});
