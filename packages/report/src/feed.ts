import type { Change, PlanDiff } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { diffHeadline } from './headline.ts';
import { renderParts } from './html-change.ts';
import { kindLabel, labelsFor, type ReportLang } from './labels.ts';
import { describePlan } from './plan-names.ts';
import { taskTitle } from './task-title.ts';
import { compactWording } from './text.ts';

/** One item of a feed: a new edition or a new version of one, with the diff from what came before. */
export interface FeedEntry {
  /** A stable IRI for this edition or version (a tag: URI), so readers mark it read once. */
  id: string;
  title: string;
  /** When the edition or version was stored, ISO 8601. */
  updated: string;
  diff: PlanDiff;
}

/** A feed of a series. */
export interface FeedInput {
  id: string;
  title: string;
  author: string;
  /** Where the feed itself will be published (its rel="self" link), when known. */
  selfUrl?: string;
  entries: FeedEntry[];
  lang: ReportLang;
}

/** Characters XML 1.0 forbids anywhere (C0 controls but tab/CR/LF, lone surrogates, U+FFFE/FFFF). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attributes, dropping what XML cannot carry at all. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

/** RFC 3339 for Atom: `2025-03-05T09:00:00Z` (an unreadable date falls back to the epoch, not to invalid XML). */
function rfc3339(date: string): string {
  const time = Date.parse(date);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The body of an entry as HTML: the headline, then every change but the unchanged, its edits marked. */
export function renderEntryHtml(diff: PlanDiff, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const items = diff.changes
    .filter((change) => change.kind !== 'unchanged' || change.moved)
    .map((change) => `<li>${renderItem(change, lang)}</li>`);
  return [
    `<p><strong>${escapeHtml(diffHeadline(diff, lang))}</strong></p>`,
    `<p>${escapeHtml(labels.oldSide)}${escapeHtml(labels.colon)}${escapeHtml(describePlan(diff.a, labels))}<br>`,
    `${escapeHtml(labels.newSide)}${escapeHtml(labels.colon)}${escapeHtml(describePlan(diff.b, labels))}</p>`,
    items.length ? `<ol>${items.join('')}</ol>` : '',
  ].join('');
}

function renderItem(change: Change, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const ids = `${change.from.map((r) => r.id).join(' + ') || '—'} → ${change.to.map((r) => r.id).join(' + ') || '—'}`;
  const main = change.to[0] ?? change.from[0];
  const moved = change.moved ? ` (${labels.moved})` : '';
  const head = `<strong>${escapeHtml(kindLabel(change.kind, lang))}</strong>${escapeHtml(moved)} <code>${escapeHtml(ids)}</code> ${escapeHtml(main ? taskTitle(main) : '')}`;
  let body = '';
  if (change.wording.length) body = renderParts(compactWording(change.wording));
  else if (change.kind === 'added' || change.kind === 'dropped') {
    const op = change.kind === 'added' ? 'insert' : 'delete';
    body = renderParts(
      compactWording([{ op, text: (change.to.length ? change.to : change.from).map((r) => r.text).join(' ') }]),
    );
  }
  const figures = change.figures.map(
    (f) =>
      `${escapeHtml(f.context)}${escapeHtml(labels.colon)}<del>${escapeHtml(f.from)}</del> → <ins>${escapeHtml(f.to)}</ins>`,
  );
  return [head, body ? `<br>${body}` : '', ...figures.map((f) => `<br>${f}`)].join('');
}

/**
 * Renders an Atom feed (RFC 4287): one entry per new edition or version, newest first, whose content
 * is the change summary and the list of changes as HTML, so a feed reader shows what changed without
 * opening anything.
 */
export function renderAtomFeed(feed: FeedInput): string {
  const entries = [...feed.entries].sort((x, y) => Date.parse(y.updated) - Date.parse(x.updated));
  const updated = entries[0]?.updated ?? new Date(0).toISOString();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang === 'en' ? 'en' : 'zh-CN'}">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <updated>${rfc3339(updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    '  <generator uri="https://plandiff.dev">plandiff</generator>',
    ...(feed.selfUrl ? [`  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`] : []),
  ];
  for (const entry of entries) {
    lines.push(
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <updated>${rfc3339(entry.updated)}</updated>`,
      `    <summary>${escapeXml(diffHeadline(entry.diff, feed.lang))}</summary>`,
      `    <content type="html">${escapeXml(renderEntryHtml(entry.diff, feed.lang))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
