import type { Change, PlanDiff, TaskRef, WordPart } from '@plandiff/model';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  type ICommentOptions,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { editParts, type Revisions, trackedRuns } from './docx-runs.ts';
import { diffHeadline } from './headline.ts';
import { fillLabel, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, planName } from './plan-names.ts';
import { sectionHeadings } from './sections.ts';
import { headingInText, taskTitle } from './task-title.ts';
import { partsText, sideParts, splitWordingByNew } from './wording.ts';

/** Options of the Word report. */
export interface DocxOptions {
  lang: ReportLang;
  /** Author of the tracked changes and comments (default `plandiff`). */
  author?: string;
  /** When the changes were made (default: now). */
  date?: Date;
}

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** What a Word paragraph is built from: its runs, its style, and whether the whole paragraph was added or removed. */
interface Block {
  runs: ParagraphChild[];
  heading?: (typeof LEVELS)[number] | typeof HeadingLevel.TITLE;
  mark?: 'insertion' | 'deletion';
}

/**
 * Renders a diff as the newer plan in Word: every edit a tracked change (w:ins / w:del with author
 * and date) so a reviewer can accept or reject it, dropped tasks as deleted paragraphs where they
 * stood, and moves, merges and splits as comments on the tasks they produced. Review tracking is
 * left on, so further edits are tracked too.
 */
export async function renderDiffDocx(diff: PlanDiff, options: DocxOptions): Promise<Uint8Array> {
  const labels = labelsFor(options.lang);
  const author = options.author ?? 'plandiff';
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let revision = 0;
  const revisions: Revisions = { author, date, next: () => ++revision };
  const comments: ICommentOptions[] = [];
  const addComment = (lines: string[]): number => {
    const id = comments.length;
    comments.push({
      id,
      author,
      initials: author.slice(0, 2),
      date: new Date(date),
      children: lines.map((line) => new Paragraph(line)),
    });
    return id;
  };
  const headings = sectionHeadings(diff.changes, labels.annex);
  const blocks: Block[] = [];
  const title: Block = {
    heading: HeadingLevel.TITLE,
    runs: trackedRuns(editParts(planName(diff.a, labels), planName(diff.b, labels)), revisions),
  };
  attachComment(
    [title],
    addComment([
      diffHeadline(diff, options.lang),
      `${labels.oldSide}${labels.colon}${describePlan(diff.a, labels)}`,
      `${labels.newSide}${labels.colon}${describePlan(diff.b, labels)}`,
    ]),
  );
  blocks.push(title);
  for (const change of diff.changes) {
    const own = changeBlocks(change, revisions);
    const note = changeNote(change, labels, headings);
    if (note && own.length) attachComment(own, addComment([note]));
    blocks.push(...own);
  }
  const doc = new Document({
    creator: author,
    lastModifiedBy: author,
    title: planName(diff.b, labels),
    subject: diffHeadline(diff, options.lang),
    description: `plandiff: ${describePlan(diff.a, labels)} → ${describePlan(diff.b, labels)}`,
    features: { trackRevisions: true },
    styles: {
      default: {
        document: {
          run: { size: 24, font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' } },
        },
      },
    },
    comments: { children: comments },
    sections: [{ children: blocks.map((block) => toParagraph(block, revisions)) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function toParagraph(block: Block, revisions: Revisions): Paragraph {
  const mark = block.mark
    ? { [block.mark]: { id: revisions.next(), author: revisions.author, date: revisions.date } }
    : {};
  return new Paragraph({ children: block.runs, ...(block.heading ? { heading: block.heading } : {}), run: mark });
}

/** Puts a comment around the given paragraphs (start in the first, end and reference in the last). */
function attachComment(blocks: Block[], id: number): void {
  const first = blocks[0];
  const last = blocks.at(-1);
  if (!first || !last) return;
  first.runs.unshift(new CommentRangeStart(id));
  last.runs.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
}

/** A task's heading is its own line unless the text starts with it (a paragraph task's first sentence). */
const ownHeading = (ref: TaskRef): boolean => ref.heading !== '' && !headingInText(ref);
/** A text that is nothing but the task's numbered title is shown as a heading. */
const isTitleLine = (ref: TaskRef): boolean =>
  ref.heading !== '' && ref.text.trim() === `${ref.number}${ref.heading}`.trim();
const levelOf = (ref: TaskRef) => LEVELS[Math.min(ref.id.split('.').length, LEVELS.length) - 1]!;

function changeBlocks(change: Change, revisions: Revisions): Block[] {
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

/** The comment a change deserves: where it moved from, what it merged, what it was split from. */
function changeNote(change: Change, labels: Labels, headings: Map<string, string>): string {
  const name = (ref: TaskRef) => `${ref.id} ${taskTitle(ref)}`.trim();
  const where = (side: 'a' | 'b', ref: TaskRef | undefined): string => {
    if (!ref) return '—';
    const top = ref.id.split('.')[0] ?? ref.id;
    const section = headings.get(`${side}${top}`);
    return section && top !== ref.id ? `${section} › ${ref.id}` : (section ?? ref.id);
  };
  const notes: string[] = [];
  if (change.kind === 'merged')
    notes.push(`${labels.mergedFrom}${labels.colon}${change.from.map(name).join(labels.listSep)}`);
  if (change.kind === 'split') {
    const into = fillLabel(labels.splitInto, { ids: change.to.map((ref) => ref.id).join(labels.countSep) });
    notes.push(`${labels.splitFrom}${labels.colon}${change.from.map(name).join(labels.listSep)} (${into})`);
  }
  if (change.moved)
    notes.push(fillLabel(labels.movedFromTo, { from: where('a', change.from[0]), to: where('b', change.to[0]) }));
  return notes.join(labels.clauseSep);
}
