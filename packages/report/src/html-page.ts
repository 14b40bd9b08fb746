import { createHash } from 'node:crypto';
import type { ChangeKind } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { REPORT_CSS, REPORT_JS } from './html-assets.ts';
import { KINDS, kindLabel, type Labels, type ReportLang } from './labels.ts';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Wraps a report body in one self-contained page. The Content-Security-Policy allows only this
 * page's own inline style and script (by hash) and no network at all, so even text that slipped
 * past escaping could neither run nor fetch anything.
 */
export function renderPage(page: {
  labels: Labels;
  title: string;
  body: string;
  kind?: 'pair' | 'series';
  /** The page's one script (default: the pair report's filters). */
  script?: string;
}): string {
  const script = page.script ?? REPORT_JS;
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(REPORT_CSS)}`,
    `script-src ${sha256(script)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.labels.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="plandiff">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body class="${page.kind ?? 'pair'}">`,
    page.body,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The sticky bar with one checkbox per kind, an "all" button, a search box and a shown-count. */
export function renderFilterBar(
  labels: Labels,
  lang: ReportLang,
  counts: Record<ChangeKind, number>,
  nameOf: (kind: ChangeKind, lang: ReportLang) => string = kindLabel,
): string {
  // Per kind: a checkbox that toggles it, and its badge, a button that shows only that kind.
  const boxes = KINDS.map(
    (kind) =>
      `<span class="kf"><input type="checkbox" data-kind-filter value="${kind}" checked ` +
      `aria-label="${escapeHtml(nameOf(kind, lang))}"><button type="button" class="only k-${kind}" data-only="${kind}" ` +
      `title="${escapeHtml(labels.only)}">${escapeHtml(nameOf(kind, lang))} ${counts[kind]}</button></span>`,
  );
  return [
    `<nav class="filters" aria-label="${escapeHtml(labels.filter)}">`,
    `<strong>${escapeHtml(labels.filter)}</strong>`,
    ...boxes,
    `<button type="button" data-all>${escapeHtml(labels.all)}</button>`,
    `<input type="search" id="q" placeholder="${escapeHtml(labels.searchPlaceholder)}" aria-label="${escapeHtml(labels.search)}">`,
    `<span id="shown" data-template="${escapeHtml(labels.shown)}"></span>`,
    '</nav>',
  ].join('\n');
}

/** A table of counts per kind; each count is a button that shows only that kind's rows. */
export function renderKindTable(
  labels: Labels,
  lang: ReportLang,
  counts: Record<ChangeKind, number>,
  moved: number,
): string {
  const total = KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  const rows = KINDS.map(
    (kind) =>
      `<tr class="k-${kind}"><td><span class="badge k-${kind}">${escapeHtml(kindLabel(kind, lang))}</span></td>` +
      `<td class="n"><button type="button" class="only k-${kind}" data-only="${kind}" data-count="${counts[kind]}" ` +
      `title="${escapeHtml(labels.only)}">${counts[kind]}</button></td></tr>`,
  );
  return [
    `<table class="kinds"><thead><tr><th>${escapeHtml(labels.kind)}</th><th>${escapeHtml(labels.count)}</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr><th>${escapeHtml(labels.total)}</th><td class="n" data-total>${total}</td></tr>`,
    `<tr><th>${escapeHtml(labels.movedCount)}</th><td class="n" data-moved>${moved}</td></tr></tfoot></table>`,
  ].join('\n');
}
