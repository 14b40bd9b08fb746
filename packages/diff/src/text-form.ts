/** Text forms used for comparing units: markers stripped, punctuation and numbers normalised. */
import { foldVariants } from '@plandiff/normalize';

const NUMBER_MARKER =
  /^[\s\u3000]*(?:[（(][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百零〇]+[、．.]|\d+[、．.](?!\d)|第[一二三四五六七八九十百零〇\d]+[条章节部分项][、，：:\s\u3000]?)[\s\u3000]*/u;
const PUNCT_OR_SPACE = /[\p{P}\p{S}\p{Z}\s]/gu;

/** The unit's text without its leading number marker (`（三）`, `一、`, `3.`). */
export function stripNumber(text: string, number = ''): string {
  const t = text.trimStart();
  if (number && t.startsWith(number)) return t.slice(number.length).trimStart();
  return t.replace(NUMBER_MARKER, '');
}

/** Folds full-width ASCII forms and the ideographic space to their half-width forms. */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Comparison form: width folded, traditional and variant characters folded to simplified (so a
 * traditional copy compares equal to the simplified one), whitespace removed; punctuation removed
 * too unless `keepPunctuation`.
 */
export function comparisonForm(text: string, keepPunctuation = false): string {
  // The same unit texts are compared many times per pair (attach, wording, figures): cache them.
  const cache = keepPunctuation ? FORMS_KEEP : FORMS;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const folded = foldVariants(foldWidth(text).normalize('NFKC'));
  const form = keepPunctuation ? folded.replace(/\s+/gu, '') : folded.replace(PUNCT_OR_SPACE, '');
  // Bounded so a long-running process (index, server) does not grow without limit.
  if (cache.size >= FORM_CACHE_MAX) cache.clear();
  cache.set(text, form);
  return form;
}

const FORM_CACHE_MAX = 20_000;
const FORMS = new Map<string, string>();
const FORMS_KEEP = new Map<string, string>();

/** Matching form: comparison form with every number collapsed to `0`, so changed figures still match. */
export function matchingForm(text: string): string {
  return comparisonForm(text).replace(/\d+(?:\.\d+)?/g, '0');
}

/** The first sentence (up to 。！？；), used as a paragraph's topic. */
export function firstSentence(text: string): string {
  const m = /^[^。！？!?；;]*[。！？!?；;]?/u.exec(text);
  return (m?.[0] ?? text).trim();
}

/** True when a string is only punctuation and whitespace. */
export function isPunctuationOnly(text: string): boolean {
  return text.replace(PUNCT_OR_SPACE, '') === '';
}
