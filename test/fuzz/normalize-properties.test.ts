import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticSchema, PlanSchema } from '../../packages/model/src/index.ts';
import { normalizePlan, renderOutline, toComparisonForm } from '../../packages/normalize/src/index.ts';

/** Runs per property: small by default, `FUZZ_RUNS=10000` (as `pnpm fuzz` sets) for a long search. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };

/** Pieces real plans are made of — markers, words, punctuation, layout damage, chrome — to build plan-like text. */
const FRAGMENTS = [
  '一、',
  '二、',
  '三、',
  '十、',
  '（一）',
  '（二）',
  '(三)',
  '1.',
  '2.',
  '3．',
  '13.',
  '1、',
  '2、',
  '（1）',
  '(2)',
  '①',
  '②',
  '第一章',
  '第二章',
  '第一条',
  '第三条',
  '# ',
  '## ',
  '### ',
  '加强',
  '教育',
  '工作',
  '推进',
  '改革',
  '发展',
  '。',
  '，',
  ',',
  '；',
  '：',
  '“',
  '”',
  '《',
  '》',
  '各位代表！',
  '各位代表：',
  '附件：',
  '特此通知',
  '现将《2012年工作要点》印发给你们，',
  '二〇一二年二月九日',
  '2012年',
  '20所',
  '3%',
  '2.15万亿元',
  'PM',
  '2.5',
  'M',
  '2',
  '结束语',
  '政府工作报告',
  '泸州市',
  '2013年全市教育工作要点',
  '当前位置：首页 > 公文',
  '打印本页',
  '友情链接',
  'Public domain',
  '〔2011〕5号',
  '“9+3',
  '5.11',
  '第32届',
  '——',
];
const LAYOUT = ['\n', '\n\n', '\r\n', ' ', '\u3000', '\u2003', '\u00a0', '\t', '\n\u3000\u3000', '\u2028'];
const planLike = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...LAYOUT), fc.string({ maxLength: 6 })), {
    maxLength: 120,
  })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), planLike);

describe('normalizer properties (acceptance 3)', () => {
  it('never throws, and always returns a valid plan and valid diagnostics', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { plan, diagnostics } = normalizePlan(text, { source });
        PlanSchema.parse(plan);
        for (const d of diagnostics) DiagnosticSchema.parse(d);
        const structureless = diagnostics.some((d) => d.ruleId === 'no-structure' && d.severity === 'error');
        expect(structureless).toBe(plan.units.length === 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('parsing the rendered outline gives the same tree and title', () => {
    fc.assert(
      fc.property(fc.oneof(planLike, planLike, anyText), (text) => {
        const first = normalizePlan(text, { source }).plan;
        const again = normalizePlan(renderOutline(first), { source }).plan;
        expect(again.units).toEqual(first.units);
        expect(again.title).toBe(first.title);
      }),
      { numRuns: RUNS },
    );
  });

  it('the comparison form is idempotent and folds full/half-width punctuation and whitespace', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), planLike), (text) => {
        const once = toComparisonForm(text);
        expect(toComparisonForm(once)).toBe(once);
        expect(/\s/u.test(once)).toBe(false);
      }),
      { numRuns: RUNS },
    );
    expect(toComparisonForm('加强，改革 （一）“x”')).toBe(toComparisonForm('加强,改革(一)"x"'));
  });
});
