import type { Change, Plan } from '@plandiff/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/index.ts';
import { clonePlan, loadSeedPlan, makeTask, renumber, setText } from './helpers/seed-plan.ts';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const seed = renumber(loadSeedPlan());
const taskCount = seed.units.reduce((n, s) => n + s.children.length, 0);

/** One random edit of the kinds a next edition makes; positions are taken modulo the current size. */
type Edit =
  | { op: 'drop' | 'reword' | 'split' | 'merge'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'add'; at: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop', 'reword', 'split', 'merge'), at: fc.nat() }) as fc.Arbitrary<Edit>,
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    op: fc.constant('add' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      '开展乡村教师周转宿舍建设。新建乡村教师周转宿舍300套。',
      '实施学生营养改善计划。为农村学生提供营养膳食补助。',
      '推进智慧校园试点。建设10所智慧校园示范学校。',
    ),
  }),
);

/** All tasks as (section, index) slots in order. */
function slots(plan: Plan): { s: number; i: number }[] {
  return plan.units.flatMap((sec, s) => sec.children.map((_, i) => ({ s, i })));
}

function applyEdit(plan: Plan, e: Edit): void {
  const all = slots(plan);
  if (all.length < 3) return;
  const slot = all[e.at % all.length]!;
  const list = plan.units[slot.s]!.children;
  const task = list[slot.i]!;
  if (e.op === 'drop') list.splice(slot.i, 1);
  else if (e.op === 'reword')
    setText(
      task,
      task.text.replace(
        /加强|推进|积极|认真/,
        (w) => ({ 加强: '强化', 推进: '推动', 积极: '主动', 认真: '切实' })[w] ?? w,
      ),
    );
  else if (e.op === 'split') {
    const cut = task.text.indexOf('。', Math.floor(task.text.length / 2));
    if (cut < 0 || cut >= task.text.length - 2) return;
    list.splice(slot.i + 1, 0, makeTask(task.text.slice(cut + 1)));
    setText(task, task.text.slice(0, cut + 1));
  } else if (e.op === 'merge') {
    const next = list[slot.i + 1];
    if (!next) return;
    setText(task, task.text + next.text.slice(next.number.length));
    list.splice(slot.i + 1, 1);
  } else if (e.op === 'move') {
    const [moved] = list.splice(slot.i, 1);
    const target = plan.units[e.to % plan.units.length]!.children;
    target.splice(e.to % (target.length + 1), 0, moved!);
  } else if (e.op === 'add') list.splice(slot.i, 0, makeTask(e.text));
}

const editedSeed = fc.array(editArb, { minLength: 1, maxLength: 5 }).map((edits) => {
  const plan = clonePlan(seed);
  for (const e of edits) applyEdit(plan, e);
  return renumber(plan);
});

/** The link structure of a diff: `fromIds>toIds:kind`, sorted, for comparing diffs. */
function links(changes: readonly Change[], mirror = false): string[] {
  const swap: Record<string, string> = { added: 'dropped', dropped: 'added', merged: 'split', split: 'merged' };
  return changes
    .map((c) => {
      const [from, to] = mirror ? [c.to, c.from] : [c.from, c.to];
      const kind = mirror ? (swap[c.kind] ?? c.kind) : c.kind;
      return `${from.map((t) => t.id).join('+')}>${to.map((t) => t.id).join('+')}:${kind}`;
    })
    .sort();
}

describe('diffPlans properties', () => {
  it('finds an edited seed identical to itself', () => {
    fc.assert(
      fc.property(editedSeed, (plan) => {
        const d = diffPlans(plan, clonePlan(plan), { wording: false });
        expect(d.changes.every((c) => c.kind === 'unchanged' && !c.moved && c.from[0]?.id === c.to[0]?.id)).toBe(true);
        expect(d.changes).toHaveLength(plan.units.length + slots(plan).length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('mirrors: diff(b, a) has the same pairs as diff(a, b), added↔dropped and merged↔split', () => {
    fc.assert(
      fc.property(editedSeed, (plan) => {
        const forward = diffPlans(seed, plan, { wording: false });
        const backward = diffPlans(plan, seed, { wording: false });
        expect(links(backward.changes, true)).toEqual(links(forward.changes));
        expect(backward.summary.added).toBe(forward.summary.dropped);
        expect(backward.summary.merged).toBe(forward.summary.split);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('accounts for every unit of both plans exactly once', () => {
    fc.assert(
      fc.property(editedSeed, (plan) => {
        const d = diffPlans(seed, plan, { wording: false });
        const fromIds = d.changes.flatMap((c) => c.from.map((t) => t.id));
        const toIds = d.changes.flatMap((c) => c.to.map((t) => t.id));
        expect(new Set(fromIds).size).toBe(fromIds.length);
        expect(new Set(toIds).size).toBe(toIds.length);
        expect(fromIds).toHaveLength(seed.units.length + taskCount);
        expect(toIds).toHaveLength(plan.units.length + slots(plan).length);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
