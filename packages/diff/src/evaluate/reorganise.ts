/**
 * Reorganisations with the truth known: takes a real plan, rebuilds its task section the way a next
 * edition re-cuts one — an item's paragraphs dealt into two new items, two items merged, long
 * paragraphs re-cut into short ones, short ones joined, paragraphs moved to other items, headings and
 * wording reworded, paragraphs added from another report and dropped — and records where every unit
 * came from. The result is a pair of plans and their gold alignment, scored like the hand-made one.
 */
import type { Plan, Unit } from '@plandiff/model';
import type { Gold, GoldLevel, GoldLink } from './score-alignment.ts';

/** A pair of editions made from one plan, with its true alignment. */
export interface Reorganisation {
  a: Plan;
  b: Plan;
  gold: Gold;
  /** The edits made, for reading a failure. */
  log: string[];
}

interface Para {
  text: string;
  origin: string[];
}

interface Item {
  heading: string;
  intro: string;
  origin: string[];
  paras: Para[];
}

/** Small seeded generator (mulberry32), so a seed always gives the same pair. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Wording a next edition swaps in (both directions occur in the reports). */
const SYNONYMS: [string, string][] = [
  ['加强', '强化'],
  ['推进', '推动'],
  ['加快', '加速'],
  ['积极', '主动'],
  ['进一步', '持续'],
  ['完善', '健全'],
  ['支持', '扶持'],
  ['促进', '推动'],
  ['提高', '提升'],
  ['扩大', '增加'],
  ['着力', '大力'],
  ['深化', '深入推进'],
  ['坚持', '始终坚持'],
  ['落实', '贯彻落实'],
  ['建设', '打造'],
];

const sentences = (t: string) => t.match(/[^。！？；]+[。！？；]?/gu) ?? [];
const NUMERALS = '一二三四五六七八九十';
const itemNumber = (i: number) =>
  `（${i < 10 ? NUMERALS[i] : i < 20 ? `十${NUMERALS[i - 10] ?? ''}` : String(i + 1)}）`;

/** The section holding most items with paragraphs: the plan's task section. */
export function taskSection(plan: Plan): Unit | undefined {
  const items = (u: Unit) => u.children.filter((c) => c.children.length > 0).length;
  return [...plan.units].sort((x, y) => items(y) - items(x))[0];
}

/** Makes a reorganised copy of `plan`'s task section; `donor` supplies added paragraphs. */
export function reorganise(plan: Plan, donor: Plan, seed: number): Reorganisation {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const log: string[] = [];
  const section = taskSection(plan);
  if (!section) throw new Error('no task section');
  const donorSentences = (taskSection(donor)?.children ?? [])
    .flatMap((u) => u.children.flatMap((c) => sentences(c.text)))
    .filter((t) => t.length >= 12);
  /** Rewords a share `p` of the sentences (synonyms, a changed figure); with `paraphrase`, also drops a
   * sentence now and then, swaps two, and slips in a sentence of the donor report, as editions do. */
  const reword = (text: string, p: number, paraphrase = false) => {
    let ss = sentences(text).map((s) => {
      if (rand() >= p) return s;
      let out = s;
      for (const [x, y] of SYNONYMS) if (rand() < 0.5) out = out.includes(x) ? out.replace(x, y) : out.replace(y, x);
      // A changed figure now and then.
      return out.replace(/\d+(?:\.\d+)?/u, (n) => (rand() < 0.3 ? String(Number(n) + 1) : n));
    });
    if (paraphrase && ss.length >= 3) {
      ss = ss.filter((_, i) => i === 0 || rand() >= 0.1);
      if (rand() < 0.2) {
        const i = 1 + Math.floor(rand() * (ss.length - 1));
        const j = 1 + Math.floor(rand() * (ss.length - 1));
        [ss[i], ss[j]] = [ss[j]!, ss[i]!];
      }
      if (donorSentences.length && rand() < 0.2) ss.splice(1 + Math.floor(rand() * ss.length), 0, pick(donorSentences));
    }
    return ss.join('');
  };
  // B's task section as editable items, each unit remembering the A units it came from.
  let items: Item[] = section.children
    .filter((u) => u.children.length > 0)
    .map((u) => {
      const own = u.text.slice(u.number.length);
      return {
        heading: u.heading,
        intro: own.slice(own.indexOf(u.heading) + u.heading.length).replace(/^[。：]/u, ''),
        origin: [u.id],
        paras: u.children.map((c) => ({ text: c.text.slice(c.number.length), origin: [c.id] })),
      };
    });
  const firstClause = (t: string) => (t.split(/[，。；]/u)[0] ?? t).slice(0, 24);
  // Deal one item's paragraphs into two new items.
  const dealable = items.filter((it) => it.paras.length >= 4);
  if (dealable.length) {
    const it = pick(dealable);
    const cut = Math.ceil(it.paras.length / 2);
    const rest = it.paras.splice(cut);
    const heading = `${firstClause(rest[0]!.text)}，${firstClause(rest[1]?.text ?? rest[0]!.text)}`;
    items.splice(items.indexOf(it) + 1, 0, { heading, intro: '', origin: [...it.origin], paras: rest });
    log.push(`deal ${it.origin} → two items`);
  }
  // Merge two neighbouring items.
  const at = Math.floor(rand() * (items.length - 1));
  const [x, y] = [items[at]!, items[at + 1]!];
  if (x && y && x.origin.length === 1 && y.origin.length === 1 && x.origin[0] !== y.origin[0]) {
    items.splice(at, 2, {
      heading: `${x.heading}，${firstClause(y.heading)}`,
      intro: x.intro,
      origin: [...x.origin, ...y.origin],
      paras: [...x.paras, ...y.paras],
    });
    log.push(`merge ${x.origin}+${y.origin}`);
  }
  // Drop one paragraph, add one from another report's task section.
  const dropFrom = pick(items.filter((it) => it.paras.length > 2));
  if (dropFrom) log.push(`drop ${dropFrom.paras.splice(Math.floor(rand() * dropFrom.paras.length), 1)[0]!.origin}`);
  const donorParas = (taskSection(donor)?.children ?? []).flatMap((u) => u.children).filter((u) => u.text.length > 60);
  if (donorParas.length) {
    const into = pick(items);
    const d = pick(donorParas);
    into.paras.splice(Math.floor(rand() * (into.paras.length + 1)), 0, {
      text: d.text.slice(d.number.length),
      origin: [],
    });
    log.push('add a donor paragraph');
  }
  // Re-cut long paragraphs; join some short neighbours.
  for (const it of items) {
    const out: Para[] = [];
    for (const p of it.paras) {
      const ss = sentences(p.text);
      if (ss.length >= 4 && rand() < 0.4) {
        const k = ss.length >= 6 && rand() < 0.5 ? 3 : 2;
        const size = Math.ceil(ss.length / k);
        for (let i = 0; i < ss.length; i += size)
          out.push({ text: ss.slice(i, i + size).join(''), origin: [...p.origin] });
        log.push(`recut ${p.origin} into ${k}`);
      } else out.push(p);
    }
    for (let i = 0; i + 1 < out.length; i++) {
      const [p, q] = [out[i]!, out[i + 1]!];
      if (p.text.length + q.text.length < 260 && rand() < 0.15) {
        out.splice(i, 2, { text: p.text + q.text, origin: [...p.origin, ...q.origin] });
        log.push(`join ${p.origin}+${q.origin}`);
      }
    }
    it.paras = out;
  }
  // Move a few paragraphs to other items.
  for (let n = 0; n < 2 && items.length > 1; n++) {
    const from = pick(items.filter((it) => it.paras.length > 2));
    if (!from) break;
    const to = pick(items.filter((it) => it !== from));
    const [p] = from.paras.splice(Math.floor(rand() * from.paras.length), 1);
    to.paras.splice(Math.floor(rand() * (to.paras.length + 1)), 0, p!);
    log.push(`move ${p!.origin}`);
  }
  // Reword headings and text.
  items = items.map((it) => ({
    ...it,
    heading: rand() < 0.6 ? reword(it.heading, 1) : it.heading,
    intro: reword(it.intro, 0.4),
    paras: it.paras.map((p) => ({ ...p, text: reword(p.text, 0.5, true) })),
  }));
  return { a: plan, b: rebuild(plan, section, items), gold: goldOf(section, items), log };
}

/** The section's paragraphs before its first item (kept in front) and all its other paragraphs (after). */
function around(section: Unit): { lead: Unit[]; tail: Unit[] } {
  const first = section.children.findIndex((u) => u.children.length > 0);
  const lead = section.children.slice(0, Math.max(0, first));
  const tail = section.children.slice(Math.max(0, first)).filter((u) => u.children.length === 0);
  return { lead, tail };
}

/** B: the plan with its task section replaced by the edited items, renumbered. */
function rebuild(plan: Plan, section: Unit, items: readonly Item[]): Plan {
  const b = structuredClone(plan);
  const sectionB = b.units.find((u) => u.id === section.id)!;
  const { lead, tail } = around(sectionB);
  const built: Unit[] = items.map((it, i) => {
    const number = itemNumber(i);
    return {
      id: '',
      depth: sectionB.depth + 1,
      number,
      ordinal: i + 1,
      heading: it.heading,
      text: `${number}${it.heading}。${it.intro}`,
      figures: [],
      children: it.paras.map((p, k) => ({
        id: '',
        depth: sectionB.depth + 2,
        number: '',
        ordinal: k + 1,
        heading: sentences(p.text)[0]?.replace(/[。！？；]$/u, '') ?? '',
        text: p.text,
        figures: [],
        children: [],
      })),
    };
  });
  sectionB.children = [...lead, ...built, ...tail];
  sectionB.children.forEach((u, i) => {
    u.id = `${sectionB.id}.${i + 1}`;
    u.children.forEach((c, k) => {
      c.id = `${u.id}.${k + 1}`;
    });
  });
  return b;
}

/** The true alignment at item level and paragraph level (items count as their opening paragraphs). */
function goldOf(section: Unit, items: readonly Item[]): Gold {
  const aItems = section.children.filter((u) => u.children.length > 0);
  const offset = around(section).lead.length;
  const bItem = (i: number) => `${section.id}.${offset + i + 1}`;
  const level = (aUnits: Unit[], bUnits: { id: string; origin: string[] }[]): GoldLevel => {
    // Connected components over origins: each is one link (a split, a merge, or one to one).
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      while (parent.get(k) !== k) k = parent.get(k)!;
      return k;
    };
    const add = (k: string) => parent.has(k) || parent.set(k, k);
    for (const u of aUnits) add(`A${u.id}`);
    for (const u of bUnits) {
      add(`B${u.id}`);
      for (const o of u.origin) {
        add(`A${o}`);
        parent.set(find(`B${u.id}`), find(`A${o}`));
      }
    }
    const groups = new Map<string, { from: string[]; to: string[] }>();
    for (const k of parent.keys()) {
      const g = groups.get(find(k)) ?? { from: [], to: [] };
      groups.set(find(k), g);
      (k.startsWith('A') ? g.from : g.to).push(k);
    }
    const links: GoldLink[] = [];
    const added: string[] = [];
    const dropped: string[] = [];
    for (const g of groups.values()) {
      if (g.from.length && g.to.length)
        links.push({
          from: g.from,
          to: g.to,
          kind: g.from.length > g.to.length ? 'merged' : g.to.length > g.from.length ? 'split' : 'reworded',
        });
      else if (g.to.length) added.push(...g.to);
      else dropped.push(...g.from);
    }
    return {
      A: aUnits.map((u) => ({ key: `A${u.id}`, heading: u.heading, id: u.id })),
      B: bUnits.map((u) => ({ key: `B${u.id}`, heading: '', id: u.id })),
      links,
      added,
      dropped,
    };
  };
  const itemsB = items.map((it, i) => ({ id: bItem(i), origin: it.origin }));
  const parasA = aItems.flatMap((u) => [u, ...u.children]);
  const parasB = items.flatMap((it, i) => [
    { id: bItem(i), origin: it.origin },
    ...it.paras.map((p, k) => ({ id: `${bItem(i)}.${k + 1}`, origin: p.origin })),
  ]);
  return { levels: { item: level(aItems, itemsB), paragraph: level(parasA, parasB) } };
}
