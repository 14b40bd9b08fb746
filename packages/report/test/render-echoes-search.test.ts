// The echoes and search renderers are report functions over typed results: plan text in them is untrusted
// and goes through report's own escaping, in Markdown and HTML alike.
import { describe, expect, it } from 'vitest';
import type { EchoesResult, SearchResult } from '../../index/src/index.ts';
import {
  renderEchoesHtml,
  renderEchoesMarkdown,
  renderEchoesText,
  renderSearchMarkdown,
  renderSearchText,
} from '../src/index.ts';

const HOSTILE = '<script>alert(1)</script> | [x](javascript:y) ~~s~~';

const echoes: EchoesResult = {
  method: 'all',
  candidates: 1,
  tasks: [
    {
      unitId: '1.1',
      number: '1.',
      heading: `推进教育 ${HOSTILE}`,
      text: '推进教育',
      echoes: [
        {
          series: 'gwr',
          edition: '2012',
          year: 2012,
          unitId: '3.2',
          number: '（二）',
          heading: '推进教育改革',
          text: '推进教育改革',
          similarity: 0.81,
          passage: { task: '推进教育', echo: '推进教育改革', similarity: 0.81 },
          wording: [
            { op: 'equal', text: '推进教育' },
            { op: 'insert', text: `改革${HOSTILE}` },
          ],
        },
      ],
    },
    { unitId: '1.2', number: '2.', heading: '无回响', text: '无回响', echoes: [] },
  ],
};
const label = { ref: 'edu@2012', title: `工作要点 ${HOSTILE}`, target: 'gwr@2012' };

const search: SearchResult = {
  query: ['教育'],
  terms: [{ text: '教育', runs: ['教育'] }],
  total: 1,
  complete: true,
  hits: [
    {
      series: 'gwr',
      edition: '2012',
      year: 2012,
      title: '政府工作报告',
      unitId: '3.2',
      number: '（二）',
      heading: HOSTILE,
      depth: 2,
      snippet: { text: `发展教育 ${HOSTILE}`, highlights: [[2, 4]] },
      score: 3.5,
    },
  ],
};

describe('echoes and search renderers in report', () => {
  it('render echoes as text, Markdown and HTML, counting only echoed tasks', () => {
    expect(renderEchoesText(echoes, label, false)).toMatch(/^1 of 2 tasks of edu@2012 echo gwr@2012\n/);
    expect(renderEchoesText(echoes, label, false)).toContain('0.81  gwr@2012 3.2 （二）  推进教育改革');
    const md = renderEchoesMarkdown(echoes, label);
    expect(md).toContain('| Task | Echo | Similarity | Wording |');
    expect(md).not.toMatch(/<script>|\]\(javascript|[^\\]\|\s*\[x\]/);
    const html = renderEchoesHtml(echoes, label);
    expect(html).toContain('<ins>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('render search hits with the terms marked, escaping the plan text', () => {
    expect(renderSearchText(search, false)).toContain('发展«教育»');
    const md = renderSearchMarkdown(search);
    expect(md).toContain('**教育**');
    expect(md).not.toMatch(/<script>|\]\(javascript/);
    expect(
      md
        .split('\n')
        .find((line) => line.startsWith('| gwr@2012'))
        ?.split(/(?<!\\)\|/).length,
    ).toBe(6);
  });
});
