/**
 * Words that set the period a figure counts over. A report's review of five years (`五年来…城镇新增就业
 * 6600万人以上`) and of one year (`过去一年…城镇新增就业1361万人`) print the same words around different
 * quantities: the diff pairs two figures only when their periods agree (or one is unknown).
 */
import type { LexiconRule } from './rule.ts';

/** A period rule: its pattern marks the figures after it as counted over `period`. */
export interface PeriodRule extends LexiconRule {
  period: 'years' | 'year';
  /**
   * How far the mark reaches: `section` (the rest of the paragraph and the next paragraphs of its
   * section: `过去五年`), `paragraph` (the rest of its own paragraph: `2007年，`) or `clause` (up to the
   * next ，；。 — `累计`/`年均` qualify one figure, not the sentence).
   */
  scope: 'section' | 'paragraph' | 'clause';
}

/** The period words, matched anywhere in a paragraph; the last one before a figure sets its period. */
export const PERIOD_RULES: readonly PeriodRule[] = [
  {
    ruleId: 'period-several-years',
    what: 'a review of several years (五年来, 过去五年, 这五年, 以来的五年, “十三五”时期发展成就)',
    period: 'years',
    scope: 'section',
    pattern:
      /[两二三四五六七八九十]+年(?:来|间|里|中)|(?:过去|以来的|这)[两二三四五六七八九十]+年|“十[一二三四五六七八九]五”时期[^，,；;。]{0,12}(?:回顾|成就)/gu,
  },
  {
    ruleId: 'period-several-years-paragraph',
    what: 'a span of years named inside a paragraph (近三年淘汰…, “十一五”前四年累计…, 今后五年): it does not carry on',
    period: 'years',
    scope: 'paragraph',
    pattern: /(?:近|前|今后|未来)[两二三四五六七八九十]+年/gu,
  },
  {
    ruleId: 'period-several-years-clause',
    what: 'a total or average over years, or growth on a year before the last (累计, 年均, 比2002年)',
    period: 'years',
    scope: 'clause',
    pattern: /累计|年均(?=(?:分别)?(?:实际)?(?:增长|增加|上涨|下降|提高|减少|递增))|比(?:19|20)[0-9]{2}年/gu,
  },
  {
    ruleId: 'period-one-year',
    what: 'one year under review or planned (过去一年, 一年来, 2008年工作回顾, 2008年是极不平凡的一年, 2024年政府工作任务)',
    period: 'year',
    scope: 'section',
    pattern: /过去(?:的)?一年|一年来|(?:19|20)[0-9]{2}年(?:工作|主要|重点|政府|经济社会)|是[^，,；;。]{0,10}的一年/gu,
  },
  {
    ruleId: 'period-one-year-paragraph',
    what: 'one year named inside a paragraph (去年, 今年, 上年): a five-year review that mentions 去年 stays one',
    period: 'year',
    scope: 'paragraph',
    pattern: /去年|今年|上年/gu,
  },
  {
    ruleId: 'period-named-year',
    what: 'a paragraph or clause that opens on its own year (2007年，…), inside a five-year review',
    period: 'year',
    scope: 'paragraph',
    pattern: /(?<![比到至—－\-~～0-9])(?:19|20)[0-9]{2}年(?=[，,])/gu,
  },
];
