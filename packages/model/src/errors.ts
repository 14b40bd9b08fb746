/** Error codes plandiff raises, each with the process exit code the CLI uses for it. */
export const ERROR_CODES = {
  USAGE: 2,
  INPUT_MISSING: 1,
  INPUT_EMPTY: 1,
  INPUT_BINARY: 1,
  INPUT_TOO_LARGE: 1,
  INPUT_UNREADABLE: 1,
  NEEDS_OCR: 1,
  NO_STRUCTURE: 1,
  OUTPUT_FAILED: 1,
  FETCH_FAILED: 3,
  ROBOTS_DISALLOWED: 3,
  NO_PLAN: 3,
  STORE_INVALID: 4,
  STORE_LOCKED: 5,
  STORE_NOT_CORPUS: 4,
  STORE_NOT_FOUND: 4,
  BAD_NAME: 2,
  BAD_REF: 2,
  INTERNAL: 70,
} as const;

/** A plandiff error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A typed, user-facing error: the CLI prints `message` on one line and exits with `exitCode`. */
export class PlandiffError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  override readonly name = 'PlandiffError';

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.exitCode = ERROR_CODES[code];
  }
}

/** True when `error` is a PlandiffError (works across module copies). */
export function isPlandiffError(error: unknown): error is PlandiffError {
  return error instanceof Error && error.name === 'PlandiffError' && 'code' in error;
}
