import { describe, expect, it } from 'vitest';
import { explainBadName, looksLikeRef, parseRef, validateName } from '../src/index.ts';

describe('validateName', () => {
  it.each([
    ['../x', /separator/],
    ['a/b', /separator/],
    ['a\\b', /separator/],
    ['..', /"\.\."/],
    ['CON', /reserved device name/],
    ['nul', /reserved device name/],
    ['com1.txt', /reserved device name/],
    ['', /empty/],
    ['x'.repeat(300), /300 characters long/],
    ['.hidden', /starts with a dot/],
    ['a\u0001b', /control characters/],
    ['Gwr', /upper-case/],
    ['a b', /only letters, digits/],
    ['a@b', /only letters, digits/],
  ])('refuses %j', (name, reason) => {
    expect(() => validateName(name)).toThrow(reason);
    expect(() => validateName(name)).toThrow(/series name .* is not allowed/);
  });

  it.each(['gwr', 'luzhou-edu', '2012', '泸州教育', 'a.b_c-1', 'x'.repeat(100)])('accepts %j', (name) => {
    expect(explainBadName(name)).toBeUndefined();
  });

  it('reserves "latest" for editions only', () => {
    expect(() => validateName('latest', 'edition')).toThrow(/reserved word/);
    expect(validateName('latest', 'series')).toBe('latest');
  });
});

describe('parseRef', () => {
  it('parses editions, versions back and latest', () => {
    expect(parseRef('luzhou-edu@2012')).toEqual({ series: 'luzhou-edu', edition: '2012', back: 0 });
    expect(parseRef('luzhou-edu@2012~1')).toEqual({ series: 'luzhou-edu', edition: '2012', back: 1 });
    expect(parseRef('gwr@2012~')).toEqual({ series: 'gwr', edition: '2012', back: 1 });
    expect(parseRef('gwr@latest~3')).toEqual({ series: 'gwr', edition: 'latest', back: 3 });
  });

  it('refuses malformed references with the reason', () => {
    expect(() => parseRef('gwr')).toThrow(/not a corpus reference/);
    expect(() => parseRef('..@2012')).toThrow(/series name is not valid/);
    expect(() => parseRef('gwr@CON')).toThrow(/edition name is not valid/);
  });

  it('recognises the shape', () => {
    expect(looksLikeRef('gwr@2012~1')).toBe(true);
    expect(looksLikeRef('a/b@2012')).toBe(false);
    expect(looksLikeRef('plan.txt')).toBe(false);
  });
});
