import type { Change, FigureChange, TaskRef, WordPart } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { fillLabel, kindLabel, type Labels, type ReportLang } from './labels.ts';
import { headingInText } from './task-title.ts';
import { type Side, sideParts, splitParts } from './wording.ts';

/** What rendering a change needs besides the change itself. */
export interface ChangeContext {
  lang: ReportLang;
  labels: Labels;
  /** Anchor prefix, so several diffs can share one page (`''` for a pair report). */
  prefix: string;
  /** Anchor ids already used on the page; a task seen twice gets its anchor only once. */
  used: Set<string>;
  /** The title of a top-level section of the old (`a`) or new (`b`) edition. */
  sectionTitle: (side: 'a' | 'b', top: string) => string | undefined;
  /** True when the change is shown as a detail, not as a filterable row of the page. */
  detail?: boolean;
}

/** The anchor id of a task on one side: `a-3.2.1` (old) or `b-3.2.1` (new), after the prefix. */
export function taskAnchor(prefix: string, side: 'a' | 'b', id: string): string {
  return `${prefix}${side}-${id}`;
}

/** Renders parts as HTML with `<del>`/`<ins>` around the edits. */
export function renderParts(parts: readonly WordPart[]): string {
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.op === 'delete') return `<del>${text}</del>`;
      if (part.op === 'insert') return `<ins>${text}</ins>`;
      return text;
    })
    .join('');
}

/** Renders one change as a row: a header (kind, ids, move, similarity), old | new, its figures. */
export function renderChange(change: Change, index: number, ctx: ChangeContext): string {
  const { labels, lang, prefix } = ctx;
  const kind = change.kind;
  const ids = `${change.from.map((r) => r.id).join(' + ') || '—'} → ${change.to.map((r) => r.id).join(' + ') || '—'}`;
  const head = [
    `<span class="badge k-${kind}">${escapeHtml(kindLabel(kind, lang))}</span>`,
    `<a class="ids" href="#${escapeHtml(prefix)}c-${index}">${escapeHtml(ids)}</a>`,
  ];
  if (change.moved) head.push(`<span class="moved">${renderMove(change, ctx)}</span>`);
  if (change.from.length > 0 && change.to.length > 0) {
    head.push(`<span class="sim">${escapeHtml(labels.similarity)} ${change.similarity.toFixed(2)}</span>`);
  }
  const figures = change.figures.length
    ? `<ul class="figs">${change.figures.map((f) => renderFigureItem(f, labels)).join('')}</ul>`
    : '';
  return [
    `<article class="${ctx.detail ? '' : 'row '}change d${change.depth} k-${kind}" id="${escapeHtml(prefix)}c-${index}" data-kinds="${kind}" data-moved="${change.moved}">`,
    `<header class="ch-head">${head.join(' ')}</header>`,
    '<div class="sides">',
    renderSide(change, 'old', ctx),
    renderSide(change, 'new', ctx),
    '</div>',
    figures,
    '</article>',
  ].join('');
}

function renderMove(change: Change, ctx: ChangeContext): string {
  const where = (side: 'a' | 'b', ref: TaskRef | undefined): string => {
    if (!ref) return '—';
    const top = ref.id.split('.')[0] ?? ref.id;
    const section = ctx.sectionTitle(side, top);
    const label = section && top !== ref.id ? `${section} › ${ref.id}` : section && top === ref.id ? section : ref.id;
    return `<a href="#${escapeHtml(taskAnchor(ctx.prefix, side, ref.id))}">${escapeHtml(label)}</a>`;
  };
  const template = escapeHtml(ctx.labels.movedFromTo);
  return fillLabel(template, { from: where('a', change.from[0]), to: where('b', change.to[0]) });
}

function renderSide(change: Change, side: Side, ctx: ChangeContext): string {
  const refs = side === 'old' ? change.from : change.to;
  const label = side === 'old' ? ctx.labels.oldSide : ctx.labels.newSide;
  if (refs.length === 0) {
    return `<section class="side ${side} empty"><div class="side-label">${escapeHtml(label)}</div>${escapeHtml(ctx.labels.none)}</section>`;
  }
  const parts = sideParts(change.wording, side);
  const texts = refs.map((ref) => ref.text);
  // Highlighted text per task when the wording lines up with the tasks, else one highlighted block.
  const split = parts.length ? splitParts(parts, texts) : undefined;
  const tasks = refs.map((ref, i) => {
    const body = split ? renderParts(split[i] ?? []) : parts.length ? '' : escapeHtml(ref.text);
    return renderTask(ref, side === 'old' ? 'a' : 'b', body, ctx);
  });
  const block = parts.length && !split ? `<p class="text">${renderParts(parts)}</p>` : '';
  return `<section class="side ${side}"><div class="side-label">${escapeHtml(label)}</div>${tasks.join('')}${block}</section>`;
}

function renderTask(ref: TaskRef, side: 'a' | 'b', body: string, ctx: ChangeContext): string {
  const anchor = taskAnchor(ctx.prefix, side, ref.id);
  const id = ctx.used.has(anchor) ? '' : ` id="${escapeHtml(anchor)}"`;
  ctx.used.add(anchor);
  // Paragraph tasks take their first sentence as heading; the text then repeats it, so show it once.
  const shownHeading = body && headingInText(ref) ? '' : ref.heading;
  const heading =
    `<div class="heading"><span class="num">${escapeHtml(ref.number)}</span>${escapeHtml(shownHeading)}` +
    `<a class="tid" href="#${escapeHtml(anchor)}">${escapeHtml(ref.id)}</a></div>`;
  return `<div class="task"${id}>${heading}${body ? `<p class="text">${body}</p>` : ''}</div>`;
}

function renderFigureItem(figure: FigureChange, labels: Labels): string {
  return `<li>${escapeHtml(figure.context)}${escapeHtml(labels.colon)}<del>${escapeHtml(figure.from)}</del> → <ins>${escapeHtml(figure.to)}</ins></li>`;
}
