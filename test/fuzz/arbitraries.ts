import fc from 'fast-check';
import type { Plan, Source } from '../../packages/model/src/index.ts';
import { normalizePlan } from '../../packages/normalize/src/index.ts';

/** Cases per property: `FUZZ_RUNS` (pnpm fuzz sets 10,000), else a quick default for CI. */
export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 100);

/** Per-test time limit that grows with FUZZ_RUNS (100 ms a case, at least a minute). */
export const FUZZ_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 100);

/** Longest time one call may take on fuzzed input before it counts as a hang (ms). */
export const HANG_MS = 5_000;

/** The provenance every fuzzed plan carries. */
export const SOURCE: Source = { sha256: '0'.repeat(64), encoding: 'utf-8' };

/** Pieces real plans are made of, so fuzzed text reaches the normalizer's deep paths, not just its refusals. */
const MARKERS = [
  '一、',
  '二、',
  '十一、',
  '（一）',
  '(二)',
  '1.',
  '2、',
  '10．',
  '（3）',
  '(4)',
  '①',
  '②',
  '第一章',
  '第二条',
  '一是',
  '１．',
  'Ⅲ、',
  'A.',
  '—',
];
const WORDS = [
  '加强',
  '教育',
  '工作',
  '推进',
  '学校',
  '建设',
  '完成',
  '提高',
  '质量',
  '改革',
  '义务教育',
  '幼儿园',
  '教师',
  '培训',
  '全面',
];
const FIGURES = [
  '20所',
  '3%',
  '2.15万亿元',
  '１２个',
  '百分之五',
  '9'.repeat(30),
  '1,000人',
  '-5',
  '0.0001',
  '1e309',
  'NaN',
];
const PUNCT = ['，', '。', '；', '：', '“', '”', '（', '）', '、', '！', '…', ' ', '\t', '|'];
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=y>',
  '**x**',
  '[a](javascript:b)',
  '`',
  '#',
  '&amp;',
  '"\'',
  '\\',
  '$' + '{x}', // a template placeholder, literally
  '$(id)',
  '\u0000',
  '\u202e',
  '\ufeff',
  '🎓',
  '𠀀',
  '\ud800',
];
const CHROME = [
  '首页 | 网站地图',
  '版权所有：某某县',
  '【打印本页】【关闭窗口】',
  '当前位置：首页 > 通知',
  '发布时间：2012-03-05',
  '浏览次数：123',
];
const TITLES = ['某县教育局2012年工作要点', '2013年政府工作报告', '关于印发《2014年工作要点》的通知', ''];

/** A fragment of plan-like text: a word, figure, punctuation or something hostile. */
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** One line: optionally a numbering marker, then fragments. */
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.option(fc.constantFrom(...MARKERS), { freq: 2 }), fc.array(fragment, { maxLength: 12 }))
      .map(([m, f]) => `${m ?? ''}${f.join('')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CHROME) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Plan-like text: a title, then lines joined by a random line end (LF, CRLF, CR, or a mix). */
export const planTextArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...TITLES),
    fc.array(line, { maxLength: 40 }),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\u2028'),
  )
  .map(([title, lines, eol]) => [title, ...lines].join(eol));

/** Text of any shape at all: plan-like, or arbitrary Unicode. */
export const anyTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: planTextArb },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** A plan as the normalizer makes it from fuzzed text (the realistic input of diff and report). */
export const planArb: fc.Arbitrary<Plan> = planTextArb.map((text) => normalizePlan(text, { source: SOURCE }).plan);

/** A plan and a mutation of it (lines dropped, duplicated, swapped, reworded): a plausible next edition. */
export const planPairArb: fc.Arbitrary<[Plan, Plan]> = fc
  .tuple(
    fc.array(line, { minLength: 1, maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 8 }),
    fc.array(fragment, { maxLength: 4 }),
  )
  .map(([lines, edits, inserted]) => {
    const next = [...lines];
    for (const e of edits) {
      const i = e % next.length;
      const op = e % 4;
      if (op === 0) next.splice(i, 1);
      else if (op === 1) next.splice(i, 0, next[i] ?? '');
      else if (op === 2) next.splice(i, 1, `${next[i] ?? ''}${inserted.join('')}`);
      else next.push(next.splice(i, 1)[0] ?? '');
      if (next.length === 0) next.push('一、新增任务');
    }
    const a = normalizePlan(['2012年工作要点', ...lines].join('\n'), { source: SOURCE }).plan;
    const b = normalizePlan(['2013年工作要点', ...next].join('\n'), { source: SOURCE }).plan;
    return [a, b];
  });

/** Runs `fn`, failing the property when it takes longer than HANG_MS. */
export function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  if (ms > HANG_MS) throw new Error(`${label} took ${Math.round(ms)} ms (> ${HANG_MS} ms): a hang`);
  return result;
}
