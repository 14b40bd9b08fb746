import { ChangeKindSchema, type PlanDiff, PlanDiffSchema } from '@plandiff/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiffReport } from '../src/index.ts';

const hostile = fc
  .array(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '\n',
      '\r',
      '*',
      '_',
      '|',
      '#',
      '[',
      ']',
      '(',
      ')',
      '`',
      '=',
      ',',
      '中',
      '文',
      ' ',
      'a',
      '/',
      ';',
    ),
    {
      maxLength: 24,
    },
  )
  .map((chars) => chars.join(''));

const ref = fc.record({
  id: fc.constantFrom('1', '1.1', '2', '2.1', '2.1.1'),
  number: hostile,
  heading: hostile,
  text: hostile,
});

const change = fc.record({
  depth: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom(...ChangeKindSchema.options),
  moved: fc.boolean(),
  from: fc.array(ref, { maxLength: 2 }),
  to: fc.array(ref, { maxLength: 2 }),
  similarity: fc.double({ min: 0, max: 1, noNaN: true }),
  wording: fc.array(fc.record({ op: fc.constantFrom('equal', 'insert', 'delete'), text: hostile }), { maxLength: 4 }),
  figures: fc.array(fc.record({ unit: hostile, context: hostile, from: hostile, to: hostile }), { maxLength: 2 }),
});

const planDiff: fc.Arbitrary<PlanDiff> = fc
  .record({
    a: fc.record({ title: hostile, ref: hostile }),
    b: fc.record({ title: hostile, year: fc.integer({ min: 1950, max: 2100 }), ref: hostile }),
    changes: fc.array(change, { maxLength: 6 }),
  })
  .map(({ a, b, changes }) => {
    const summary = { unchanged: 0, reworded: 0, merged: 0, split: 0, added: 0, dropped: 0 };
    for (const c of changes) summary[c.kind] += 1;
    return PlanDiffSchema.parse({ a, b, options: {}, summary, changes });
  });

/** The same diff with every markup-significant character of its strings replaced by a letter. */
const defang = (diff: PlanDiff): PlanDiff => JSON.parse(JSON.stringify(diff).replace(/[<>&'`]|\\"/g, 'x'));

describe('any document text', () => {
  it('never adds markup to the HTML report: tags are those of the same diff without <>&"\' in its text', () => {
    fc.assert(
      fc.property(planDiff, (diff) => {
        const html = renderDiffReport(diff, 'html', { lang: 'zh' });
        const tags = (s: string) => s.match(/<\/?[a-zA-Z][^<>]*>/g)?.map((t) => t.split(/[\s>]/)[0]) ?? [];
        expect(tags(html)).toEqual(tags(renderDiffReport(defang(diff), 'html', { lang: 'zh' })));
        expect(html.match(/<script/g)).toHaveLength(1);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });

  it('renders every format without throwing; Markdown carries no raw HTML but its own <del>/<ins>', () => {
    fc.assert(
      fc.property(planDiff, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (diff, lang) => {
        for (const format of ['md', 'json', 'csv'] as const) renderDiffReport(diff, format, { lang });
        const md = renderDiffReport(diff, 'md', { lang });
        expect(md).not.toMatch(/(?<!\\)<(?!\/?(del|ins)>)[a-zA-Z/!?]/); // only our own <del>/<ins> tags
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});
