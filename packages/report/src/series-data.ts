import { gzipSync } from 'node:zlib';
import type { Change, Lineage, PlanDiff, TaskRef, WordPart } from '@plandiff/model';
import { eventLabel, eventMark, KINDS, kindLabel, type Labels, type ReportLang } from './labels.ts';
import { createChangeFinder, goalKinds, goalTitle, lineageYears } from './timeline.ts';

/**
 * The data a many-year page renders from in the browser. Each task's text is stored once per edition
 * and every wording part points into those texts, so a 50-edition series stays a few MB; the page
 * draws timeline rows and goal histories from it on demand instead of carrying them all as HTML.
 */
export interface SeriesData {
  years: number[];
  kinds: string[];
  /** Per goal: title, id, first year, last year, bit mask of its filter kinds, events. */
  goals: [string, string, number, number, number, EventCode[]][];
  /** Per year, per task id: number, heading (or the heading's length when the text starts with it), text. */
  units: Record<string, Record<string, [string, string | number, string]>> | null;
  /** Changes that explain events: old year, new year, kind, moved, depth, old ids, new ids, similarity ×100, wording, figures. */
  changes: [
    number,
    number,
    number,
    0 | 1,
    number,
    string[],
    string[],
    number,
    PartCode[],
    [string, string, string][],
  ][];
  labels: Record<string, string | string[]>;
}

/** An event: year, kind index, similarity ×100, index of its change (−1 for none), ids of its units. */
type EventCode = [number, number, number, number, string];

/**
 * A wording part: `[op, start, length]` into the new side's text (equal, insert) or the old side's
 * (delete), or `[op, text]` when the text is not found there. op: 0 equal, 1 insert, 2 delete.
 */
type PartCode = [number, number, number] | [number, string];

const OPS: WordPart['op'][] = ['equal', 'insert', 'delete'];

/** Encodes a wording against the joined texts of its old and new tasks; exact by construction. */
export function encodeWording(parts: readonly WordPart[], oldText: string, newText: string): PartCode[] {
  let n = 0;
  let o = 0;
  return parts.map((part) => {
    const op = OPS.indexOf(part.op);
    const len = part.text.length;
    if (part.op !== 'delete') {
      const at = newText.indexOf(part.text, n);
      if (part.op === 'equal') {
        // Only near the cursor: an equal part the engine made of an inserted punctuation mark is not in the old text.
        const old = oldText.indexOf(part.text, o);
        if (old >= 0 && old - o <= 16) o = old + len;
      }
      if (at < 0 || len === 0) return [op, part.text];
      n = at + len;
      return [op, at, len];
    }
    const at = oldText.indexOf(part.text, o);
    if (at < 0 || len === 0) return [op, part.text];
    o = at + len;
    return [op, at, len];
  });
}

/** Decodes what encodeWording made (the page's script does the same). */
export function decodeWording(codes: readonly PartCode[], oldText: string, newText: string): WordPart[] {
  return codes.map((code) => {
    const op = OPS[code[0]] ?? 'equal';
    if (typeof code[1] === 'string') return { op, text: code[1] };
    const source = op === 'delete' ? oldText : newText;
    return { op, text: source.slice(code[1], code[1] + (code[2] ?? 0)) };
  });
}

/** The texts of a change's tasks joined as the engine joins them for its wording. */
export const joinTexts = (refs: readonly TaskRef[]): string => refs.map((ref) => ref.text).join('');

/** Builds the page data of a lineage and the diffs of its consecutive editions. */
export function buildSeriesData(
  lineage: Lineage,
  diffs: readonly PlanDiff[],
  labels: Labels,
  lang: ReportLang,
): SeriesData {
  const years = lineageYears(lineage);
  const units: NonNullable<SeriesData['units']> = {};
  const store = (year: number | undefined, ref: TaskRef): void => {
    if (year === undefined) return;
    const table = units[year] ?? {};
    units[year] = table;
    if (table[ref.id]) return;
    const heading = ref.heading && ref.text.startsWith(ref.heading) ? ref.heading.length : ref.heading;
    table[ref.id] = [ref.number, heading, ref.text];
  };
  for (const diff of diffs) {
    for (const change of diff.changes) {
      for (const ref of change.from) store(diff.a.year, ref);
      for (const ref of change.to) store(diff.b.year, ref);
    }
  }
  const findChange = createChangeFinder(diffs);
  const yearsOf = new Map<Change, [number, number]>();
  for (const diff of diffs) {
    if (diff.a.year === undefined || diff.b.year === undefined) continue;
    for (const change of diff.changes) yearsOf.set(change, [diff.a.year, diff.b.year]);
  }
  const changeIndex = new Map<Change, number>();
  const changes: SeriesData['changes'] = [];
  const indexOf = (change: Change | undefined): number => {
    if (!change) return -1;
    const known = changeIndex.get(change);
    if (known !== undefined) return known;
    const [ya, yb] = yearsOf.get(change) ?? [0, 0];
    changeIndex.set(change, changes.length);
    changes.push([
      ya,
      yb,
      KINDS.indexOf(change.kind),
      change.moved ? 1 : 0,
      change.depth,
      change.from.map((ref) => ref.id),
      change.to.map((ref) => ref.id),
      Math.round(change.similarity * 100),
      encodeWording(change.wording, joinTexts(change.from), joinTexts(change.to)),
      change.figures.map((f) => [f.context, f.from, f.to]),
    ]);
    return changes.length - 1;
  };
  const goals = lineage.goals.map((goal): SeriesData['goals'][number] => {
    const mask = goalKinds(goal, years[0]).reduce((bits, kind) => bits | (1 << KINDS.indexOf(kind)), 0);
    const events = goal.events.map((event, k): EventCode => {
      for (const unit of event.units) store(event.year, unit);
      const change = event.kind === 'unchanged' ? undefined : findChange(event, goal.events[k - 1]);
      return [
        event.year,
        KINDS.indexOf(event.kind),
        Math.round(event.similarity * 100),
        indexOf(change),
        event.units.map((u) => u.id).join(' '),
      ];
    });
    return [goalTitle(goal), goal.id, goal.firstYear, goal.lastYear, mask, events];
  });
  return {
    years,
    kinds: [...KINDS],
    goals,
    units,
    changes,
    labels: {
      kind: KINDS.map((kind) => kindLabel(kind, lang)),
      event: KINDS.map((kind) => eventLabel(kind, lang)),
      mark: KINDS.map((kind) => eventMark(kind, lang)),
      similarity: labels.similarity,
      oldSide: labels.oldSide,
      newSide: labels.newSide,
      none: labels.none,
      movedFromTo: labels.movedFromTo,
      showMore: labels.showMore,
      shown: labels.shown,
      close: labels.close,
      colon: labels.colon,
      noMatch: labels.noMatch,
    },
  };
}

/** Task texts above this size (as JSON) are stored gzipped, which makes them about a third. */
export const PACK_TEXTS_ABOVE = 256 * 1024;

/** JSON for a `<script>` data block: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The data as inert `<script>` data blocks: everything as JSON, except that the task texts of a
 * large series go gzipped and base64-encoded in a second block, which the page unpacks with the
 * browser's own DecompressionStream (no network) when a search or a history first needs them.
 */
export function renderSeriesDataBlocks(data: SeriesData): string {
  const texts = JSON.stringify(data.units);
  if (Buffer.byteLength(texts) <= PACK_TEXTS_ABOVE) {
    return `<script type="application/json" id="series-data">${scriptJson(data)}</script>`;
  }
  const packed = gzipSync(Buffer.from(texts, 'utf8'), { level: 9 }).toString('base64');
  return (
    `<script type="application/json" id="series-data">${scriptJson({ ...data, units: null })}</script>\n` +
    `<script type="application/octet-stream" id="series-units" data-encoding="gzip+base64">${packed}</script>`
  );
}
