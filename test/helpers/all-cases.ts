import type { BadInputCase } from './bad-input-cases.ts';
import { PARSE_CASES } from './bad-input-cases.ts';
import { DIFF_CASES, IMPORT_CASES, REPORT_CASES } from './corpus-cases.ts';

/** Every bad-input case of the reliability suite, in table order. */
export const ALL_CASES: BadInputCase[] = [...PARSE_CASES, ...IMPORT_CASES, ...DIFF_CASES, ...REPORT_CASES];
