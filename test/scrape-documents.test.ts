// Plans published as documents: real .docx written with `docx`, real PDFs printed by Chromium,
// read through `plandiff parse` in-process. Text comes from a real plan (a seed), not made up.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Unit } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { readDocument } from '../packages/scrape/src/read-document.ts';
import { CAN_PRINT, CHROMIUM, printPdf } from './helpers/print-pdf.ts';
import { runMain } from './helpers/run-main.ts';

const SEED = join(import.meta.dirname, '..', 'seeds', '000_4d3ac6cf14e30664.txt');
const dir = mkdtempSync(join(tmpdir(), 'plandiff-docs-'));

/** Sections of the real plan: headings with their task texts. */
function realSections(): { heading: string; tasks: string[] }[] {
  const { plan } = normalizePlan(readFileSync(SEED, 'utf8'), { source: { sha256: '0'.repeat(64), encoding: 'utf-8' } });
  const text = (u: Unit) => (u.heading || u.text).slice(0, 120);
  return plan.units.slice(0, 3).map((u) => ({ heading: text(u), tasks: u.children.slice(0, 4).map(text) }));
}
const NUMERALS = ['一', '二', '三', '四'];

function planUnits(stdout: string): Unit[] {
  return (JSON.parse(stdout) as { units: Unit[] }).units;
}

describe.skipIf(!existsSync(SEED))('plans in documents', () => {
  const sections = realSections();

  it('parses a .docx, a task table read row by row with its number cell as the marker', async () => {
    const children: (Paragraph | Table)[] = [new Paragraph('2012年全市教育工作要点')];
    sections.forEach((s, i) => {
      children.push(new Paragraph(`${NUMERALS[i]}、${s.heading}`));
      if (i === 1) {
        const rows = s.tasks.map(
          (t, k) =>
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph(String(k + 1))] }),
                new TableCell({ children: [new Paragraph(t)] }),
              ],
            }),
        );
        children.push(new Table({ rows }));
      } else {
        for (const [k, t] of s.tasks.entries()) children.push(new Paragraph(`（${NUMERALS[k]}）${t}`));
      }
    });
    const path = join(dir, 'plan.docx');
    writeFileSync(path, await Packer.toBuffer(new Document({ sections: [{ children }] })));
    const run = await runMain(['parse', path]);
    expect(run.stderr).not.toMatch(/binary/);
    expect(run.code).toBe(0);
    const units = planUnits(run.stdout);
    expect(units).toHaveLength(sections.length);
    expect(units[1]!.children.map((c) => c.text || c.heading).join('')).toContain(
      sections[1]!.tasks.at(-1)!.slice(0, 20),
    );
    expect(units[1]!.children).toHaveLength(sections[1]!.tasks.length);
  });

  it('drops a task table header row in a .docx (a Word header row and a first row of label words)', async () => {
    const tasks = sections[1]!.tasks.slice(0, 3);
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const table = (header: string[], tableHeader: boolean) =>
      new Table({
        rows: [
          new TableRow({ tableHeader, children: header.map(cell) }),
          ...tasks.map((t, k) => new TableRow({ children: [cell(String(k + 1)), cell(t), cell('市教育局')] })),
        ],
      });
    const children = [
      new Paragraph('2012年全市教育工作要点'),
      new Paragraph(`一、${sections[0]!.heading}`),
      table(['序号', '工作任务', '责任单位'], true),
      new Paragraph(`二、${sections[1]!.heading}`),
      table(['序 号', '重点工作', '牵头单位'], false),
    ];
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
    const read = await readDocument(new Uint8Array(bytes), 'docx', 'plan.docx');
    const lines = read.text.split('\n');
    expect(lines.filter((l) => /^序 ?号 /u.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\d\. /u.test(l))).toEqual(
      [...tasks, ...tasks].map((t, k) => `${(k % 3) + 1}. ${t} 市教育局`),
    );
    expect(read.diagnostics).toMatchObject([{ ruleId: 'web-table-header', severity: 'info' }]);
    expect(read.diagnostics[0]?.reason).toContain('×2');
  });

  it.skipIf(!CAN_PRINT)(
    'parses a PDF printed by Chromium: page numbers and running headers gone, wraps rejoined',
    async () => {
      const pages = sections.map(
        (s, i) =>
          `<div class="page"><p class="h">泸州市教育局文件</p><p>${NUMERALS[i]}、${s.heading}</p>${s.tasks
            .map((t, k) => `<p>（${NUMERALS[k]}）${t}</p>`)
            .join('')}<p class="n">— ${i + 1} —</p></div>`,
      );
      const html = `<!doctype html><meta charset="utf-8"><style>body{font-size:16px;width:22em}.page{page-break-after:always}</style>${pages.join('')}`;
      const pdf = printPdf(dir, 'plan', html);
      const run = await runMain(['parse', pdf]);
      expect(run.code).toBe(0);
      const units = planUnits(run.stdout);
      const all = JSON.stringify(units);
      expect(all).not.toContain('— 2 —');
      expect(all).not.toContain('泸州市教育局文件');
      expect(units).toHaveLength(sections.length);
      // A heading long enough to wrap in a 22em column comes back whole.
      const long = sections.map((s) => s.heading).find((t) => t.length > 30)!;
      expect(long).toBeDefined();
      expect(units.map((u) => u.heading.replace(/\s/g, ''))).toContain(long.replace(/\s/g, ''));
    },
  );

  it.skipIf(!existsSync(CHROMIUM))('refuses a PDF without a text layer, saying OCR is needed', async () => {
    const html = '<!doctype html><svg width="400" height="600"><rect width="380" height="580" fill="#888"/></svg>';
    const pdf = printPdf(dir, 'scan', html);
    const run = await runMain(['parse', pdf]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/OCR/);
  });

  it('imports the .docx: its exact bytes archived as source.docx, the plan read from it', async () => {
    const path = join(dir, 'plan.docx');
    const corpus = join(dir, 'corpus');
    const run = await runMain(['import', path, '--series', 'edu', '--edition', '2012', '--corpus', corpus]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(corpus, 'edu', '2012', 'source.docx')).equals(readFileSync(path))).toBe(true);
    const record = JSON.parse(readFileSync(join(corpus, 'edu', '2012', 'plan.json'), 'utf8')) as { units: Unit[] };
    expect(record.units).toHaveLength(sections.length);
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))(
    'parses a .doc (LibreOffice-saved) and a .wps in Word format; refuses a WPS-only .wps',
    async () => {
      execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'doc', '--outdir', dir, join(dir, 'plan.docx')], {
        stdio: 'ignore',
        timeout: 120_000,
        env: { ...process.env, HOME: dir },
      });
      const doc = join(dir, 'plan.doc');
      const run = await runMain(['parse', doc]);
      expect(run.code, run.stderr).toBe(0);
      expect(planUnits(run.stdout)).toHaveLength(sections.length);
      const wps = join(dir, 'plan.wps');
      writeFileSync(wps, readFileSync(doc));
      const asWps = await runMain(['parse', wps]);
      expect(asWps.code, asWps.stderr).toBe(0);
      expect(planUnits(asWps.stdout)).toHaveLength(sections.length);
      const old = join(dir, 'old.wps');
      writeFileSync(
        old,
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 1)]),
      );
      const refused = await runMain(['parse', old]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not in Word format.*save it as \.docx/);
    },
  );

  it('refuses a spreadsheet and other binary files clearly', async () => {
    const path = join(dir, 'junk.bin');
    writeFileSync(path, Buffer.from([0, 1, 2, 3, 0, 9, 9]));
    const run = await runMain(['parse', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/binary file, not text, HTML, \.docx, \.pdf/);
  });
});
