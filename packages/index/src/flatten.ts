import type { Plan, Unit } from '@plandiff/model';

/** One unit as the index stores it: flat, with its parent's id. */
export interface FlatUnit {
  unitId: string;
  parentId: string | null;
  depth: number;
  number: string;
  /** The printed sequence number (0 for the preamble). */
  ordinal: number;
  heading: string;
  text: string;
  /** True for units without children: the tasks that echoes compares. */
  leaf: boolean;
}

/** Id under which a plan's preamble (the text before its first unit) is indexed. */
export const PREAMBLE_ID = 'preamble';

/** Every unit of a plan in document order, after its preamble (when it has one) as a depth-0 unit. */
export function flattenUnits(plan: Plan, withPreamble = true): FlatUnit[] {
  const out: FlatUnit[] = [];
  if (withPreamble && plan.preamble.trim() !== '') {
    out.push({
      unitId: PREAMBLE_ID,
      parentId: null,
      depth: 0,
      number: '',
      ordinal: 0,
      heading: '',
      text: plan.preamble,
      leaf: false,
    });
  }
  const walk = (units: readonly Unit[], parent: string | null) => {
    for (const u of units) {
      out.push({
        unitId: u.id,
        parentId: parent,
        depth: u.depth,
        number: u.number,
        ordinal: u.ordinal,
        heading: u.heading,
        text: u.text,
        leaf: u.children.length === 0,
      });
      walk(u.children, u.id);
    }
  };
  walk(plan.units, null);
  return out;
}
