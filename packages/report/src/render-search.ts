import type { SearchHit, SearchResult } from '@plandiff/index';
import { markSnippet } from '@plandiff/index/snippet';
import { escapeMarkdown } from './escape.ts';
import { paint } from './paint.ts';

/** Where a hit is, as one label: `gwr@2012 3.2 （二）`. */
function place(hit: SearchHit): string {
  const number = hit.number.trim();
  return `${hit.series}@${hit.edition} ${hit.unitId}${number ? ` ${number}` : ''}`;
}

/** Plain text: one block per hit, the terms highlighted in colour on a terminal, else between «». */
export function renderSearchText(result: SearchResult, color: boolean): string {
  const lines: string[] = [];
  const shown = result.hits.length;
  lines.push(
    shown === 0
      ? `no hits for ${result.query.join(' ')}`
      : `${result.complete ? '' : 'more than '}${result.total} unit(s) match ${result.terms.map((t) => t.text).join(' ')}; showing the best ${shown}${result.complete ? '' : ' of the newest (narrow with more terms, --series or --from/--to)'}`,
  );
  for (const hit of result.hits) {
    lines.push('');
    const heading = hit.heading ? `  ${hit.heading}` : '';
    lines.push(`${paint('bold', place(hit), color)}${heading}  ${paint('dim', `(${hit.score})`, color)}`);
    const snippet = color
      ? markSnippet(hit.snippet, '\u001b[1;33m', '\u001b[22;39m')
      : markSnippet(hit.snippet, '«', '»');
    lines.push(`  ${snippet}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown: a table of hits with the terms in bold. */
export function renderSearchMarkdown(result: SearchResult): string {
  const lines = [
    `# Search: ${escapeMarkdown(result.terms.map((t) => t.text).join(' '))}`,
    '',
    `${result.complete ? '' : 'More than '}${result.total} unit(s) match; the best ${result.hits.length} are shown.`,
    '',
  ];
  if (result.hits.length > 0) {
    lines.push('| Edition | Unit | Heading | Snippet |', '|---|---|---|---|');
    for (const hit of result.hits) {
      const snippet = markSnippet(hit.snippet, '**', '**', escapeMarkdown).replace(/\n/g, ' ');
      lines.push(
        `| ${hit.series}@${hit.edition} | ${escapeMarkdown(`${hit.unitId} ${hit.number}`.trim())} | ${escapeMarkdown(hit.heading)} | ${snippet} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** JSON for scripts: the hits with their snippets, highlights as [start, end) offsets into the snippet. */
export function renderSearchJson(result: SearchResult, corpus: string): string {
  return `${JSON.stringify({ corpus, ...result }, null, 2)}\n`;
}
