import { TABLE_HEADER_RULE } from '@plandiff/lexicon';
import { type Diagnostic, PlandiffError } from '@plandiff/model';
import { type CheerioAPI, load } from 'cheerio';
import type { DomNode } from './dom.ts';
import { readDataRow } from './table-rows.ts';

/**
 * Text of a .docx in reading order: one line per paragraph or heading, and one line per table row
 * with the cells joined, so a task table keeps its tasks (a bare number in the first cell becomes
 * the line's marker `1.`); a header row of column labels (序号 | 工作任务 | 责任单位) is dropped, with
 * an info diagnostic.
 */
export async function readDocx(bytes: Uint8Array, label: string): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  let html: string;
  try {
    // Loaded on first use: most commands never read a .docx.
    const mammoth = (await import('mammoth')).default;
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw new PlandiffError('INPUT_UNREADABLE', `${label}: not a readable .docx file (${(error as Error).message})`);
  }
  return htmlBlocksToLines(load(html));
}

/** Block-level text of simple document HTML (mammoth's output), tables read row by row. */
export function htmlBlocksToLines($: CheerioAPI): { text: string; diagnostics: Diagnostic[] } {
  const lines: string[] = [];
  const headers: string[] = [];
  $('body')
    .children()
    .each((_, el) => {
      const node = $(el);
      if (el.type === 'tag' && el.name === 'table') {
        node.find('tr').each((_, tr) => {
          const cells = $(tr)
            .children('td,th')
            .map((_, td) => squash($(td).text()))
            .get()
            .filter((t) => t !== '');
          if (cells.length === 0) return;
          if (readDataRow(tr as unknown as DomNode)?.header) {
            headers.push(cells.join(' '));
            return;
          }
          if (/^[0-9０-９]{1,3}$/.test(cells[0] ?? '') && cells.length > 1) cells[0] = `${cells[0]}.`;
          lines.push(cells.join(' '));
        });
        return;
      }
      if (el.type === 'tag' && (el.name === 'ul' || el.name === 'ol')) {
        node.children('li').each((_, li) => {
          lines.push(squash($(li).text()));
        });
        return;
      }
      lines.push(squash(node.text()));
    });
  const diagnostics: Diagnostic[] = headers.length
    ? [
        {
          reason: `removed ${TABLE_HEADER_RULE.what} ×${headers.length} (first: “${headers[0]?.slice(0, 30)}”)`,
          ruleId: TABLE_HEADER_RULE.ruleId,
          severity: 'info',
          source: 'scrape',
        },
      ]
    : [];
  return { text: lines.filter((l) => l !== '').join('\n'), diagnostics };
}

function squash(text: string): string {
  return text.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
}
