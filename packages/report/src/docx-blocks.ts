import type { Change, TaskRef, WordPart } from '@plandiff/model';
import { HeadingLevel, type ParagraphChild } from 'docx';
import { editParts, type Revisions, trackedRuns } from './docx-runs.ts';
import { headingInText, taskTitle } from './task-title.ts';
import { partsText, sideParts, splitWordingByNew } from './wording.ts';

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** What a Word paragraph is built from: its runs, its style, and whether the whole paragraph was added or removed. */
export interface Block {
  runs: ParagraphChild[];
  heading?: (typeof LEVELS)[number] | typeof HeadingLevel.TITLE;
  mark?: 'insertion' | 'deletion';
}

/** A task's heading is its own line unless the text starts with it (a paragraph task's first sentence). */
const ownHeading = (ref: TaskRef): boolean => ref.heading !== '' && !headingInText(ref);
/** A text that is nothing but the task's numbered title is shown as a heading. */
const isTitleLine = (ref: TaskRef): boolean =>
  ref.heading !== '' && ref.text.trim() === `${ref.number}${ref.heading}`.trim();
const levelOf = (ref: TaskRef) => LEVELS[Math.min(ref.id.split('.').length, LEVELS.length) - 1]!;

/** The paragraphs of one change in the new plan: its tasks with their edits tracked; a dropped task's as deleted paragraphs. */
export function changeBlocks(change: Change, revisions: Revisions): Block[] {
  if (change.to.length === 0) {
    return change.from.flatMap((ref) =>
      taskBlocks(
        ref,
        [{ op: 'delete', text: taskTitle(ref) }],
        [{ op: 'delete', text: ref.text }],
        revisions,
        'deletion',
      ),
    );
  }
  const texts = change.to.map((ref) => ref.text);
  const slices = change.wording.length ? splitWordingByNew(change.wording, texts) : undefined;
  const single = change.from.length === 1 && change.to.length === 1 ? change.from[0] : undefined;
  return change.to.flatMap((ref, i) => {
    const added = change.from.length === 0;
    const head: WordPart[] = added
      ? [{ op: 'insert', text: taskTitle(ref) }]
      : single
        ? editParts(taskTitle(single), taskTitle(ref))
        : [{ op: 'equal', text: taskTitle(ref) }];
    let text: WordPart[];
    if (added) text = [{ op: 'insert', text: ref.text }];
    else if (slices?.[i]) text = slices[i]!;
    else if (change.wording.length && i === 0) text = alignToText(change.wording, ref.text);
    else text = [{ op: 'equal', text: ref.text }];
    return taskBlocks(ref, head, text, revisions, added ? 'insertion' : undefined);
  });
}

/** A wording whose new side is the end of the task's text (the engine compares text without its number): the rest in front, unchanged. */
function alignToText(wording: readonly WordPart[], text: string): WordPart[] {
  const shown = partsText(sideParts(wording, 'new'));
  const lead = shown !== text && text.endsWith(shown) ? text.slice(0, text.length - shown.length) : '';
  return lead ? [{ op: 'equal', text: lead }, ...wording] : [...wording];
}

function taskBlocks(
  ref: TaskRef,
  head: WordPart[],
  text: WordPart[],
  revisions: Revisions,
  mark?: 'insertion' | 'deletion',
): Block[] {
  const blocks: Block[] = [];
  const extra = mark ? { mark } : {};
  if (ownHeading(ref) || (ref.text === '' && head.length)) {
    blocks.push({ runs: trackedRuns(head, revisions), heading: levelOf(ref), ...extra });
  }
  if (ref.text !== '') {
    blocks.push({
      runs: trackedRuns(text, revisions),
      ...(isTitleLine(ref) ? { heading: levelOf(ref) } : {}),
      ...extra,
    });
  }
  return blocks;
}
