import type { ChangeKind } from '@plandiff/model';
import type { ReportLang } from './labels.ts';

/** What each change kind is called in a report. */
const KIND_LABELS: Record<ReportLang, Record<ChangeKind, string>> = {
  zh: { unchanged: '未变', reworded: '改写', merged: '合并', split: '拆分', added: '新增', dropped: '删除' },
  en: {
    unchanged: 'Unchanged',
    reworded: 'Reworded',
    merged: 'Merged',
    split: 'Split',
    added: 'Added',
    dropped: 'Dropped',
  },
};

/** How a goal's event reads in a timeline (a goal "appears" rather than is "added"). */
const EVENT_LABELS: Record<ReportLang, Record<ChangeKind, string>> = {
  zh: { unchanged: '延续', reworded: '改写', merged: '合并', split: '拆分', added: '出现', dropped: '消失' },
  en: {
    unchanged: 'continues',
    reworded: 'reworded',
    merged: 'merged',
    split: 'split',
    added: 'appears',
    dropped: 'disappears',
  },
};

/** One-character marks for timeline cells. */
const EVENT_MARKS: Record<ReportLang, Record<ChangeKind, string>> = {
  zh: { unchanged: '·', reworded: '改', merged: '并', split: '拆', added: '新', dropped: '删' },
  en: { unchanged: '·', reworded: '~', merged: 'M', split: 'S', added: '+', dropped: '×' },
};

/** A count in a headline: `4 added` / `新增 4` (kinds), `12 appeared` / `出现 12` (goal events). */
export function countPhrase(n: number, kind: ChangeKind, lang: ReportLang, events = false): string {
  // "12 appeared" reads as a count; the timeline's own words ("appears") read as a legend.
  const past: Partial<Record<ChangeKind, string>> = {
    added: 'appeared',
    dropped: 'disappeared',
    unchanged: 'continued',
  };
  const word =
    events && lang === 'en' ? (past[kind] ?? KIND_LABELS.en[kind]) : (events ? EVENT_LABELS : KIND_LABELS)[lang][kind];
  return lang === 'en' ? `${n} ${word.toLowerCase()}` : `${word} ${n}`;
}

/** The display name of a change kind. */
export function kindLabel(kind: ChangeKind, lang: ReportLang): string {
  return KIND_LABELS[lang][kind];
}

/** The display name of a goal event in a timeline. */
export function eventLabel(kind: ChangeKind, lang: ReportLang): string {
  return EVENT_LABELS[lang][kind];
}

/** The one-character mark of a goal event in a timeline cell. */
export function eventMark(kind: ChangeKind, lang: ReportLang): string {
  return EVENT_MARKS[lang][kind];
}
