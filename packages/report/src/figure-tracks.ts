import type { Change, FigureChange, PlanDiff } from '@plandiff/model';
import { parseFigureNumber, printedRange } from './figure-values.ts';

/** One edition's value of a figure followed across editions. */
export interface FigurePoint {
  year: number;
  /** The figure as printed (`5.5%`, a range whole: `6%－6.5%`), without its qualifiers. */
  text: string;
  value?: number;
  /** Upper end when the figure is a range (`6%－6.5%`). */
  high?: number;
  /** The engine's qualifiers of it (`左右`, `力争/以上`), empty when none. */
  modifier: string;
  context: string;
  /** The task it is in (id in that edition). */
  taskId: string;
  /** True when the diff reported a change of this figure (value or qualifier) from the previous edition. */
  changed: boolean;
}

/** A figure followed through consecutive editions: the figures the engine paired, chained. */
export interface FigureTrack {
  unit: string;
  points: FigurePoint[];
}

/** A figure record of a diff with the change it belongs to and whether the engine reported it changed. */
interface Paired {
  figure: FigureChange;
  change: Change;
  changed: boolean;
}

const foldUnit = (unit: string): string => unit.replace('％', '%');

function point(
  year: number,
  printed: string,
  context: string,
  modifier: string,
  taskId: string,
  changed: boolean,
): FigurePoint {
  const text = printedRange(context, printed);
  const number = parseFigureNumber(text);
  return {
    year,
    text,
    ...(number === undefined ? {} : { value: number.value }),
    ...(number?.high === undefined ? {} : { high: number.high }),
    modifier,
    context,
    taskId,
    changed,
  };
}

/** The old side of a paired figure, as the engine read it (context, qualifier, task). */
const fromSide = ({ figure, change }: Paired, year: number): FigurePoint =>
  point(
    year,
    figure.from,
    figure.fromContext ?? figure.context,
    figure.fromModifier ?? '',
    figure.fromId ?? change.from[0]?.id ?? '',
    false,
  );

/** The new side of a paired figure. */
const toSide = ({ figure, change, changed }: Paired, year: number): FigurePoint =>
  point(year, figure.to, figure.context, figure.toModifier ?? '', figure.toId ?? change.to[0]?.id ?? '', changed);

/** Every figure the engine paired in a diff: those it reported changed and those it kept as printed. */
function pairedFigures(diff: PlanDiff): Paired[] {
  return diff.changes.flatMap((change) => [
    ...change.figures.map((figure) => ({ figure, change, changed: true })),
    ...(change.figuresKept ?? []).map((figure) => ({ figure, change, changed: false })),
  ]);
}

/** The key a figure's old side must share with a track's last point to continue it. */
const fromKey = (p: Paired): string =>
  `${foldUnit(p.figure.unit)}\u0000${p.figure.fromId ?? p.change.from[0]?.id ?? ''}\u0000${p.figure.from}\u0000${p.figure.fromContext ?? ''}`;
const pointKey = (unit: string, p: FigurePoint, printed: string): string =>
  `${foldUnit(unit)}\u0000${p.taskId}\u0000${printed}\u0000${p.context}`;

/**
 * Chains the figures the engine paired in consecutive diffs (changed or kept) into tracks: a pairing
 * continues a track when its old side is the track's last point — the same task, figure and context;
 * any other pairing starts a track. Diffs without years on both sides break every track.
 */
export function buildFigureTracks(diffs: readonly PlanDiff[]): FigureTrack[] {
  const done: FigureTrack[] = [];
  // Open tracks by the key of their last point; the printed figure (not the range) is what the engine pairs.
  let open = new Map<string, FigureTrack>();
  for (const diff of diffs) {
    const [ya, yb] = [diff.a.year, diff.b.year];
    if (ya === undefined || yb === undefined) {
      done.push(...open.values());
      open = new Map();
      continue;
    }
    const next = new Map<string, FigureTrack>();
    for (const paired of pairedFigures(diff)) {
      const key = fromKey(paired);
      const track = open.get(key) ?? { unit: paired.figure.unit, points: [fromSide(paired, ya)] };
      open.delete(key);
      const end = toSide(paired, yb);
      track.points.push(end);
      next.set(pointKey(track.unit, end, paired.figure.to), track);
    }
    done.push(...open.values());
    open = next;
  }
  return [...done, ...open.values()];
}

/**
 * The tracks worth a chart: followed over at least `minPoints` editions with at least one reported
 * change and two numbers; longest first, then most changes, then by first year.
 */
export function chartableTracks(tracks: readonly FigureTrack[], minPoints = 3): FigureTrack[] {
  const changes = (t: FigureTrack): number => t.points.filter((p) => p.changed).length;
  return tracks
    .filter(
      (t) =>
        t.points.length >= minPoints && changes(t) > 0 && t.points.filter((p) => p.value !== undefined).length >= 2,
    )
    .sort(
      (x, y) => y.points.length - x.points.length || changes(y) - changes(x) || x.points[0]!.year - y.points[0]!.year,
    );
}
