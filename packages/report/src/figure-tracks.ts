import type { Change, FigureChange, PlanDiff, TaskRef } from '@plandiff/model';
import { figureModifier, optionalField, parseFigureNumber } from './figure-values.ts';

/** One edition's value of a figure followed across editions. */
export interface FigurePoint {
  year: number;
  /** The figure as printed (`5.5%`). */
  text: string;
  value?: number;
  /** Upper end when the figure is a range (`6%-6.5%`). */
  high?: number;
  /** Qualifier printed with it (`左右`), empty when none. */
  modifier: string;
  context: string;
  /** The task it is in (id in that edition). */
  taskId: string;
  /** True when the diff reported a change of this figure from the previous edition. */
  changed: boolean;
}

/** A figure followed through consecutive editions: the changes the engine paired, chained. */
export interface FigureTrack {
  unit: string;
  points: FigurePoint[];
}

/** Least overlap of two contexts (numbers masked) for a figure to be taken as still the same target. */
const SAME_CONTEXT = 0.5;

const bigrams = (text: string): Set<string> => {
  const masked = text.replace(/\d+(?:\.\d+)?/g, '0');
  const out = new Set<string>();
  for (let i = 0; i + 1 < masked.length; i++) out.add(masked.slice(i, i + 2));
  return out;
};

/** Dice overlap of two contexts' bigrams, numbers masked (as the engine pairs figures). */
export function contextOverlap(x: string, y: string): number {
  const a = bigrams(x);
  const b = bigrams(y);
  if (a.size + b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Finds a printed figure in task texts near a known context (which prints `shown`, maybe another value
 * of the same target): the occurrence whose surrounding characters, cut like the context, overlap it
 * most, if enough.
 */
function locate(
  refs: readonly TaskRef[],
  text: string,
  context: string,
  shown = text,
): { ref: TaskRef; context: string } | undefined {
  // A context normally prints the figure; one that does not is taken as the words just before it.
  const inside = context.indexOf(shown);
  const offset = inside >= 0 ? inside : context.length;
  const length = inside >= 0 ? Math.max(text.length, context.length - shown.length + text.length) : context.length;
  let best: { ref: TaskRef; context: string; score: number } | undefined;
  for (const ref of refs) {
    for (let at = ref.text.indexOf(text); at >= 0; at = ref.text.indexOf(text, at + 1)) {
      const start = Math.max(0, at - offset);
      const window = ref.text.slice(start, start + length + Math.min(0, at - offset));
      const score = contextOverlap(window, context);
      if (score >= SAME_CONTEXT && (!best || score > best.score)) best = { ref, context: window, score };
    }
  }
  return best;
}

function point(
  year: number,
  text: string,
  context: string,
  taskId: string,
  changed: boolean,
  extra: object,
): FigurePoint {
  const number = parseFigureNumber(text);
  const value = optionalField(extra, 'value', 'number') ?? number?.value;
  const modifier = optionalField(extra, 'modifier', 'string') ?? figureModifier(context, text);
  return {
    year,
    text,
    ...(value === undefined ? {} : { value }),
    ...(number?.high === undefined ? {} : { high: number.high }),
    modifier,
    context,
    taskId,
    changed,
  };
}

/** The old side of a reported figure change, with the optional fields an engine may add (`fromModifier`…). */
function fromSide(figure: FigureChange, change: Change, year: number): FigurePoint {
  const found = locate(change.from, figure.from, figure.context, figure.to);
  const extra = {
    value: optionalField(figure, 'fromValue', 'number'),
    modifier: optionalField(figure, 'fromModifier', 'string'),
  };
  return point(
    year,
    figure.from,
    found?.context ?? figure.context,
    (found?.ref ?? change.from[0])?.id ?? '',
    false,
    extra,
  );
}

function toSide(figure: FigureChange, change: Change, year: number): FigurePoint {
  const found = locate(change.to, figure.to, figure.context);
  const extra = {
    value: optionalField(figure, 'toValue', 'number'),
    modifier: optionalField(figure, 'toModifier', 'string') ?? optionalField(figure, 'modifier', 'string'),
  };
  return point(year, figure.to, figure.context, (found?.ref ?? change.to[0])?.id ?? '', true, extra);
}

interface OpenTrack {
  track: FigureTrack;
  /** Index of the diff whose new edition holds the track's last point. */
  until: number;
}

/**
 * Chains the figures the engine paired in consecutive diffs into tracks: a figure change continues a
 * track when it starts from the track's last value in the task the track last reached; a track whose
 * figure was not reported continues unchanged when the task's counterpart still prints it in a like
 * context, and ends otherwise. Diffs without years on both sides break every track.
 */
export function buildFigureTracks(diffs: readonly PlanDiff[]): FigureTrack[] {
  const done: FigureTrack[] = [];
  let open: OpenTrack[] = [];
  diffs.forEach((diff, i) => {
    const [ya, yb] = [diff.a.year, diff.b.year];
    if (ya === undefined || yb === undefined) {
      done.push(...open.map((o) => o.track));
      open = [];
      return;
    }
    const next: OpenTrack[] = [];
    const taken = new Set<OpenTrack>();
    for (const change of diff.changes) {
      const fromIds = new Set(change.from.map((ref) => ref.id));
      for (const figure of change.figures) {
        const start = fromSide(figure, change, ya);
        const candidates = open.filter((o) => {
          const last = o.track.points.at(-1)!;
          return !taken.has(o) && o.track.unit === figure.unit && last.text === figure.from && fromIds.has(last.taskId);
        });
        const best = candidates.sort(
          (x, y) =>
            contextOverlap(y.track.points.at(-1)!.context, figure.context) -
            contextOverlap(x.track.points.at(-1)!.context, figure.context),
        )[0];
        const end = toSide(figure, change, yb);
        if (best) {
          taken.add(best);
          best.track.points.push(end);
          next.push({ track: best.track, until: i });
        } else {
          const track = { unit: figure.unit, points: [start, end] };
          extendBack(track, diffs, i);
          next.push({ track, until: i });
        }
      }
    }
    const byOld = new Map<string, Change>();
    for (const change of diff.changes) for (const ref of change.from) if (!byOld.has(ref.id)) byOld.set(ref.id, change);
    for (const o of open) {
      if (taken.has(o)) continue;
      const last = o.track.points.at(-1)!;
      const change = byOld.get(last.taskId);
      const found = change ? locate(change.to, last.text, last.context) : undefined;
      if (!found) {
        done.push(o.track);
        continue;
      }
      o.track.points.push({ ...last, year: yb, context: found.context, taskId: found.ref.id, changed: false });
      next.push({ track: o.track, until: i });
    }
    open = next;
  });
  return [...done, ...open.map((o) => o.track)];
}

/**
 * Prepends the editions before a track's first reported change where its figure already stood, unchanged,
 * in the task's counterpart (so a target set in 2023 and raised in 2025 shows from 2023).
 */
function extendBack(track: FigureTrack, diffs: readonly PlanDiff[], start: number): void {
  for (let j = start - 1; j >= 0; j--) {
    const diff = diffs[j]!;
    const first = track.points[0]!;
    if (diff.a.year === undefined || diff.b.year !== first.year) return;
    const change = diff.changes.find((c) => c.to.some((ref) => ref.id === first.taskId));
    const found = change ? locate(change.from, first.text, first.context) : undefined;
    if (!found || change?.figures.some((f) => f.to === first.text)) return;
    track.points.unshift({ ...first, year: diff.a.year, context: found.context, taskId: found.ref.id, changed: false });
  }
}

/** The tracks worth a chart: followed over at least `minPoints` editions, longest first, then by first year. */
export function chartableTracks(tracks: readonly FigureTrack[], minPoints = 3): FigureTrack[] {
  return tracks
    .filter((t) => t.points.length >= minPoints && t.points.filter((p) => p.value !== undefined).length >= 2)
    .sort(
      (x, y) =>
        y.points.length - x.points.length ||
        y.points.filter((p) => p.changed).length - x.points.filter((p) => p.changed).length ||
        x.points[0]!.year - y.points[0]!.year,
    );
}
