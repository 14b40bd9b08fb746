import type { Annex, Change, ChangeKind, ChangeLink, Plan, PlanDiff, TaskRef } from '@plandiff/model';
import { alignNodes, type Link } from './align.ts';
import { figurePeriods, periodsBefore } from './figure-period.ts';
import { pairFigures } from './figures.ts';
import { markMoves } from './moves.ts';
import { flattenPlan, type Node, vectorizeNodes } from './nodes.ts';
import { comparisonForm } from './text-form.ts';
import { type DiffOptions, resolveThresholds, type Thresholds } from './thresholds.ts';
import { BigramIndex, cosine } from './vectors.ts';
import { diffWording } from './wording.ts';

/** A change before it is serialised: its real units on both sides. */
export interface Group {
  from: Node[];
  to: Node[];
  links: Link[];
}

/** Groups links into connected components over real units (a pseudo intro stands for its owner). */
function groupLinks(nodesA: Node[], nodesB: Node[], links: readonly Link[]): Group[] {
  const parent = new Map<Node, Node>();
  const find = (x: Node): Node => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const n of [...nodesA, ...nodesB]) if (!n.pseudo) parent.set(n, n);
  for (const l of links) {
    const ra = find(l.a.owner);
    const rb = find(l.b.owner);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<Node, Group>();
  for (const n of [...nodesA, ...nodesB]) {
    if (n.pseudo) continue;
    const r = find(n);
    const g = groups.get(r) ?? { from: [], to: [], links: [] };
    groups.set(r, g);
    (n.side === 0 ? g.from : g.to).push(n);
  }
  for (const l of links) groups.get(find(l.a.owner))?.links.push(l);
  return [...groups.values()];
}

const toRef = (n: Node): TaskRef => ({
  id: n.unit.id,
  number: n.unit.number,
  heading: n.unit.heading,
  text: n.unit.text,
});
const toLink = (l: Link): ChangeLink => {
  const out: ChangeLink = { from: l.a.owner.unit.id, to: l.b.owner.unit.id, rule: l.rule, score: round(l.similarity) };
  if (l.a.pseudo || l.b.pseudo)
    out.part = l.a.pseudo && l.b.pseudo ? 'both-intro' : l.a.pseudo ? 'from-intro' : 'to-intro';
  return out;
};
const ownText = (ns: readonly Node[]) => ns.map((n) => n.own).join('');

/** What kind of change a group is. */
function kindOf(g: Group, punctuation: boolean): ChangeKind {
  if (g.from.length === 0) return 'added';
  if (g.to.length === 0) return 'dropped';
  // Same text, however it is cut into unnumbered paragraphs (a source that hard-wraps lines, or prints two
  // paragraphs as one). Cutting a task into two numbered tasks is still a split.
  const numbered = (ns: readonly Node[]) => ns.filter((n) => n.unit.number !== '').length;
  if (
    numbered(g.from) === numbered(g.to) &&
    numbered(g.from) <= 1 &&
    comparisonForm(ownText(g.from), punctuation) === comparisonForm(ownText(g.to), punctuation)
  )
    return 'unchanged';
  if (g.from.length === 1 && g.to.length === 1) return 'reworded';
  // Counted at the group's top level: an item split in two whose intro paragraph continues one of the new
  // items' opening paragraph is still a split.
  const top = Math.min(...[...g.from, ...g.to].map((n) => n.depth));
  const nFrom = g.from.filter((n) => n.depth === top).length;
  const nTo = g.to.filter((n) => n.depth === top).length;
  const [x, y] = nFrom > 0 && nTo > 0 ? [nFrom, nTo] : [g.from.length, g.to.length];
  return x > y ? 'merged' : x < y ? 'split' : 'reworded';
}

/** Document position of a group: where it sits in B, or for a dropped unit, after its predecessor's place. */
function orderGroups(groups: Group[], nodesA: Node[]): Group[] {
  const placeOfA = new Map<Node, number>();
  const groupOfA = new Map<Node, Group>();
  for (const g of groups) for (const n of g.from) groupOfA.set(n, g);
  let last = -1;
  for (const n of nodesA) {
    if (n.pseudo) continue;
    const g = groupOfA.get(n);
    if (g?.to.length) last = Math.min(...g.to.map((b) => b.pos));
    placeOfA.set(n, last + 0.5 + n.pos * 1e-6);
  }
  const key = (g: Group) =>
    g.to.length ? Math.min(...g.to.map((b) => b.pos)) : Math.min(...g.from.map((a) => placeOfA.get(a) ?? 0));
  return groups.sort((x, y) => key(x) - key(y));
}

/** Compares two plans: aligns their units level by level and reports one change per aligned group. */
export function diffPlans(a: Plan, b: Plan, options: DiffOptions = {}): PlanDiff {
  const t = resolveThresholds(options);
  const punctuation = options.punctuation ?? false;
  // The body with the body; each annex (附件, 名词解释) with its counterpart only, so annex units never
  // pair with tasks of the body.
  const changes = [
    ...diffTrees(a, b, t, options),
    ...pairAnnexes(a.annexes ?? [], b.annexes ?? []).flatMap(([x, y]) =>
      diffTrees({ ...a, units: x?.units ?? [] }, { ...b, units: y?.units ?? [] }, t, options),
    ),
  ];
  const summary = { unchanged: 0, reworded: 0, merged: 0, split: 0, added: 0, dropped: 0 } as PlanDiff['summary'];
  for (const c of changes) summary[c.kind] = (summary[c.kind] ?? 0) + 1;
  const resolved: PlanDiff['options'] = { ...t, punctuation };
  if (options.depth !== undefined) resolved.depth = options.depth;
  return {
    a: label(a, options.refA),
    b: label(b, options.refB),
    options: resolved,
    summary,
    changes,
  };
}

/**
 * Pairs the annexes of two editions: same kind and the same title once digits are set aside
 * (`2025年省十件民生实事` ~ `2026年省十件民生实事`), else same kind and label, else the next unpaired one
 * of the same kind. Unpaired annexes come out whole as added or dropped.
 */
function pairAnnexes(as: readonly Annex[], bs: readonly Annex[]): Array<[Annex | undefined, Annex | undefined]> {
  const free = new Set(bs);
  const titleKey = (x: Annex) => `${x.kind}:${comparisonForm(x.title).replace(/\d+/gu, '')}`;
  const rules: Array<(x: Annex, y: Annex) => boolean> = [
    (x, y) => titleKey(x) === titleKey(y),
    (x, y) => x.kind === y.kind && x.label === y.label,
    (x, y) => x.kind === y.kind,
  ];
  const pairs = new Map<Annex, Annex>();
  for (const rule of rules) {
    for (const x of as) {
      if (pairs.has(x)) continue;
      const y = [...free].find((candidate) => rule(x, candidate));
      if (y) {
        pairs.set(x, y);
        free.delete(y);
      }
    }
  }
  return [
    ...as.map((x): [Annex, Annex | undefined] => [x, pairs.get(x)]),
    ...[...free].map((y): [undefined, Annex] => [undefined, y]),
  ];
}

/** Aligns the unit trees of two plans and reports one change per aligned group. */
function diffTrees(a: Plan, b: Plan, t: Thresholds, options: DiffOptions): Change[] {
  const punctuation = options.punctuation ?? false;
  const nodesA = flattenPlan(a, 0, t);
  const nodesB = flattenPlan(b, 1, t);
  const index = new BigramIndex();
  for (const n of [...nodesA, ...nodesB]) if (!n.pseudo) index.addDocument(n.grams);
  vectorizeNodes(nodesA, index, t);
  vectorizeNodes(nodesB, index, t);
  const { links, hints } = alignNodes(nodesA, nodesB, t);
  const groups = orderGroups(groupLinks(nodesA, nodesB, links), nodesA);
  for (const g of groups) {
    g.from.sort((x, y) => x.pos - y.pos);
    g.to.sort((x, y) => x.pos - y.pos);
  }
  const moved = markMoves(groups);
  const periodsA = periodsBefore(a);
  const periodsB = periodsBefore(b);
  const changes: Change[] = [];
  for (const g of groups) {
    const depth = Math.min(...[...g.from, ...g.to].map((n) => n.depth));
    if (options.depth !== undefined && depth > options.depth) continue;
    const kind = kindOf(g, punctuation);
    const paired = g.from.length > 0 && g.to.length > 0;
    const textA = ownText(g.from);
    const textB = ownText(g.to);
    const placed = (ns: readonly Node[]) =>
      ns.flatMap((n) => {
        const periods = figurePeriods(n.unit.text, n.unit.figures, (n.side === 0 ? periodsA : periodsB).get(n.unit));
        const periodOf = (k: number) => (options.figurePeriods === false ? undefined : periods[k]);
        return n.unit.figures.map((figure, k) => ({ id: n.unit.id, figure, period: periodOf(k) }));
      });
    const figures = paired ? pairFigures(placed(g.from), placed(g.to)) : { changed: [], kept: [] };
    const change: Change = {
      depth,
      kind,
      moved: moved.has(g),
      from: g.from.map(toRef),
      to: g.to.map(toRef),
      similarity: paired ? groupSimilarity(g, index) : 0,
      wording:
        options.wording !== false && (kind === 'reworded' || kind === 'merged' || kind === 'split')
          ? diffWording(textA, textB, { punctuation, maxChars: t.maxWordingChars })
          : [],
      figures: figures.changed,
    };
    if (g.links.length)
      change.links = g.links.map(toLink).sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    if (figures.kept.length) change.figuresKept = figures.kept;
    const lone = g.from.length + g.to.length === 1 ? hints.get((g.from[0] ?? g.to[0])!) : undefined;
    if (lone) change.hint = { kind: 'possible-continuation', id: lone.other.unit.id, score: round(lone.score) };
    changes.push(change);
  }
  return changes;
}

function label(p: Plan, ref: string | undefined): PlanDiff['a'] {
  const out: PlanDiff['a'] = { title: p.title, ref: ref ?? p.source.path ?? p.source.url ?? p.title };
  if (p.year !== undefined) out.year = p.year;
  // Region and annex titles let reports name an untitled plan and each annex (附件1 十件民生实事).
  if (p.region) out.region = p.region;
  if (p.annexes?.length) out.annexes = p.annexes.map((x) => ({ label: x.label, title: x.title }));
  return out;
}

/** Similarity of a group: the one-to-one score when there is one, else cosine of the joined texts. */
function groupSimilarity(g: Group, index: BigramIndex): number {
  if (g.from.length === 1 && g.to.length === 1) {
    const l = g.links.find((x) => (x.rule === 'assign' || x.rule === 'anchor') && !x.a.pseudo && !x.b.pseudo);
    if (l) return round(Math.min(1, Math.max(0, l.similarity)));
  }
  const va = index.joinedVector(g.from.map((n) => n.grams));
  const vb = index.joinedVector(g.to.map((n) => n.grams));
  return round(Math.min(1, cosine(va, vb)));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
