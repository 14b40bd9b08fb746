import type { ChangeKind } from '@plandiff/model';

/** Label language of a report. */
export type ReportLang = 'zh' | 'en';

/** Every kind in display order: the interesting ones first, unchanged last. */
export const KINDS: readonly ChangeKind[] = ['added', 'dropped', 'reworded', 'merged', 'split', 'unchanged'];

import { EN } from './labels-en.ts';
import { type Labels, ZH } from './labels-zh.ts';

export { countPhrase, eventLabel, eventMark, kindLabel } from './kind-labels.ts';
export type { Labels } from './labels-zh.ts';

/** The label dictionary for a language. */
export function labelsFor(lang: ReportLang): Labels {
  return lang === 'en' ? EN : ZH;
}

/** Fills `{name}` placeholders in a label. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
