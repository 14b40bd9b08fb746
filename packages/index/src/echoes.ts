import { DEFAULT_THRESHOLDS, diffWording, similarUnits } from '@plandiff/diff';
import type { Plan, WordPart } from '@plandiff/model';
import type Database from 'better-sqlite3';
import { backgroundUnits, echoCandidates, sampleTarget } from './echo-candidates.ts';
import { type FlatUnit, flattenUnits, PREAMBLE_ID } from './flatten.ts';
import { foldText } from './fold.ts';
import { allowedRanges, isFiltered, useRanges } from './row-filter.ts';

/** Which units echoes looks in. */
export interface EchoTarget {
  /** Only these series, or editions of a series (default: every series but `exclude`). */
  in?: readonly { series: string; edition?: string }[];
  /** Never this series (the plan's own). */
  exclude?: string;
}

/** Options of findEchoes. */
export interface EchoOptions extends EchoTarget {
  /** Most echoes listed per task (default 3). */
  perTask?: number;
  /** Least similarity (0–1) for an echo (default: the diff engine's own floor for linking two units). */
  min?: number;
  /** Compute word-level wording diffs (default true). */
  wording?: boolean;
  /** Score every target unit when there are at most this many (default SCORE_ALL_LIMIT); else ask the index. */
  scoreAllLimit?: number;
}

/** A unit of another plan that echoes a task. */
export interface Echo {
  series: string;
  edition: string;
  year: number | null;
  unitId: string;
  number: string;
  heading: string;
  text: string;
  /** The diff engine's similarity of the two units' own text (0–1). */
  similarity: number;
  /** The sentences of task and echo that are most alike (where the echo is). */
  passage: { task: string; echo: string; similarity: number };
  /** Word-level diff from the task's passage to the echo's. */
  wording: WordPart[];
}

/** One task of the plan with the units that echo it, most similar first. */
export interface TaskEchoes {
  unitId: string;
  number: string;
  heading: string;
  text: string;
  echoes: Echo[];
}

/** What findEchoes found, and how candidates were gathered. */
export interface EchoesResult {
  /** `all`: every target unit was scored; `index`: candidates came from the full-text index. */
  method: 'all' | 'index';
  /** Target units considered (all of them, or the index's candidates). */
  candidates: number;
  tasks: TaskEchoes[];
}

interface TargetRow {
  id: number;
  series: string;
  edition: string;
  year: number | null;
  unit_id: string;
  number: string;
  heading: string;
  text: string;
}

/** Up to this many target units are all scored against every task; above it the index picks candidates. */
export const SCORE_ALL_LIMIT = 20_000;
/** Tasks shorter than this (folded characters) have too little text to echo anything. */
const MIN_TASK_CHARS = 8;

const COLUMNS = 'u.id, e.series, e.edition, e.year, u.unit_id, u.number, u.heading, u.text';

/** The plan's tasks: units without children that carry enough text to compare. */
export function tasksOf(plan: Plan): FlatUnit[] {
  return flattenUnits(plan, false).filter((u) => u.leaf && foldText(u.text).length >= MIN_TASK_CHARS);
}

const SENTENCE = /[^。！？；!?;]+[。！？；!?;]*/gu;

/** The most alike pair of sentences of two texts (the whole texts when neither splits or nothing is shared). */
export function bestPassage(a: string, b: string): { task: string; echo: string; similarity: number } {
  const xs = (a.match(SENTENCE) ?? [a]).map((text) => ({ text }));
  const ys = (b.match(SENTENCE) ?? [b]).map((text) => ({ text }));
  let best = { task: a, echo: b, similarity: 0 };
  for (const p of similarUnits(xs, ys, 0.01)) {
    if (p.similarity > best.similarity) best = { task: xs[p.i]!.text, echo: ys[p.j]!.text, similarity: p.similarity };
  }
  return { ...best, similarity: Math.round(best.similarity * 1000) / 1000 };
}

function passageOf(task: string, echo: string, wording: boolean): Pick<Echo, 'passage' | 'wording'> {
  const passage = bestPassage(task, echo);
  return { passage, wording: wording ? diffWording(passage.task, passage.echo, { maxChars: 200 }) : [] };
}

/**
 * For each task of `plan`, the most similar units of the target series: candidates from the index
 * (or every target unit when there are few), scored by the diff engine's own similarity.
 */
export function findEchoes(db: Database.Database, plan: Plan, options: EchoOptions = {}): EchoesResult {
  const perTask = options.perTask ?? 3;
  const min = options.min ?? DEFAULT_THRESHOLDS.minSimilarity;
  const tasks = tasksOf(plan);
  const filtered = isFiltered(options);
  const ranges = allowedRanges(db, options);
  useRanges(db, filtered ? ranges : undefined);
  const count = ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  const method = count <= (options.scoreAllLimit ?? SCORE_ALL_LIMIT) ? 'all' : 'index';
  const byId = db.prepare(`SELECT ${COLUMNS} FROM units u JOIN editions e ON e.id = u.edition_id WHERE u.id = ?`);
  const inRange = db.prepare(
    `SELECT ${COLUMNS} FROM units u JOIN editions e ON e.id = u.edition_id WHERE u.id BETWEEN ? AND ? ORDER BY u.id`,
  );
  const sample = method === 'index' ? sampleTarget(db, ranges, count) : [];
  const candidates = method === 'index' ? echoCandidates(db, tasks, sample, count, filtered) : [];
  const rows =
    method === 'all'
      ? ranges.flatMap(([a, b]) => inRange.all(a, b) as TargetRow[])
      : candidates.map((id) => byId.get(id) as TargetRow);
  const targets = rows.filter((r) => r.unit_id !== PREAMBLE_ID);
  const pairs = similarUnits(
    tasks,
    targets.map((t) => ({ text: t.text, number: t.number, heading: t.heading })),
    min,
    method === 'index' ? backgroundUnits(db, ranges, count, sample, new Set(candidates)) : [],
  );
  const byTask = new Map<number, { j: number; similarity: number }[]>();
  for (const p of pairs) {
    const list = byTask.get(p.i) ?? [];
    list.push({ j: p.j, similarity: p.similarity });
    byTask.set(p.i, list);
  }
  const result: TaskEchoes[] = tasks.map((task, i) => {
    const best = (byTask.get(i) ?? []).sort((a, b) => b.similarity - a.similarity || a.j - b.j).slice(0, perTask);
    return {
      unitId: task.unitId,
      number: task.number,
      heading: task.heading,
      text: task.text,
      echoes: best.map(({ j, similarity }) => {
        const t = targets[j]!;
        return {
          series: t.series,
          edition: t.edition,
          year: t.year,
          unitId: t.unit_id,
          number: t.number,
          heading: t.heading,
          text: t.text,
          similarity: Math.round(similarity * 1000) / 1000,
          ...passageOf(task.text, t.text, options.wording !== false),
        };
      }),
    };
  });
  return { method, candidates: targets.length, tasks: result };
}
