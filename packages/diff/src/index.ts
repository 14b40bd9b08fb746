export { diffPlans } from './diff-plans.ts';
export { congressNumber, editionYear, withEditionYear, yearFromName } from './edition-year.ts';
export { compareFigures } from './figures.ts';
export { segmentWords } from './segment-words.ts';
export { type SimilarityUnit, type SimilarPair, similarUnits } from './similarity.ts';
export { comparisonForm, matchingForm, stripNumber } from './text-form.ts';
export { DEFAULT_THRESHOLDS, type DiffOptions, resolveThresholds, type Thresholds } from './thresholds.ts';
export {
  buildLineage,
  diffEditions,
  labelEditions,
  type TraceOptions,
  tracePlans,
  traceSeries,
  unitRefs,
} from './trace-plans.ts';
export { diffWording, renderWording, wordingStats } from './wording.ts';
