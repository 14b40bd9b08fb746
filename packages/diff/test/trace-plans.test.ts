import { LineageSchema } from '@plandiff/model';
import { describe, expect, it } from 'vitest';
import { tracePlans } from '../src/index.ts';
import { clonePlan, loadSeedPlan, makeTask, renumber, setText, slotOf, unitAt } from './helpers/seed-plan.ts';

// Four editions of the seed: 2012 as shipped; 2013 rewords task 3.1 and drops 2.4; 2014 merges 6.1
// and 6.2; 2015 adds a task. The lineage must tell exactly that story.
const e2012 = renumber(loadSeedPlan());
const e2013 = renumber(clonePlan(e2012));
setText(unitAt(e2013, '3.1'), unitAt(e2013, '3.1').text.replace('改扩建20所公办幼儿园', '改扩建30所公办幼儿园'));
slotOf(e2013, '2.4').list.splice(3, 1);
renumber(e2013);
const e2014 = clonePlan(e2013);
{
  const first = unitAt(e2014, '6.1');
  const second = unitAt(e2014, '6.2');
  setText(first, `${first.text}${second.text.slice(second.number.length).replace(/^[^。]*。/, '')}`);
  slotOf(e2014, '6.2').list.splice(1, 1);
  renumber(e2014);
}
const e2015 = clonePlan(e2014);
unitAt(e2015, '7').children.push(makeTask('实施学生营养改善计划。为农村义务教育学生提供营养膳食补助。'));
renumber(e2015);
const years = [2012, 2013, 2014, 2015];
const editions = [e2012, e2013, e2014, e2015];

describe('tracePlans', () => {
  const lineage = tracePlans(editions, { years, depth: 2 });
  const goalOf = (year: number, id: string) => lineage.goals.find((g) => g.id === `${year}:${id}`);
  const story = (year: number, id: string) =>
    goalOf(year, id)?.events.map((e) => `${e.year} ${e.kind} ${e.units.map((u) => u.id).join('+')}`);

  it('produces a schema-valid lineage labelled with the given years', () => {
    expect(LineageSchema.parse(lineage).editions.map((e) => e.year)).toEqual(years);
  });

  it('follows a reworded task to the end and a dropped one to its drop', () => {
    expect(story(2012, '3.1')).toEqual([
      '2012 added 3.1',
      '2013 reworded 3.1',
      '2014 unchanged 3.1',
      '2015 unchanged 3.1',
    ]);
    expect(story(2012, '2.4')).toEqual(['2012 added 2.4', '2013 dropped ']);
    expect(goalOf(2012, '2.4')?.lastYear).toBe(2012);
  });

  it('ends the smaller of two merged goals in the other: one line of descent carries on', () => {
    expect(story(2012, '6.1')).toEqual([
      '2012 added 6.1',
      '2013 unchanged 6.1',
      '2014 merged 6.1',
      '2015 unchanged 6.1',
    ]);
    // 6.2 went into 6.1, whose own goal carries on: 6.2's goal stops there instead of duplicating it.
    expect(story(2012, '6.2')).toEqual(['2012 added 6.2', '2013 unchanged 6.2', '2014 merged 6.1']);
    expect(goalOf(2012, '6.2')?.mergedInto).toBe('2012:6.1');
  });

  it('starts a new goal where a task first appears, and filters by query', () => {
    expect(story(2015, '7.4')).toEqual(['2015 added 7.4']);
    const fed = tracePlans(editions, { years, query: '营养膳食' });
    expect(fed.goals.map((g) => g.id)).toEqual(['2015:7.4']);
  });

  it('names a goal by its first heading and lists every heading it had', () => {
    const renamed = editions.map((p) => clonePlan(p));
    for (const [i, heading] of ['加强学前教育', '发展普惠学前教育', '办好学前教育', '办好学前教育'].entries()) {
      const u = unitAt(renamed[i]!, '3');
      setText(u, u.text.replace(u.heading, heading));
      u.heading = heading;
    }
    const goal = tracePlans(renamed, { years }).goals.find((g) => g.id === '2012:3');
    expect(goal?.heading).toBe('加强学前教育');
    expect(goal?.headings).toEqual(['加强学前教育', '发展普惠学前教育', '办好学前教育']);
  });

  it('starts no goal for a fragment (a line broken off a paragraph)', () => {
    const broken = clonePlan(e2013);
    unitAt(broken, '3').children.push(makeTask('规模。'));
    renumber(broken);
    const goals = tracePlans([e2012, broken], { years: [2012, 2013] }).goals;
    expect(goals.filter((g) => g.events[0]!.units[0]!.text.endsWith('.规模。'))).toEqual([]);
    expect(unitAt(broken, '3').children.at(-1)?.text).toMatch(/\.规模。$/u);
  });
});

describe('edition years', () => {
  const noYear = (p: typeof e2012) => {
    const q = clonePlan(p);
    delete q.year;
    q.source = { ...q.source, path: 'plan.txt' };
    return q;
  };

  it('labels editions by the year in their refs when the plans state none, never by position', () => {
    const lineage = tracePlans([noYear(e2012), noYear(e2013)], { refs: ['a/2016.txt', 'gwr@2017'] });
    expect(lineage.editions.map((e) => e.year)).toEqual([2016, 2017]);
    expect(lineage.goals[0]?.firstYear).toBe(2016);
  });

  it('labels a party congress report by its congress', () => {
    const congress = (n: string) => ({
      ...noYear(e2012),
      title: `在中国共产党第${n}次全国代表大会上的报告`,
      preamble: '',
    });
    const lineage = tracePlans([congress('十九'), congress('二十')], { refs: ['19.txt', '20.txt'] });
    expect(lineage.editions.map((e) => e.year)).toEqual([2017, 2022]);
  });
});
