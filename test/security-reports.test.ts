import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { renderDiffReport } from '../packages/report/src/index.ts';
import { HOSTILE_TEXT, planText } from './helpers/bad-inputs.ts';
import { runMainMeasured, stackLines, tempDir } from './helpers/reliability.ts';

// Document text is hostile: a plan can carry markup, script, event handlers and Markdown syntax.
// In HTML reports none of it may become elements or attributes (the DOM is inspected, not grepped);
// in Markdown reports none of it may stay active (raw HTML, links, emphasis).

const SOURCE = { sha256: '0'.repeat(64), encoding: 'utf-8' };
const ATTACKS = [
  HOSTILE_TEXT,
  '"><svg onload=alert(4)>',
  "'><iframe src=javascript:alert(5)></iframe>",
  '</textarea></style></script><script>alert(6)</script>',
  '<a href="javascript:alert(7)">点我</a>',
  '[x](javascript:alert(8)) ![y](http://evil.example/t.png) <http://evil.example>',
  '| a | b |\n|---|---|',
  '&lt;script&gt; already escaped &amp;',
];

/** A plan pair whose 2013 tasks carry `attack` in a reworded, an added and a heading position. */
function hostileDiff(attack: string) {
  const a = normalizePlan(planText({ year: 2012 }), { source: SOURCE }).plan;
  const text = planText({ year: 2013 })
    .replace('推进第1-1项任务。', `推进第1-1项任务。${attack}`)
    .replace('二、第2方面重点工作', `二、第2方面重点工作${attack}`)
    .concat(`4.新增任务${attack}。\n`);
  const b = normalizePlan(text, { source: SOURCE }).plan;
  return diffPlans(a, b, { refA: `a${attack}`, refB: 'b' });
}

/** Elements, event-handler attributes and javascript: URLs in an HTML document. */
function activeContent(html: string) {
  const { document } = parseHTML(html);
  const all = [...document.querySelectorAll('*')];
  return {
    scripts: all.filter((e) => e.tagName === 'SCRIPT').length,
    tags: new Set(all.map((e) => e.tagName)),
    handlers: all.flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`),
    ),
    jsUrls: all.flatMap((e) =>
      [...e.attributes].filter((a) => /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`),
    ),
    text: document.body?.textContent ?? '',
  };
}

const baseline = activeContent(renderDiffReport(hostileDiff(''), 'html', { lang: 'zh' }));

describe('HTML reports escape all document text', () => {
  for (const attack of ATTACKS) {
    it(`no markup from ${JSON.stringify(attack.slice(0, 40))}`, () => {
      for (const lang of ['zh', 'en'] as const) {
        const html = renderDiffReport(hostileDiff(attack), 'html', { lang });
        const found = activeContent(html);
        expect(found.scripts).toBe(baseline.scripts);
        expect(found.handlers).toEqual([]);
        expect(found.jsUrls).toEqual([]);
        for (const tag of ['IFRAME', 'SVG', 'IMG', 'TEXTAREA'])
          expect(found.tags.has(tag), tag).toBe(baseline.tags.has(tag));
        // The attack is shown as text (the report still tells the reader what the plan says).
        expect(found.text).toContain((attack.split('\n')[0] ?? '').slice(0, 12));
      }
    });
  }
});

describe('Markdown reports neutralise document text', () => {
  for (const attack of ATTACKS) {
    it(`nothing active from ${JSON.stringify(attack.slice(0, 40))}`, () => {
      const md = renderDiffReport(hostileDiff(attack), 'md', { lang: 'zh' });
      expect(md).not.toMatch(/(?<!\\)<(script|img|svg|iframe|a |textarea|\/script)/i);
      expect(md).not.toMatch(/(?<!\\)\]\((?:javascript|http)/i);
      expect(md).not.toMatch(/(?<!\\)<http/);
    });
  }
});

describe('the same through the CLI (diff --format html, report --format md)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('diff --format html of hostile plans runs no script and shows the text', { timeout: 120_000 }, async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, planText({ year: 2012 }));
    writeFileSync(b, planText({ year: 2013 }).replace('推进第1-1项任务。', `推进第1-1项任务。${ATTACKS.join(' ')}`));
    const run = await runMainMeasured(['diff', a, b, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    expect(stackLines(run.stderr)).toEqual([]);
    const found = activeContent(run.stdout);
    expect(found.scripts).toBe(baseline.scripts);
    expect(found.handlers).toEqual([]);
    expect(found.jsUrls).toEqual([]);
    expect(found.text).toContain('<script>alert(1)</script>');
  });
});
