import { PlandiffError } from '@plandiff/model';
import { type CheerioAPI, load } from 'cheerio';

/**
 * Text of a .docx in reading order: one line per paragraph or heading, and one line per table row
 * with the cells joined, so a task table keeps its tasks (a bare number in the first cell becomes
 * the line's marker `1.`).
 */
export async function readDocx(bytes: Uint8Array, label: string): Promise<string> {
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
export function htmlBlocksToLines($: CheerioAPI): string {
  const lines: string[] = [];
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
  return lines.filter((l) => l !== '').join('\n');
}

function squash(text: string): string {
  return text.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
}
