import type { LexiconRule } from './rule.ts';

/** Words a speech addresses its audience with (`各位代表`, `同志们`). */
export const SALUTATION_WORDS = [
  '各位代表',
  '各位委员',
  '各位同志',
  '各位来宾',
  '各位领导',
  '同志们',
  '代表们',
  '女士们',
  '先生们',
  '朋友们',
  '同学们',
] as const;
const WORDS = SALUTATION_WORDS.join('|');

/** A salutation that opens a paragraph (`各位代表！`, `同志们：`); in a speech it closes the current item. */
export const SALUTATION: LexiconRule = {
  ruleId: 'salutation',
  what: 'salutation',
  pattern: new RegExp(`^(${WORDS})[^。！!：:，,]{0,12}[！!：:]`, 'u'),
};

/** A paragraph that is only a salutation (`各位代表：`, `女士们、先生们！`). */
export const SALUTATION_ONLY: LexiconRule = {
  ruleId: 'salutation',
  what: 'salutation',
  pattern: new RegExp(`^(${WORDS})[、，,\\s\\S]{0,12}[！!：:]$`, 'u'),
};

/** Words that open narrative sentences (time, subject, connective), never a task's topic sentence. */
export const NARRATIVE_OPENING: LexiconRule = {
  ruleId: 'narrative-opening',
  what: 'narrative opening',
  pattern:
    /^(今年|明年|去年|今后|过去|目前|当前|近年|近期|同时|此外|另外|总之|我们|我国|这|那|各级|各地|为了|为此|随着|在)/u,
};

/** A title a genre carries by convention when the text prints none, recognised by how the text opens. */
export interface GenreRule extends LexiconRule {
  title: string;
}

/**
 * Genres by their opening: a government work report (at every level) is a speech to the people's
 * congress that opens by addressing the deputies (`各位代表：`) and names no title as delivered.
 */
export const GENRE_TITLES: readonly GenreRule[] = [
  {
    ruleId: 'genre-government-report',
    what: 'speech to the deputies',
    pattern: /^各位代表[：:！!，,]/u,
    title: '政府工作报告',
  },
];
