import { describe, expect, it } from 'vitest';
import { normalizePlan } from '../src/index.ts';

const source = { sha256: '0'.repeat(64), encoding: 'utf-8' };
const parse = (text: string) => normalizePlan(text, { source });
const texts = (text: string): string[] => {
  const out: string[] = [];
  const visit = (units: ReturnType<typeof parse>['plan']['units']): void => {
    for (const unit of units) {
      out.push(unit.text);
      visit(unit.children);
    }
  };
  visit(parse(text).plan.units);
  return out;
};

describe('layout repair', () => {
  it('joins lines inside a blank-line paragraph with no separator (PM2.5, M2 subscripts)', () => {
    expect(texts('一、治理\n\n城区PM\n2.5\n浓度下降，M\n2\n增长8%。\n\n二、其他')[1]).toBe(
      '城区PM2.5浓度下降，M2增长8%。',
    );
  });

  it('treats whitespace-only lines (U+3000, U+2003, NBSP) as blank and strips full-width indents', () => {
    expect(texts('　　一、甲\n\u2003\u2003\n　　（一）乙。\n\u00a0\n　　丙。')).toEqual([
      '一、甲',
      '（一）乙。',
      '丙。',
    ]);
  });

  it('reads CRLF and lone CR line ends like LF', () => {
    expect(texts('一、甲\r\n1.乙。\r\n2.丙。\r二、丁')).toEqual(['一、甲', '1.乙。', '2.丙。', '二、丁']);
  });

  it('in a one-line-per-paragraph text, joins a heading broken after a comma', () => {
    expect(texts('一、稳定粮食生产，\n确保有效供给\n（一）落实政策。')[0]).toBe('一、稳定粮食生产，确保有效供给');
  });

  it('splits a one-line body at markers that continue their sequence, and nowhere else', () => {
    const line =
      '总体要求。 一、甲 1.乙“9+3学校。 2.丙，投资2.15万亿元，组织“5.11安全大演练。 二、丁 3.戊(泸委办发〔2011〕5号)。';
    expect(texts(line)).toEqual([
      '一、甲',
      '1.乙“9+3学校。',
      '2.丙，投资2.15万亿元，组织“5.11安全大演练。',
      '二、丁',
      '3.戊(泸委办发〔2011〕5号)。',
    ]);
  });

  it('also splits after a sentence end, but not after ： or ；', () => {
    expect(texts('总体要求。一、甲。（一）乙。（二）丙：（1）建立制度；（2）落实责任。二、丁')).toEqual([
      '一、甲。',
      '（一）乙。',
      '（二）丙：（1）建立制度；（2）落实责任。',
      '二、丁',
    ]);
  });

  it('does not split inline at a number that breaks the sequence', () => {
    expect(texts('一、甲 1.乙 5.丙 2.丁')).toEqual(['一、甲', '1.乙 5.丙', '2.丁']);
  });
});

describe('tree building', () => {
  it('nests styles by their order of first appearance', () => {
    const { plan } = parse('（一）甲\n\n1.乙。\n\n（二）丙\n\n1.丁。\n\n2.戊。');
    expect(plan.units.map((u) => [u.number, u.children.map((c) => c.number)])).toEqual([
      ['（一）', ['1.']],
      ['（二）', ['1.', '2.']],
    ]);
  });

  it('makes unnumbered paragraphs children of the innermost unit, and a salutation returns to the section', () => {
    const { plan } = parse('一、甲\n\n引言。\n\n（一）乙。\n\n丙段。\n\n各位代表！\n\n丁段。');
    const section = plan.units[0]!;
    expect(section.children.map((c) => [c.id, c.depth, c.number, c.heading])).toEqual([
      ['1.1', 2, '', '引言'],
      ['1.2', 2, '（一）', '乙'],
      ['1.3', 2, '', '丁段'],
    ]);
    expect(section.children[1]!.children.map((c) => c.heading)).toEqual(['丙段']);
  });

  it('warns about repeated and out-of-order numbers but keeps every unit', () => {
    const { plan, diagnostics } = parse('一、甲\n\n二、乙\n\n二、丙\n\n五、丁');
    expect(plan.units.map((u) => u.number)).toEqual(['一、', '二、', '二、', '五、']);
    expect(diagnostics.filter((d) => d.ruleId.startsWith('number-')).map((d) => [d.ruleId, d.place?.line])).toEqual([
      ['number-repeated', 5],
      ['number-out-of-order', 7],
    ]);
  });

  it('derives headings: numbered up to 。 or ；, unnumbered long first sentences shortened to 20 characters', () => {
    const long =
      '这是一个很长很长的第一句话，它说明了许多许多的事情，包括各个方面的各项工作以及各种各样的要求和各种各样的安排，还有很多很多很多很多的内容。后面。';
    const { plan } = parse(`一、总体要求；其他\n\n${long}\n\n（一）短句标题。正文。`);
    expect(plan.units[0]!.heading).toBe('总体要求');
    expect(plan.units[0]!.children[0]!.heading).toBe(Array.from(long).slice(0, 20).join(''));
    expect(plan.units[0]!.children[1]!.heading).toBe('短句标题');
  });

  it('reports a structureless text as an error with zero units, and never throws', () => {
    const { plan, diagnostics } = parse('只是一段文字。\n\n没有编号。');
    expect(plan.units).toEqual([]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'no-structure', severity: 'error' }));
    expect(() => parse('')).not.toThrow();
    expect(() => parse('\u0000\uFFFF\uD800')).not.toThrow();
  });
});

describe('metadata', () => {
  it('takes no region from a verb that happens to precede 省/区 (加强省、市 … 加强区域)', () => {
    const { plan } = parse(
      '各位代表：\n\n要加强省、市、县的领导，加强区域合作，社会主义市场经济。\n\n一、加强领导\n\n二、扩大开放',
    );
    expect(plan.region).toBeUndefined();
  });

  it('finds the region from a place name printed before 市/省/县/区 that the front matter names', () => {
    const { plan } = parse('杭州2015年教育工作要点\n\n杭州教育要加快发展。\n\n一、推进杭州市学前教育\n\n二、其他');
    expect(plan.region).toBe('杭州市');
    expect(plan.year).toBe(2015);
  });

  it('takes the region from an issuer that starts with a place, and no region from generic words', () => {
    expect(normalizePlan('一、甲', { source, hints: { issuer: '泸州市教育局' } }).plan.region).toBe('泸州市');
    expect(parse('2013年全市工作要点\n\n全市要加强。\n\n一、本市各区县\n\n二、全省').plan.region).toBeUndefined();
  });

  it('prefers what the text says over hints, and uses hints when the text is silent', () => {
    const hints = { title: '网页标题', issuedOn: '2013-01-05', docNumber: '某发〔2013〕1号', issuer: '某局' };
    const silent = normalizePlan('一、甲\n\n二、乙', { source, hints }).plan;
    expect(silent).toMatchObject({
      title: '网页标题',
      issuedOn: '2013-01-05',
      docNumber: '某发〔2013〕1号',
      issuer: '某局',
    });
    const spoken = normalizePlan('2014年工作要点\n\n一、甲\n\n二、乙', { source, hints }).plan;
    expect(spoken.title).toBe('2014年工作要点');
    expect(spoken.year).toBe(2014);
  });
});
