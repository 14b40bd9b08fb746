import { statSync } from 'node:fs';
import type { Plan } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model';
import { renderJson } from './layout.ts';

/** Largest source the store archives (bytes): checked before any parsing, so memory stays bounded. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
/**
 * plan.json is at most this multiple of its source (plus PLAN_SLACK): indented while that fits,
 * compact when only that fits, refused beyond. The shipped reports come out at 1.4–3.1× indented.
 */
export const PLAN_MAX_FACTOR = 4;
/** Allowance for a small source, whose plan carries a fixed overhead (title, provenance). */
export const PLAN_SLACK = 64 * 1024;

/**
 * Refuses, from its size on disk and before it is read, a file over MAX_SOURCE_BYTES (callers check
 * every file of a command first, so a 50 MB file among many is refused before any work). Anything
 * that is not a regular file is left to the reader, which refuses devices and FIFOs.
 */
export function checkSourceFile(path: string): void {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return;
    size = stat.size;
  } catch {
    return; // missing: the reader says so
  }
  checkSourceSize(size, path);
}

/** Refuses a source over MAX_SOURCE_BYTES before any work, with a clear error. */
export function checkSourceSize(size: number, label: string): void {
  if (size > MAX_SOURCE_BYTES) {
    throw new PlandiffError(
      'INPUT_TOO_LARGE',
      `${label}: ${(size / 1048576).toFixed(1)} MB is larger than the ${MAX_SOURCE_BYTES / 1048576} MB a corpus archives; no plan is that long — check the file`,
    );
  }
}

/**
 * plan.json bytes: indented (readable diffs) while that stays within PLAN_MAX_FACTOR × the source
 * (+ PLAN_SLACK), else compact; refused when even compact it exceeds that, so a pathological source
 * (thousands of one-character "units") cannot blow up the corpus.
 */
export function renderPlanJson(plan: Plan, sourceSize: number, label: string): Buffer {
  const pretty = Buffer.from(renderJson(plan));
  if (pretty.length <= PLAN_MAX_FACTOR * sourceSize + PLAN_SLACK) return pretty;
  const compact = Buffer.from(`${JSON.stringify(plan)}\n`);
  if (compact.length <= PLAN_MAX_FACTOR * sourceSize + PLAN_SLACK) return compact;
  throw new PlandiffError(
    'INPUT_TOO_LARGE',
    `${label}: its plan would be ${(compact.length / sourceSize).toFixed(0)}× the size of the source (at most ${PLAN_MAX_FACTOR}×); not stored`,
  );
}
