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
    });
    const byNew = (id: string) => records.find((r) => r['新编号'] === id)!;
    expect(byNew('2.1')['类型']).toBe('改写');
    expect(byNew('2.1')['数字变化']).toBe('新建公办幼儿园：20所 → 30所; 教育投入：1.35万亿元 → 2.15万亿元');
    expect(byNew('2.2')['原标题']).toBe('（二）义务教育 | （三）高中教育');
    // Quotes, a comma and a CRLF inside a field survive the round trip (RFC 4180 quoting).
    expect(byNew('3.1.1')['新标题']).toBe('1. 资金,"奖补"\r\n办法');
    expect(byNew('3.1')['新标题']).toBe('（一）经费保障 "onerror=x');
  });

  it('reads back in English too', () => {
    const records: Record<string, string>[] = parse(renderDiffReport(diff, 'csv', { lang: 'en' }), {
      bom: true,
      columns: true,
    });
    expect(records.map((r) => r.Kind)).toEqual(diff.changes.map((c) => c.kind[0]!.toUpperCase() + c.kind.slice(1)));
  });
});
