export { ANNEX_LABEL, GLOSSARY_LABEL } from './annexes.ts';
export { ATTACHMENT_LIST_LABEL } from './attachment-links.ts';
export { POSTING_DATE_LABELS, SIGNING_DATE_LABELS } from './date-labels.ts';
export { BARE_NUMERAL, ENUMERATION_STYLES, type EnumerationStyle } from './enumerations.ts';
export {
  ATTACHMENT,
  CONGRESS_PLACE,
  DOC_NUMBER,
  MEETING,
  NOTICE_WORDS,
  PERSON,
  SPEAKER,
  SPEAKER_ROLES,
  SUBTITLE,
  TITLE_END,
  TITLE_WORDS,
} from './front.ts';
export { MARKER_PATTERNS, type PrintedMarkerStyle } from './markers.ts';
export { NO_PLAN_MAX_CHARS, NO_PLAN_PAGE_RULES } from './no-plan.ts';
export {
  CHROME_LINE_RULES,
  CHROME_PARAGRAPH_RULES,
  type ChromeRule,
  type ChromeRun,
  MAX_CHROME_LINE,
  MAX_CHROME_PARAGRAPH,
  matchChromeLine,
  matchChromeParagraph,
  matchChromeRun,
} from './page-chrome.ts';
export {
  FURNITURE_ELEMENT_RULES,
  PAGE_NUMBER_RULES,
  RUNNING_HEADER_RULE,
  TITLE_BADGE,
  TITLE_LABEL,
  WEB_CHROME_OPENERS,
  WEB_CHROME_RULES,
  WEB_FOOTER_RULE,
} from './page-furniture.ts';
export { PERIOD_RULES, type PeriodRule } from './periods.ts';
export { NATIONAL_MARKERS, NOT_PLACE_STEMS, PLACE_NAME, PLACE_SUFFIXES, PROVINCES, SCOPE_WORDS } from './places.ts';
export { POLICY_TERMS, type TermList } from './policy-terms.ts';
export { firstMatch, type LexiconRule } from './rule.ts';
export {
  GENRE_TITLES,
  type GenreRule,
  NARRATIVE_OPENING,
  SALUTATION,
  SALUTATION_ONLY,
  SALUTATION_WORDS,
} from './speech.ts';
export { TABLE_HEADER_LABELS, TABLE_HEADER_RULE } from './table-headers.ts';
