import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../src/index.ts';

const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };
const SEED = join(import.meta.dirname, '..', '..', '..', 'seeds', '000_4d3ac6cf14e30664.txt');

/** A one-line body of `items` numbered tasks in sections of 30, like the seed but longer. */
function numberedLine(items: number): string {
  const parts: string[] = [];
  for (let n = 1, section = 1; n <= items; section++) {
    parts.push(` ${section}、第${section}部分工作`);
    for (let k = 0; k < 30 && n <= items; k++, n++) parts.push(` ${n}.加强第${n}项工作。新建${n}所学校，投资2.5亿元。`);
  }
  return parts.join('');
}

function seconds(text: string): number {
  const start = performance.now();
  normalizePlan(text, { source });
  return (performance.now() - start) / 1000;
}

describe('bounded time on huge inputs', () => {
  it('parses a 3-million-character single line', () => {
    const body = readFileSync(SEED, 'utf8').split('\n')[2]!;
    const line = body.repeat(Math.ceil(3_000_000 / body.length));
    expect(line.length).toBeGreaterThanOrEqual(3_000_000);
    const start = performance.now();
    const { plan } = normalizePlan(line, { source });
    expect(plan.units).toHaveLength(8);
    expect((performance.now() - start) / 1000).toBeLessThan(30);
  });

  it('grows about linearly: 8× the input takes well under 8² × the time', () => {
    const small = numberedLine(4_000);
    const large = numberedLine(32_000);
    seconds(small); // warm-up
    const t1 = Math.min(seconds(small), seconds(small), seconds(small));
    const t8 = seconds(large);
    // Linear would be ~8; quadratic ~64. The machine is shared, so leave room for noise.
    expect(t8 / t1).toBeLessThan(24);
  });
});
