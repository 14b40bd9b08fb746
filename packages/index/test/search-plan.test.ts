import type { Plan, Unit } from '@plandiff/model';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSchema, IndexWriter, searchIndex } from '../src/index.ts';
import { useRanges } from '../src/row-filter.ts';
import { windowSql } from '../src/search.ts';

const unit = (id: string, text: string): Unit => ({
  id,
  depth: 1,
  number: `${id}、`,
  ordinal: Number(id),
  heading: text.slice(0, 8),
  text: `${id}、${text}`,
  figures: [],
  children: [],
});

const plan = (year: number, texts: string[]): Plan => ({
  title: `${year}年工作要点`,
  year,
  source: { sha256: '0'.repeat(64), encoding: 'utf-8' },
  preamble: '',
  units: texts.map((t, i) => unit(String(i + 1), t)),
});

function smallIndex(): Database.Database {
  const db = new Database(':memory:');
  createSchema(db);
  const writer = new IndexWriter(db);
  writer.add({
    series: 'a',
    edition: '2020',
    plan: plan(2020, ['推进学前教育普及', '促进义务教育均衡发展']),
    blob: 'x',
  });
  writer.add({
    series: 'b',
    edition: '2021',
    plan: plan(2021, ['发展学前教育，学前教育入园率提高', '办好人民满意的教育']),
    blob: 'y',
  });
  return db;
}

describe('the search window query', () => {
  it('is answered by the FTS5 index in rowid order (no sort, no scan of units) and joins units by primary key', () => {
    const db = smallIndex();
    for (const how of ['all', 'range', 'filter'] as const) {
      if (how === 'filter') useRanges(db, [[1, 9]]);
      const params = how === 'range' ? ['"教育"', 1, 9] : ['"教育"'];
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${windowSql(how)}`)
        .all(...params)
        .map((r) => (r as { detail: string }).detail);
      // FTS5 is the outer loop and answers MATCH (idxStr M…) and ORDER BY rowid DESC itself (idxNum 192 = rowid order | descending).
      expect(plan[0]).toMatch(/^SCAN f VIRTUAL TABLE INDEX 192:M/);
      if (how === 'range') expect(plan[0]).toMatch(/[<>]/);
      expect(plan[1]).toBe('SEARCH u USING INTEGER PRIMARY KEY (rowid=?)');
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|SCAN u/);
    }
  });

  it('ranks the window by term frequency against length, and checks hits against the folded text', () => {
    const db = smallIndex();
    const r = searchIndex(db, ['学前教育']);
    expect(r.hits.map((h) => `${h.series}@${h.edition}#${h.unitId}`)).toEqual(['b@2021#1', 'a@2020#1']);
    expect(r.hits[0]!.snippet.highlights).toHaveLength(2);
    // Traditional characters in the query: the same hits, ranked the same.
    expect(searchIndex(db, ['學前教育']).hits.map((h) => h.unitId + h.series)).toEqual(['1b', '1a']);
  });
});
