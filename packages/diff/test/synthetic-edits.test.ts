import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/index.ts';
import { clonePlan, loadSeedPlan, makeTask, renumber, reported, setText, slotOf, unitAt } from './helpers/seed-plan.ts';

// Each test applies one known edit to the seed and checks that exactly that edit is reported.
const seed = renumber(loadSeedPlan());
const edit = (fn: (p: typeof seed) => void) => {
  const b = clonePlan(seed);
  fn(b);
  return renumber(b);
};

describe('diffPlans on known edits of the seed', () => {
  it('reports nothing for an identical copy', () => {
    const d = diffPlans(seed, clonePlan(seed));
    expect(reported(d.changes)).toEqual([]);
    expect(d.summary.unchanged).toBe(d.changes.length);
  });

  it('reports a reworded task with its word-level change', () => {
    const b = edit((p) => {
      const u = unitAt(p, '1.2');
      setText(u, u.text.replace('大力开展中小学生文明行为习惯养成教育', '深入开展中小学生文明行为习惯养成教育'));
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual(['reworded 1.2>1.2 …动。[-大力][+深入]开展…']);
  });

  it('reports a changed figure paired by measure word and context', () => {
    const b = edit((p) => {
      const u = unitAt(p, '3.1');
      setText(u, u.text.replace('改扩建20所公办幼儿园', '改扩建30所公办幼儿园'));
    });
    const d = diffPlans(seed, b);
    expect(reported(d.changes)).toEqual(['reworded 3.1>3.1 …扩建[-20][+30]所公… {20所→30所}']);
    expect(d.changes.find((c) => c.kind === 'reworded')?.figures).toEqual([
      {
        unit: '所',
        context: '改扩建30所公办幼儿园',
        from: '20所',
        to: '30所',
        fromValue: 20,
        toValue: 30,
        fromModifier: '',
        toModifier: '',
        fromContext: '改扩建20所公办幼儿园',
        fromId: '3.1',
        toId: '3.1',
      },
    ]);
  });

  it('ignores punctuation-only changes unless asked', () => {
    const b = edit((p) => {
      const u = unitAt(p, '1.2');
      setText(u, u.text.replace('交流典型经验。', '交流典型经验；'));
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual([]);
    expect(reported(diffPlans(seed, b, { punctuation: true }).changes)).toEqual([
      'reworded 1.2>1.2 …经验[-。][+；]评选…',
    ]);
  });

  it('reports a dropped task, and the renumbered tasks after it as unchanged', () => {
    const b = edit((p) => {
      const { list, index } = slotOf(p, '2.4');
      list.splice(index, 1);
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual(['dropped 2.4>']);
  });

  it('reports an added task', () => {
    const b = edit((p) => {
      const { list } = slotOf(p, '6.1');
      list.splice(2, 0, makeTask('开展乡村教师周转宿舍建设。新建乡村教师周转宿舍300套，解决偏远学校教师住宿困难。'));
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual(['added >6.3']);
  });

  it('reports a task moved to another section as moved, not as dropped and added', () => {
    const b = edit((p) => {
      const { list, index } = slotOf(p, '3.7');
      const [task] = list.splice(index, 1);
      unitAt(p, '8').children.push(task!);
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual(['unchanged* 3.7>8.9']);
  });

  it('reports two tasks merged into one', () => {
    const b = edit((p) => {
      const first = unitAt(p, '6.1');
      const second = unitAt(p, '6.2');
      setText(first, `${first.text}${second.text.slice(second.number.length).replace(/^[^。]*。/, '')}`);
      const { list, index } = slotOf(p, '6.2');
      list.splice(index, 1);
    });
    const lines = reported(diffPlans(seed, b).changes);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^merged 6\.1\+6\.2>6\.1 /);
  });

  it('reports one task split into two', () => {
    const b = edit((p) => {
      const whole = unitAt(p, '8.4');
      const cut = whole.text.indexOf('以安全课程为主线');
      const rest = makeTask(whole.text.slice(cut));
      setText(whole, whole.text.slice(0, cut));
      const { list, index } = slotOf(p, '8.4');
      list.splice(index + 1, 0, rest);
    });
    const lines = reported(diffPlans(seed, b).changes);
    expect(lines).toHaveLength(1);
    // The parts joined read exactly as the whole did (numbers aside), so there is no word change.
    expect(lines[0]).toBe('split 8.4>8.4+8.5');
  });

  it('reports a reordered section as one moved section; its tasks stay in place', () => {
    const b = edit((p) => {
      const [four] = p.units.splice(3, 1);
      p.units.splice(4, 0, four!);
    });
    const lines = reported(diffPlans(seed, b).changes);
    expect(lines).toHaveLength(1);
    expect(['unchanged* 4>5', 'unchanged* 5>4']).toContain(lines[0]);
  });

  it('reports several edits at once, each exactly', () => {
    const b = edit((p) => {
      const u = unitAt(p, '3.1');
      setText(u, u.text.replace('改扩建20所公办幼儿园', '改扩建30所公办幼儿园'));
      const { list, index } = slotOf(p, '2.4');
      list.splice(index, 1);
      unitAt(p, '7').children.push(
        makeTask('实施学生营养改善计划。为农村义务教育学生提供营养膳食补助，确保食品安全。'),
      );
    });
    expect(reported(diffPlans(seed, b).changes)).toEqual([
      'dropped 2.4>',
      'reworded 3.1>3.1 …扩建[-20][+30]所公… {20所→30所}',
      'added >7.4',
    ]);
  });
});

describe('one model: links, rules, precision', () => {
  it('records the rule and score of every link of a change', () => {
    const b = edit((p) => {
      const u = unitAt(p, '3.1');
      setText(u, u.text.replace('改扩建20所公办幼儿园', '改扩建30所公办幼儿园'));
    });
    const change = diffPlans(seed, b).changes.find((c) => c.kind === 'reworded');
    expect(change?.links).toEqual([{ from: '3.1', to: '3.1', rule: 'assign', score: expect.any(Number) }]);
    const same = diffPlans(seed, clonePlan(seed)).changes.filter((c) => c.depth === 2);
    expect(same.every((c) => c.links?.every((l) => l.rule === 'anchor'))).toBe(true);
  });

  it('reports a weak link nothing supports as dropped + added with a possible-continuation hint', () => {
    // A task moved to another section and rewritten until little is shared: no context, no neighbours.
    const b = edit((p) => {
      const { list, index } = slotOf(p, '2.4');
      const [task] = list.splice(index, 1);
      setText(
        task!,
        `${task!.number}${task!.text.slice(task!.number.length, task!.number.length + 12)}，统筹推进学校安全防范体系建设和校园周边环境综合治理。`,
      );
      unitAt(p, '8').children.push(task!);
    });
    const strict = diffPlans(seed, b, { wording: false });
    const dropped = strict.changes.find((c) => c.kind === 'dropped' && c.from[0]?.id === '2.4');
    if (dropped) {
      expect(dropped.hint).toMatchObject({ kind: 'possible-continuation', id: expect.stringMatching(/^8\./u) });
    } else {
      // Strong enough to stand: then it is linked, and a stricter support floor turns it into a hint.
      const linked = strict.changes.find((c) => c.from.some((t) => t.id === '2.4'));
      const score = linked?.links?.[0]?.score ?? 0;
      const stricter = diffPlans(seed, b, { wording: false, minUnsupported: score + 0.01, headingSupport: 1.01 });
      const hinted = stricter.changes.find((c) => c.kind === 'dropped' && c.from[0]?.id === '2.4');
      expect(hinted?.hint).toMatchObject({ kind: 'possible-continuation', id: expect.stringMatching(/^8\./u) });
    }
  });
});
