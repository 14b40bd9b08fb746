import { type Plan, PlandiffError, PlanSchema } from '@plandiff/model';
import type { z } from 'zod';

/** Formats a zod issue path like `units[3].depth`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

/** One-line description of a zod issue: `units[3].depth: Invalid input: expected number, received string`. */
export function formatZodIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid';
  return `${formatIssuePath(issue.path)}: ${issue.message}`;
}

/**
 * Parses and validates the text of a `plan.json`; throws STORE_INVALID naming `file` and the
 * failing field (never returns a half-valid plan).
 */
export function parsePlanJson(text: string, file: string): Plan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlandiffError('STORE_INVALID', `${file}: not valid JSON (${(error as Error).message})`);
  }
  return validatePlan(data, file);
}

/** Validates a plan object against PlanSchema; throws STORE_INVALID naming `file` and the issue path. */
export function validatePlan(data: unknown, file: string): Plan {
  const result = PlanSchema.safeParse(data);
  if (!result.success) {
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
    throw new PlandiffError(
      'STORE_INVALID',
      `${file}: invalid plan at ${formatZodIssue(result.error.issues[0])}${more}`,
    );
  }
  return result.data;
}
