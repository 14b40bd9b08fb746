import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sanitizeTerminal } from '../cli/src/sanitize.ts';
import { runMain } from './helpers/run-main.ts';

const dir = mkdtempSync(join(tmpdir(), 'plandiff-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A plan whose text carries terminal escapes: clear screen, set the window title, a C1 CSI, a bell.
const HOSTILE = [
  '2025年工作要点',
  '一、加强基础建设\x1b[2J\x1b[H',
  '1. 推进校舍改造\x1b]0;pwned\x07工程',
  '2. 完善\u009b31m经费保障\x08\x08机制',
  '二、深化改革',
  '1. 推进评价改革',
  '',
].join('\n');

describe('document text never reaches a terminal raw', () => {
  it('sanitizeTerminal makes every control character visible but keeps colour', () => {
    expect(sanitizeTerminal('a\x1b[2Jb\x1b]0;t\x07c\u009bd\x7fe')).toBe(
      'a\\u001b[2Jb\\u001b]0;t\\u0007c\\u009bd\\u007fe',
    );
    expect(sanitizeTerminal('\x1b[32mok\x1b[39m\tline\n')).toBe('\x1b[32mok\x1b[39m\tline\n');
  });

  it('parse --format text to a terminal escapes ESC, BEL, BS and C1 from the document', async () => {
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, HOSTILE);
    const run = await runMain(['parse', file, '--format', 'text'], { tty: true });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007');
    expect(run.stdout).toContain('推进校舍改造');
  });

  it('to a pipe, JSON keeps the text exact (escaped by JSON itself)', async () => {
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, HOSTILE);
    const run = await runMain(['parse', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('\x1b');
    expect(JSON.stringify(JSON.parse(run.stdout))).toContain('\\u001b]0;pwned\\u0007');
  });
});
