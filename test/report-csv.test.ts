import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderDiffReport } from '../packages/report/src/index.ts';
import { loadPairFixture } from './helpers/report-fixtures.ts';

describe('CSV report read back with csv-parse', () => {
  const diff = loadPairFixture();
  const csv = renderDiffReport(diff, 'csv', { lang: 'zh' });
  const bytes = Buffer.from(csv, 'utf8');

  it('is UTF-8 with a BOM and CRLF records', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses (BOM handled) into one record per change with the Chinese intact', () => {
    const records: Record<string, string>[] = parse(bytes, { bom: true, columns: true });
    expect(Object.keys(records[0] ?? {})).toEqual([
      '类型',
      '移动',
      '层级',
      '原编号',
      '新编号',
      '相似度',
      '原标题',
      '新标题',
      '原文',
      '新文',
      '数字变化',
    ]);
    expect(records).toHaveLength(diff.changes.length);
    records.forEach((record, i) => {
      const change = diff.changes[i]!;
      expect(record['原编号']).toBe(change.from.map((r) => r.id).join(' '));
      expect(record['新编号']).toBe(change.to.map((r) => r.id).join(' '));
      expect(record['层级']).toBe(String(change.depth));
      expect(Number(record['相似度'])).toBeCloseTo(change.similarity, 2);
      expect(record['移动']).toBe(change.moved ? '是' : '否');
      for (const ref of change.to) expect(record['新标题']).toContain(ref.heading);
      // The texts themselves, so a spreadsheet user can read what changed without the HTML report.
      for (const ref of change.from) expect(record['原文']).toContain(ref.text.replace(/^=/, "'="));
      for (const ref of change.to) expect(record['新文']).toContain(ref.text);
    });
    const byNew = (id: string) => records.find((r) => r['新编号'] === id)!;
    expect(byNew('2.1')['类型']).toBe('改写');
    expect(byNew('2.1')['数字变化']).toBe(
      '新建公办幼儿园30所：20所 → 30所; 教育投入2.15万亿元：1.35万亿元 → 2.15万亿元',
    );
    expect(byNew('2.2')['原标题']).toBe('（二）义务教育 | （三）高中教育');
    // Quotes, a comma and a CRLF inside a field survive the round trip (RFC 4180 quoting).
    expect(byNew('3.1.1')['新标题']).toBe('1. 资金,"奖补"\r\n办法');
    expect(byNew('3.1')['新标题']).toBe('（一）经费保障 "onerror=x');
    expect(byNew('2.2')['原文']).toBe('推进义务教育均衡发展。 | 普及高中阶段教育。');
    expect(byNew('2.2')['新文']).toBe('推进义务教育优质均衡发展。普及高中阶段教育。');
    expect(byNew('2.6')['新文']).toBe(
      '防范"onerror=alert(2) 与 <img src=x onerror="window.__pwned=1">；数据]]>不外泄；标记*_[]()|#；表格,"\n第二行。',
    );
    // A text that starts like a formula is defused for Excel.
    expect(records.find((r) => r['原编号'] === '3.3')!['原文']).toBe(`'=HYPERLINK("http://evil.example") 加强督导。`);
  });

  it('reads back in English too', () => {
    const records: Record<string, string>[] = parse(renderDiffReport(diff, 'csv', { lang: 'en' }), {
      bom: true,
      columns: true,
    });
    expect(records.map((r) => r.Kind)).toEqual(diff.changes.map((c) => c.kind[0]!.toUpperCase() + c.kind.slice(1)));
  });
});
