import type { Change, PlanDiff, TaskRef, WordPart } from '@plandiff/model';
import { escapeMarkdown, isPunctuation } from './escape.ts';
import { diffHeadline } from './headline.ts';
import { fillLabel, KINDS, kindLabel, type Labels, labelsFor, type ReportLang } from './labels.ts';
import { describePlan, editionsHeading } from './plan-names.ts';
import { countSections, emptyCounts, sectionHeadings, sectionKeys } from './sections.ts';
import { taskTitle } from './task-title.ts';

/**
 * Marks one wording part: `~~deleted~~`, `**inserted**`. CommonMark only opens emphasis next to a
 * letter, so an edit that starts or ends with punctuation (common in Chinese: `，`) falls back to
 * `<del>`/`<ins>`, which git hosts render the same way.
 */
export function markPart(part: WordPart): string {
  if (part.op === 'equal') return escapeMarkdown(part.text);
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(part.text);
  const [lead, inner, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? ''];
  if (inner === '') return escapeMarkdown(part.text);
  const tag = isPunctuation(inner[0]) || isPunctuation(inner.at(-1));
  const body = escapeMarkdown(inner);
  const marked =
    part.op === 'delete' ? (tag ? `<del>${body}</del>` : `~~${body}~~`) : tag ? `<ins>${body}</ins>` : `**${body}**`;
  return `${escapeMarkdown(lead)}${marked}${escapeMarkdown(trail)}`;
}

/** Renders a wording diff as one Markdown line. */
export function markWording(parts: readonly WordPart[]): string {
  return parts.map(markPart).join('');
}

const refLabel = (ref: TaskRef): string => `\`${ref.id}\` ${escapeMarkdown(taskTitle(ref))}`.trim();

/** Renders a Markdown table from header cells and rows of (already escaped) cells. */
export function markdownTable(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const rule = head.map((_, i) => (numeric[i] ? '--:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Renders one pair's diff as Markdown: summary tables, changed figures, then each change. */
export function renderDiffMarkdown(diff: PlanDiff, lang: ReportLang): string {
  const labels = labelsFor(lang);
  const summary = { ...emptyCounts(), ...diff.summary };
  const total = KINDS.reduce((sum, kind) => sum + summary[kind], 0);
  const out = [
    `# ${escapeMarkdown(`${labels.pairTitle}${labels.colon}${editionsHeading([diff.a, diff.b], labels)}`)}`,
    '',
    escapeMarkdown(diffHeadline(diff, lang)),
    '',
    `- ${labels.oldSide}${labels.colon}${escapeMarkdown(describePlan(diff.a, labels))}`,
    `- ${labels.newSide}${labels.colon}${escapeMarkdown(describePlan(diff.b, labels))}`,
    '',
    `## ${labels.summary}`,
    '',
    markdownTable(
      [labels.kind, labels.count],
      [
        ...KINDS.map((kind) => [kindLabel(kind, lang), String(summary[kind])]),
        [`**${labels.total}**`, `**${total}**`],
        [labels.movedCount, String(diff.changes.filter((c) => c.moved).length)],
      ],
      [false, true],
    ),
    '',
    `### ${labels.bySection}`,
    '',
    markdownTable(
      [labels.section, ...KINDS.map((kind) => kindLabel(kind, lang)), labels.total],
      countSections(diff, labels).map((s) => [
        escapeMarkdown(s.label),
        ...KINDS.map((kind) => (s.counts[kind] ? String(s.counts[kind]) : '')),
        String(KINDS.reduce((sum, kind) => sum + s.counts[kind], 0)),
      ]),
      [false, ...KINDS.map(() => true), true],
    ),
    '',
    `## ${labels.figures}`,
    '',
    renderFigures(diff, labels),
    '',
    `## ${labels.changes}`,
    '',
    ...renderChanges(diff, labels, lang),
  ];
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function renderFigures(diff: PlanDiff, labels: Labels): string {
  const rows = diff.changes.flatMap((change) =>
    change.figures.map((figure) => {
      const ref = change.to[0] ?? change.from[0];
      return [
        ref ? refLabel(ref) : '',
        escapeMarkdown(figure.context),
        markPart({ op: 'delete', text: figure.from }),
        markPart({ op: 'insert', text: figure.to }),
      ];
    }),
  );
  if (rows.length === 0) return labels.noFigures;
  return markdownTable([labels.task, labels.context, labels.oldValue, labels.newValue], rows);
}

/** Each change as a list item under its section's heading, in document order. */
function renderChanges(diff: PlanDiff, labels: Labels, lang: ReportLang): string[] {
  const keys = sectionKeys(diff);
  const headings = sectionHeadings(diff.changes, labels.annex, diff);
  const out: string[] = [];
  let current = '';
  diff.changes.forEach((change, index) => {
    const key = keys[index] ?? '';
    if (key !== current) {
      current = key;
      const title = headings.get(key) ?? key.slice(1);
      out.push('', `### ${escapeMarkdown(key.startsWith('a') ? `${title}${labels.oldSection}` : title)}`, '');
    }
    out.push(...renderChangeItem(change, labels, lang, headings));
  });
  return out;
}

function renderChangeItem(change: Change, labels: Labels, lang: ReportLang, headings: Map<string, string>): string[] {
  const ids = `${change.from.map((r) => r.id).join(' + ') || '—'} → ${change.to.map((r) => r.id).join(' + ') || '—'}`;
  const main = change.to[0] ?? change.from[0];
  const facts = [
    `**${kindLabel(change.kind, lang)}** \`${ids}\` ${main ? escapeMarkdown(taskTitle(main)) : ''}`.trim(),
  ];
  if (change.from.length && change.to.length) facts.push(`${labels.similarity} ${change.similarity.toFixed(2)}`);
  const lines = [`- ${facts.join(' · ')}`];
  const indent = (text: string): string => `  ${text}`;
  if (change.moved) {
    const where = (side: 'a' | 'b', ref: TaskRef | undefined): string => {
      if (!ref) return '—';
      const section = headings.get(`${side}${ref.id.split('.')[0]}`);
      return `\`${ref.id}\`${section ? ` (${escapeMarkdown(section)})` : ''}`;
    };
    lines.push(
      indent(`- ${fillLabel(labels.movedFromTo, { from: where('a', change.from[0]), to: where('b', change.to[0]) })}`),
    );
  }
  if (change.from.length > 1 || change.to.length > 1) {
    lines.push(
      indent(`- ${labels.oldSide}${labels.colon}${change.from.map(refLabel).join(labels.listSep) || labels.none}`),
    );
    lines.push(
      indent(`- ${labels.newSide}${labels.colon}${change.to.map(refLabel).join(labels.listSep) || labels.none}`),
    );
  }
  for (const figure of change.figures) {
    const from = markPart({ op: 'delete', text: figure.from });
    const to = markPart({ op: 'insert', text: figure.to });
    lines.push(indent(`- ${escapeMarkdown(figure.context)}${labels.colon}${from} → ${to}`));
  }
  const text = change.kind === 'unchanged' ? '' : wordingLine(change);
  if (text) lines.push('', indent(`> ${text}`), '');
  return lines;
}

/** The change's text with edits marked; plain texts when the diff carries no wording. */
function wordingLine(change: Change): string {
  if (change.wording.length) return markWording(change.wording);
  const refs = change.to.length ? change.to : change.from;
  const mark = change.kind === 'added' ? 'insert' : change.kind === 'dropped' ? 'delete' : 'equal';
  return refs
    .filter((ref) => ref.text)
    .map((ref) => markPart({ op: mark, text: ref.text }))
    .join(' ');
}
