/**
 * Words that set the period a figure counts over. A report's review of five years (`五年来…城镇新增就业
 * 6600万人以上`) and of one year (`过去一年…城镇新增就业1361万人`) print the same words around different
 * quantities: the diff pairs two figures only when their periods agree (or one is unknown).
 */
import type { LexiconRule } from './rule.ts';

/** A period rule: its pattern marks the figures after it (in the same paragraph) as counted over `period`. */
export interface PeriodRule extends LexiconRule {
  period: 'years' | 'year';
}

/** The period words, matched anywhere in a paragraph; the last one before a figure sets its period. */
export const PERIOD_RULES: readonly PeriodRule[] = [
  {
    ruleId: 'period-several-years',
    what: 'a span of several years (五年来, 过去五年, 近三年, 累计, 年均)',
    period: 'years',
    pattern: /[两二三四五六七八九十]+年(?:来|间|里|中)|(?:过去|以来的)[两二三四五六七八九十]+年|累计|年均/gu,
  },
  {
    ruleId: 'period-one-year',
    what: 'one year (过去一年, 一年来, 去年, 今年, 上年)',
    period: 'year',
    pattern: /过去一年|一年来|去年|今年|上年/gu,
  },
];
