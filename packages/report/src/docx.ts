import type { Change, PlanDiff, TaskRef } from '@plandiff/model';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  type ICommentOptions,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { type Block, changeBlocks } from './docx-blocks.ts';
import { editParts, type Revisions, trackedRuns } from './docx-runs.ts';
import { diffHeadline } from './headline.ts';
import { fillLabel, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, planName } from './plan-names.ts';
import { sectionHeadings } from './sections.ts';
import { taskTitle } from './task-title.ts';

/** Options of the Word report. */
export interface DocxOptions {
  lang: ReportLang;
  /** Author of the tracked changes and comments (default `plandiff`). */
  author?: string;
  /** When the changes were made (default: now). */
  date?: Date;
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
  const headings = sectionHeadings(diff.changes, labels.annex, diff);
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
  const annexesShown = new Set<string>();
  for (const change of diff.changes) {
    // An annex has no unit of its own: its name and title line go before its first task, once.
    const annex = annexHeadingOf(change, headings);
    if (annex && !annexesShown.has(annex)) {
      annexesShown.add(annex);
      blocks.push({ heading: HeadingLevel.HEADING_1, runs: trackedRuns([{ op: 'equal', text: annex }], revisions) });
    }
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

/** The heading (`附件1 2026年省十件民生实事`) of the annex a change's first task is in, if any. */
function annexHeadingOf(change: Change, headings: Map<string, string>): string | undefined {
  const [side, ref] = change.to[0] ? ['b', change.to[0]] : ['a', change.from[0]];
  const k = ref && /^A(\d+)\./.exec(ref.id)?.[1];
  return k ? headings.get(`${side}A${k}`) : undefined;
}
