import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../src/index.ts';
import { checkAccount, Ledger } from '../src/ledger.ts';

describe('the account of the input', () => {
  const lines = ['标题', '', '一、甲乙', '（一）丙丁。戊己。'];

  it('balances when every piece is kept or dropped, in order, whitespace aside', () => {
    const ledger = new Ledger();
    ledger.keep(1, 0, '标题');
    ledger.keep(3, 0, '一、甲乙');
    ledger.keep(4, 6, '戊己。');
    ledger.drop('some-rule', 'something', 4, '（一） 丙丁。', 0);
    expect(checkAccount(lines, ledger)).toBeUndefined();
  });

  it('names the first line a stage lost without saying so', () => {
    const ledger = new Ledger();
    ledger.keep(1, 0, '标题');
    ledger.keep(3, 0, '一、甲乙');
    ledger.keep(4, 0, '（一）丙丁。');
    expect(checkAccount(lines, ledger)).toBe(4);
  });

  it('reports removed text as one diagnostic per rule and run of lines', () => {
    const { diagnostics } = normalizePlan('下载\n打印\n收藏\n2024年工作要点\n一、甲\n二、乙\n相关新闻\n某某新闻标题', {
      source: { sha256: '0'.repeat(64), encoding: 'utf-8' },
    });
    expect(diagnostics.find((d) => d.ruleId === 'chrome-tools')?.place).toEqual({ line: 1, endLine: 3 });
    expect(diagnostics.find((d) => d.ruleId === 'clutter-trailer')?.place).toEqual({ line: 7, endLine: 8 });
    expect(diagnostics.some((d) => d.ruleId === 'unaccounted-text')).toBe(false);
  });
});
