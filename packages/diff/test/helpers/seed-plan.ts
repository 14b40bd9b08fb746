import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Change, Plan, Unit } from '@plandiff/model';
import { extractFigures, normalizePlan } from '@plandiff/normalize';
import { renderWording } from '../../src/index.ts';

/** Repository root, from this file's location. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The shipped seed (2012 Luzhou education plan) parsed by the real normalizer. */
export function loadSeedPlan(): Plan {
  const path = join(ROOT, 'seeds', '000_4d3ac6cf14e30664.txt');
  return normalizePlan(readFileSync(path, 'utf8'), { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } })
    .plan;
}

/** A deep copy, so an edit never touches the original. */
export const clonePlan = (plan: Plan): Plan => structuredClone(plan);

/** The unit at a dotted id (`3.1`). */
export function unitAt(plan: Plan, id: string): Unit {
  let list = plan.units;
  let unit: Unit | undefined;
  for (const part of id.split('.')) {
    unit = list[Number(part) - 1];
    if (!unit) throw new Error(`no unit ${id}`);
    list = unit.children;
  }
  return unit as Unit;
}

/** The list that holds the unit at `id`, and its index there. */
export function slotOf(plan: Plan, id: string): { list: Unit[]; index: number } {
  const parts = id.split('.');
  const index = Number(parts.pop()) - 1;
  return { list: parts.length ? unitAt(plan, parts.join('.')).children : plan.units, index };
}

/** Sets a unit's text the way the normalizer would: heading = first sentence, figures re-extracted. */
export function setText(unit: Unit, text: string): void {
  unit.text = text;
  unit.heading = (/^[^。]*/.exec(text.slice(unit.number.length))?.[0] ?? '').trim();
  unit.figures = extractFigures(text);
}

/** A new task unit (ids fixed later by renumber). */
export function makeTask(text: string): Unit {
  const unit: Unit = {
    id: '0',
    depth: 2,
    number: '0.',
    ordinal: 0,
    heading: '',
    text: `0.${text}`,
    figures: [],
    children: [],
  };
  setText(unit, unit.text);
  return unit;
}

/**
 * Re-derives ids, ordinals and depths from positions, and renumbers the tasks 1..N through the whole
 * plan as the seed does, so edits shift numbers the way a real next edition would.
 */
export function renumber(plan: Plan): Plan {
  let task = 0;
  const walk = (units: Unit[], prefix: string, depth: number) => {
    units.forEach((u, i) => {
      u.id = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      u.ordinal = i + 1;
      u.depth = depth;
      if (depth === 2) {
        task++;
        const body = u.text.slice(u.number.length);
        u.number = `${task}.`;
        setText(u, `${u.number}${body}`);
      }
      walk(u.children, u.id, depth + 1);
    });
  };
  walk(plan.units, '', 1);
  return plan;
}

/** A change in one compact line: `reworded 1.2>1.2 [-进一步][+持续]加强…`, moved marked with `*`. */
export function compactChange(c: Change): string {
  const ids = `${c.from.map((t) => t.id).join('+')}>${c.to.map((t) => t.id).join('+')}`;
  const changedWords = c.wording.filter((p) => p.op !== 'equal').length ? ` ${renderWording(elide(c.wording))}` : '';
  const figures = c.figures.map((f) => ` {${f.from}→${f.to}}`).join('');
  return `${c.kind}${c.moved ? '*' : ''} ${ids}${changedWords}${figures}`;
}

/** Keeps two characters of context around each change so expectations stay short. */
function elide(parts: Change['wording']): Change['wording'] {
  return parts.map((p, i) => {
    if (p.op !== 'equal') return p;
    const chars = Array.from(p.text);
    const left = i > 0 ? chars.slice(0, 2).join('') : '';
    const right = i < parts.length - 1 ? chars.slice(-2).join('') : '';
    return { op: 'equal', text: chars.length <= 4 ? p.text : `${left}…${right}` };
  });
}

/** Every change that is not "unchanged and in place", compactly. */
export function reported(changes: readonly Change[]): string[] {
  return changes.filter((c) => c.kind !== 'unchanged' || c.moved).map(compactChange);
}

/** A Government Work Report shipped in corpus/gwr, parsed by the real normalizer. */
export function loadReport(year: number): Plan {
  const path = join(ROOT, 'corpus', 'gwr', `${year}.txt`);
  return normalizePlan(readFileSync(path, 'utf8'), { source: { path, sha256: '0'.repeat(64), encoding: 'utf-8' } })
    .plan;
}
