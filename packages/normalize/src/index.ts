export { parseChineseDate } from './chinese-date.ts';
export { parseNumeral } from './chinese-numeral.ts';
export { toComparisonForm } from './comparison-form.ts';
export { extractFigures } from './figures.ts';
export { type NormalizeOptions, type NormalizeResult, normalizePlan } from './normalize-plan.ts';
export { renderOutline } from './outline.ts';
export { foldVariants } from './variants.ts';
export { congressNumber, editionYear, inferYear, type YearEvidence, yearFromName } from './year.ts';
