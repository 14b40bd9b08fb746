import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** Whether this run regenerates fixture expectations (`UPDATE=1 npx vitest run …`). */
export const UPDATE = process.env.UPDATE === '1';

/**
 * Checks `actual` against the committed expectation at `path`. With UPDATE=1 it rewrites the file
 * instead; without, a missing expectation fails (it would otherwise pass against itself).
 */
export function expectFixture(actual: string, path: string): void {
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: run with UPDATE=1 to write it, review it, commit it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
