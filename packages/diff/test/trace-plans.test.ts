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

  it('lets two goals converge where their tasks merge', () => {
    expect(story(2012, '6.1')).toEqual([
      '2012 added 6.1',
      '2013 unchanged 6.1',
      '2014 merged 6.1',
      '2015 unchanged 6.1',
    ]);
    expect(story(2012, '6.2')).toEqual([
      '2012 added 6.2',
      '2013 unchanged 6.2',
      '2014 merged 6.1',
      '2015 unchanged 6.1',
    ]);
  });

  it('starts a new goal where a task first appears, and filters by query', () => {
    expect(story(2015, '7.4')).toEqual(['2015 added 7.4']);
    const fed = tracePlans(editions, { years, query: '营养膳食' });
    expect(fed.goals.map((g) => g.id)).toEqual(['2015:7.4']);
  });
});
