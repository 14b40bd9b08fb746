import type { Plan, Unit } from '@plandiff/model';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { echoCandidates, sampleTarget } from '../src/echo-candidates.ts';
import { createSchema, findEchoes, IndexWriter, tasksOf } from '../src/index.ts';
import { allowedRanges } from '../src/row-filter.ts';

const unit = (n: number, text: string): Unit => ({
  id: String(n),
  depth: 1,
  number: `${n}.`,
  ordinal: n,
  heading: '',
  text: `${n}.${text}`,
  figures: [],
  children: [],
});
const plan = (texts: string[]): Plan => ({
  title: '工作要点',
  year: 2020,
  source: { sha256: '0'.repeat(64), encoding: 'utf-8' },
  preamble: '',
  units: texts.map((t, i) => unit(i + 1, t)),
});

// Characters that make filler text and the task's rare "local" words (two characters each, set off by
// commas so each is one bigram of its own).
const FILLER = '经济社会发展建设推进加强完善提高改革工作服务管理体系机制重点项目全面深化实施落实';
const LOCAL = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水';

describe('echo candidates from the index', () => {
  it('read every task bigram under the cap, so an echo sharing only mid-frequency bigrams is found past 20 rarer ones', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const filler = (n: number) => Array.from({ length: n }, () => FILLER[Math.floor(rand() * FILLER.length)]).join('');
    const locals = Array.from({ length: 20 }, (_, i) => LOCAL.slice(2 * i, 2 * i + 2));
    const target: string[] = [];
    // Each local word is in one long unit of the target: rarer than anything the echo shares.
    for (const w of locals) target.push(`${filler(40)}，${w}，${filler(120)}。`);
    // 民办办学 is in a dozen long units: each of its bigrams mid-frequency, under the cap.
    for (let i = 0; i < 12; i++) target.push(`${filler(30)}，民办办学，${filler(80)}。`);
    target.push('民办办学。'); // the echo: short, all of it shared with the task
    while (target.length < 300) target.push(`${filler(80)}。`);
    const db = new Database(':memory:');
    createSchema(db);
    const writer = new IndexWriter(db);
    writer.add({ series: 'target', edition: '2020', plan: plan(target), blob: 't' });
    const task = plan([`${locals.join('，')}，民办办学。`]);
    const ranges = allowedRanges(db, { in: [{ series: 'target' }] });
    const count = ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
    const tasks = tasksOf(task);
    const candidates = echoCandidates(db, tasks, sampleTarget(db, ranges, count), count, false);
    const echoId = db.prepare("SELECT id FROM units WHERE text = '33.民办办学。'").pluck().get() as number;
    expect(candidates).toContain(echoId);
    // And the index route then finds it as the best echo, as scoring every unit does.
    const routed = findEchoes(db, task, { in: [{ series: 'target' }], scoreAllLimit: 10, wording: false });
    const exact = findEchoes(db, task, { in: [{ series: 'target' }], wording: false });
    expect(routed.method).toBe('index');
    expect(exact.tasks[0]!.echoes[0]!.text).toBe('33.民办办学。');
    expect(routed.tasks[0]!.echoes[0]!.text).toBe('33.民办办学。');
  });
});
