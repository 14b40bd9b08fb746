import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanDiffSchema } from '../packages/model/src/index.ts';
import { renderDiffDocx } from '../packages/report/src/index.ts';
import { testOutputDir } from './helpers/browser.ts';
import {
  convertToPdf,
  type DocxParagraph,
  paragraphText,
  readComments,
  readParagraphs,
  sofficeSkipReason,
  unzipDocx,
} from './helpers/docx.ts';
import { loadPairFixture } from './helpers/report-fixtures.ts';
import { runMain } from './helpers/run-main.ts';

const texts = (paragraphs: DocxParagraph[], how: 'accept' | 'reject'): string[] =>
  paragraphs.map((p) => paragraphText(p, how)).filter((t) => t !== '');

describe('Word output: the newer plan with tracked changes and comments', async () => {
  const diff = loadPairFixture();
  const date = new Date('2025-03-05T09:00:00Z');
  const files = unzipDocx(await renderDiffDocx(diff, { lang: 'zh', author: '审稿人 Reviewer', date }));
  const paragraphs = readParagraphs(files['word/document.xml']!);
  const comments = readComments(files['word/comments.xml']!);
  const englishDocx = await renderDiffDocx(diff, { lang: 'en', date });

  it('marks every edit as w:ins / w:del with the author and date, and leaves tracking on', async () => {
    const marked = paragraphs.flatMap((p) => p.runs).filter((r) => r.mark !== 'equal');
    expect(marked.filter((r) => r.mark === 'insert').length).toBeGreaterThan(5);
    expect(marked.filter((r) => r.mark === 'delete').length).toBeGreaterThan(5);
    for (const run of marked) expect([run.author, run.date]).toEqual(['审稿人 Reviewer', '2025-03-05T09:00:00Z']);
    expect(files['word/settings.xml']).toContain('<w:trackRevisions/>');
    // Revision ids are unique across the document, as Word requires.
    const ids = [...files['word/document.xml']!.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('accepting every change gives the newer plan, rejecting every change the older one', async () => {
    const accepted = texts(paragraphs, 'accept');
    const rejected = texts(paragraphs, 'reject');
    expect(accepted[0]).toBe(diff.b.title);
    expect(rejected[0]).toBe(diff.a.title);
    for (const change of diff.changes) {
      for (const ref of change.to) if (ref.text) expect(accepted, ref.id).toContain(ref.text);
      if (change.to.length === 0) {
        for (const ref of change.from) {
          expect(rejected, ref.id).toContain(ref.text);
          expect(accepted.join('\n'), ref.id).not.toContain(ref.text);
        }
      }
      if (change.from.length === 1 && change.to.length === 1 && change.from[0]!.text) {
        expect(rejected, change.from[0]!.id).toContain(change.from[0]!.text);
      }
    }
    // Headings edited word by word: 二、重点任务 → 二、主要任务.
    const heading = paragraphs.find((p) => paragraphText(p, 'accept') === '二、主要任务')!;
    expect(heading.style).toBe('Heading1');
    expect(heading.runs.map((r) => `${r.mark[0]}:${r.text}`)).toEqual(['e:二、', 'd:重点', 'i:主要', 'e:任务']);
  });

  it('dropped and added tasks are whole deleted / inserted paragraphs, marks included', async () => {
    const dropped = paragraphs.filter((p) => paragraphText(p, 'reject') === '开展校园安全专项整治。')[0]!;
    expect(dropped.mark).toBe('delete');
    expect(dropped.runs.every((r) => r.mark === 'delete')).toBe(true);
    const added = paragraphs.filter((p) => paragraphText(p, 'accept').startsWith('防范"onerror=alert(2)'))[0]!;
    expect(added.mark).toBe('insert');
    // The line break inside that task's text is a Word line break, hostile text plain text.
    expect(paragraphText(added, 'accept')).toBe(diff.changes.find((c) => c.to[0]?.id === '2.6')!.to[0]!.text);
  });

  it('moves, merges and splits are comments on the tasks they produced', async () => {
    const startsIn = (id: number) => paragraphs.find((p) => p.comments.includes(id));
    const byText = new Map([...comments].map(([id, c]) => [c.text, id]));
    const expected: [string, string][] = [
      ['合并自：2.2 （二）义务教育；2.3 （三）高中教育', '（二）基础教育'],
      ['拆分自：2.4 （四）职业教育与高等教育 (拆为 2.3，2.4)', '（三）职业教育'],
      ['从 三、保障措施 › 3.1 移到 二、主要任务 › 2.5', '（五）教师队伍建设'],
    ];
    for (const [text, task] of expected) {
      const id = byText.get(text);
      expect(id, text).toBeDefined();
      expect(paragraphText(startsIn(id!)!, 'accept'), text).toBe(task);
      expect(files['word/document.xml']).toContain(`<w:commentReference w:id="${id}"/>`);
      expect(comments.get(id!)!.author).toBe('审稿人 Reviewer');
    }
    // English labels too.
    const en = readComments(unzipDocx(englishDocx)['word/comments.xml']!);
    expect([...en.values()].map((c) => c.text)).toContain('Merged from: 2.2 （二）义务教育; 2.3 （三）高中教育');
    // The title carries the headline.
    expect(comments.get(0)!.text.split('\n')[0]).toBe(
      '2024 → 2025：新增 2，删除 2，改写 5，合并 1，拆分 1，未变 3；移动 1，数字变化 4',
    );
  });
});

const skipSoffice = sofficeSkipReason();
if (skipSoffice) console.warn(skipSoffice);

describe('plandiff diff --format docx on the real 2024→2025 reports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plandiff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const docx = join(dir, 'r.docx');
  const json = join(dir, 'r.json');

  it('writes a Word file whose accepted text is the 2025 report and whose rejected text keeps the dropped 2024 tasks', async () => {
    for (const [format, out] of [
      ['docx', docx],
      ['json', json],
    ] as const) {
      const run = await runMain([
        'diff',
        'corpus/gwr/2024.txt',
        'corpus/gwr/2025.txt',
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
    }
    const diff = PlanDiffSchema.parse(JSON.parse(readFileSync(json, 'utf8')));
    const files = unzipDocx(readFileSync(docx));
    const paragraphs = readParagraphs(files['word/document.xml']!);
    const accepted = texts(paragraphs, 'accept').join('\n');
    const rejected = texts(paragraphs, 'reject').join('\n');
    for (const change of diff.changes) {
      for (const ref of change.to) expect(accepted.includes(ref.text), ref.id).toBe(true);
      if (change.to.length === 0) for (const ref of change.from) expect(rejected.includes(ref.text), ref.id).toBe(true);
    }
    const comments = readComments(files['word/comments.xml']!);
    const moved = diff.changes.filter((c) => c.moved).length;
    const merges = diff.changes.filter((c) => c.kind === 'merged' || c.kind === 'split').length;
    // One comment on the title, one per change that moved, merged or split.
    expect(comments.size).toBe(
      1 + diff.changes.filter((c) => c.moved || c.kind === 'merged' || c.kind === 'split').length,
    );
    expect(moved + merges).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(skipSoffice !== undefined)(
    'converts with headless LibreOffice to a PDF that shows the plan',
    () => {
      expect(existsSync(docx)).toBe(true);
      convertToPdf(docx, dir, join(dir, 'lo-profile'));
      const pdf = readFileSync(join(dir, 'r.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20_000);
      // When poppler is here too, look at it: its text and a picture of the first page.
      if (existsSync('/usr/bin/pdftotext')) {
        const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text).toContain('政府工作报告');
        expect(text).toContain('2025年经济社会发展总体要求和政策取向');
      }
      if (existsSync('/usr/bin/pdftoppm')) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '70',
          '-f',
          '1',
          '-l',
          '1',
          join(dir, 'r.pdf'),
          join(testOutputDir('report-docx'), 'gwr-2024-2025'),
        ]);
      }
    },
    240_000,
  );
});
