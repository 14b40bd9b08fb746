import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlandiffError, PlandiffError, PlanSchema, renderSchemas } from '../src/index.ts';

const root = join(import.meta.dirname, '..', '..', '..', 'schemas');

describe('committed JSON Schemas', () => {
  it.each(Object.entries(renderSchemas()))(
    '%s matches the zod model (run `pnpm schemas` after changing it)',
    (name, text) => {
      expect(readFileSync(join(root, name), 'utf8')).toBe(text);
    },
  );
});

describe('PlanSchema', () => {
  const minimal = {
    title: '2012年全市教育工作要点',
    source: { sha256: 'a'.repeat(64), encoding: 'utf-8' },
    preamble: '',
    units: [{ id: '1', depth: 1, number: '一、', ordinal: 1, heading: 'h', text: 't', figures: [], children: [] }],
  };
  it('accepts a minimal plan', () => {
    expect(PlanSchema.safeParse(minimal).success).toBe(true);
  });
  it('names the path of a bad nested field', () => {
    const bad = structuredClone(minimal) as { units: { depth: unknown }[] };
    bad.units[0]!.depth = 'one';
    const result = PlanSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['units', 0, 'depth']);
  });
  it('rejects a non-ISO issuedOn', () => {
    expect(PlanSchema.safeParse({ ...minimal, issuedOn: '2012年2月9日' }).success).toBe(false);
  });
});

describe('PlandiffError', () => {
  it('carries the exit code of its code', () => {
    const error = new PlandiffError('STORE_LOCKED', 'locked');
    expect(error.exitCode).toBe(5);
    expect(isPlandiffError(error)).toBe(true);
    expect(isPlandiffError(new Error('x'))).toBe(false);
  });
});
