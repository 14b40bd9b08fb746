import type { Plan } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model';
import { renderJson } from './layout.ts';

/** Largest source the store archives (bytes): checked before any parsing, so memory stays bounded. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
/** plan.json may be at most this multiple of its source (plus PLAN_SLACK) before it is written compactly. */
export const PLAN_PRETTY_FACTOR = 8;
/** Hard bound: a plan larger than this multiple of its source (plus PLAN_SLACK) is refused. */
export const PLAN_MAX_FACTOR = 16;
const PLAN_SLACK = 64 * 1024;

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
 * plan.json bytes: indented (readable diffs) while that stays within PLAN_PRETTY_FACTOR × the source,
 * else compact; refused when even compact it exceeds PLAN_MAX_FACTOR × the source, so a pathological
 * source cannot blow up the corpus.
 */
export function renderPlanJson(plan: Plan, sourceSize: number, label: string): Buffer {
  const pretty = Buffer.from(renderJson(plan));
  if (pretty.length <= PLAN_PRETTY_FACTOR * sourceSize + PLAN_SLACK) return pretty;
  const compact = Buffer.from(`${JSON.stringify(plan)}\n`);
  if (compact.length <= PLAN_MAX_FACTOR * sourceSize + PLAN_SLACK) return compact;
  throw new PlandiffError(
    'INPUT_TOO_LARGE',
    `${label}: its plan would be ${(compact.length / sourceSize).toFixed(0)}× the size of the source (at most ${PLAN_MAX_FACTOR}×); not stored`,
  );
}
