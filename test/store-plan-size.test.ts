import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeNormalizer } from '../cli/src/store-normalizer.ts';
import type { Plan } from '../packages/model/src/index.ts';
import { PLAN_MAX_FACTOR, PLAN_SLACK, renderPlanJson } from '../packages/store/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';

// Issue 12, point 7: plan.json stays within a small multiple of its source (it was about 22×).
const GWR = join(ROOT, 'corpus', 'gwr');
const reports = readdirSync(GWR)
  .filter((f) => /^\d{4}\.txt$/.test(f))
  .sort();

async function ratio(bytes: Buffer, label: string): Promise<number> {
  const { plan } = await storeNormalizer.parse({ bytes, kind: 'txt', sha256: '0'.repeat(64), label });
  return renderPlanJson(plan, bytes.length, label).length / bytes.length;
}

describe('plan.json against its source', () => {
  it('is at most 4× for every shipped report, and for a 1 MB text of many reports', async () => {
    expect(PLAN_MAX_FACTOR).toBeLessThanOrEqual(4);
    const ratios: number[] = [];
    for (const name of reports) ratios.push(await ratio(readFileSync(join(GWR, name)), name));
    expect(ratios.length).toBeGreaterThan(40);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(4);
    const parts: Buffer[] = [];
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      const part = readFileSync(join(GWR, reports[i % reports.length] as string));
      parts.push(part, Buffer.from('\n'));
      size += part.length + 1;
    }
    expect(await ratio(Buffer.concat(parts), 'many.txt')).toBeLessThanOrEqual(4);
  }, 120_000);

  it('is written compact when indented would pass 4×, and refused when even compact would', () => {
    const unit = (i: number) => ({
      id: String(i),
      depth: 1,
      number: `${i}.`,
      ordinal: i,
      heading: '事',
      text: '事',
      figures: [],
      children: [],
    });
    const plan: Plan = {
      title: 't',
      source: { sha256: '0'.repeat(64), encoding: 'utf-8' },
      preamble: '',
      units: Array.from({ length: 5000 }, (_, i) => unit(i + 1)),
    };
    const compact = Buffer.byteLength(`${JSON.stringify(plan)}\n`);
    // A source for which only the compact form fits within 4× (+ slack):
    const size = Math.ceil((compact - PLAN_SLACK) / PLAN_MAX_FACTOR);
    const out = renderPlanJson(plan, size, 'odd.txt');
    expect(out.length).toBe(compact);
    expect(out.length).toBeLessThanOrEqual(PLAN_MAX_FACTOR * size + PLAN_SLACK);
    // 5,000 one-character units from a source a tenth that size: refused, naming the file and the ratio.
    expect(() => renderPlanJson(plan, Math.floor(size / 10), 'odd.txt')).toThrow(
      /odd\.txt: its plan would be \d+× the size of the source \(at most 4×\); not stored/,
    );
  });
});
