import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

/** One text run of a Word paragraph: plain, inside a tracked insertion, or inside a tracked deletion. */
export interface DocxRun {
  mark: 'equal' | 'insert' | 'delete';
  text: string;
  author?: string;
  date?: string;
}

/** A Word paragraph as read back: its style, its runs, the comments that start in it, and a tracked paragraph mark. */
export interface DocxParagraph {
  style: string;
  runs: DocxRun[];
  comments: number[];
  mark?: 'insert' | 'delete';
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** The files of a .docx (a zip), XML parts checked well-formed. */
export function unzipDocx(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    const text = new TextDecoder().decode(data);
    if (/\.(xml|rels)$/.test(name)) {
      const valid = XMLValidator.validate(text);
      if (valid !== true) throw new Error(`${name} is not well-formed XML: ${JSON.stringify(valid.err)}`);
    }
    out[name] = text;
  }
  return out;
}

const tagOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: Node): Node[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as Node[]) : [];
};

function findAll(nodes: Node[], tag: string, out: Node[] = []): Node[] {
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    else findAll(childrenOf(node), tag, out);
  }
  return out;
}

const by = (attrs: Record<string, string>) => ({
  ...(attrs['w:author'] ? { author: attrs['w:author'] } : {}),
  ...(attrs['w:date'] ? { date: attrs['w:date'] } : {}),
});

function collectRuns(nodes: Node[], mark: DocxRun['mark'], attrs: Record<string, string>, out: DocxRun[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    const own = node[':@'] ?? {};
    if (tag === 'w:ins' || tag === 'w:del') {
      if (childrenOf(node).length) collectRuns(childrenOf(node), tag === 'w:ins' ? 'insert' : 'delete', own, out);
    } else if (tag === 'w:t' || tag === 'w:delText') {
      const text = childrenOf(node)
        .map((n) => String(n['#text'] ?? ''))
        .join('');
      out.push({ mark, text, ...by(attrs) });
    } else if (tag === 'w:br') {
      out.push({ mark, text: '\n', ...by(attrs) });
    } else if (tag !== 'w:pPr') {
      collectRuns(childrenOf(node), mark, attrs, out);
    }
  }
}

/** Reads the paragraphs of word/document.xml with their tracked changes. */
export function readParagraphs(documentXml: string): DocxParagraph[] {
  const paragraphs = findAll(parser.parse(documentXml) as Node[], 'w:p');
  return paragraphs.map((p) => {
    const children = childrenOf(p);
    const pPr = children.find((n) => tagOf(n) === 'w:pPr');
    const style = pPr ? (findAll(childrenOf(pPr), 'w:pStyle')[0]?.[':@']?.['w:val'] ?? '') : '';
    const rPr = pPr ? findAll(childrenOf(pPr), 'w:rPr')[0] : undefined;
    const markTag = rPr
      ? childrenOf(rPr)
          .map(tagOf)
          .find((t) => t === 'w:ins' || t === 'w:del')
      : undefined;
    const runs: DocxRun[] = [];
    collectRuns(children, 'equal', {}, runs);
    const comments = findAll(children, 'w:commentRangeStart').map((n) => Number(n[':@']?.['w:id']));
    return {
      style,
      runs,
      comments,
      ...(markTag ? { mark: markTag === 'w:ins' ? ('insert' as const) : ('delete' as const) } : {}),
    };
  });
}

/** A paragraph's text with every change accepted (the newer plan) or rejected (the older one). */
export function paragraphText(p: DocxParagraph, how: 'accept' | 'reject'): string {
  const dropped = how === 'accept' ? 'delete' : 'insert';
  return p.runs
    .filter((r) => r.mark !== dropped)
    .map((r) => r.text)
    .join('');
}

/** The comments of word/comments.xml: id → text (paragraphs joined by newlines), author. */
export function readComments(commentsXml: string): Map<number, { text: string; author: string }> {
  const out = new Map<number, { text: string; author: string }>();
  for (const node of findAll(parser.parse(commentsXml) as Node[], 'w:comment')) {
    const text = findAll(childrenOf(node), 'w:p')
      .map((p) =>
        findAll(childrenOf(p), 'w:t')
          .map((t) =>
            childrenOf(t)
              .map((n) => String(n['#text'] ?? ''))
              .join(''),
          )
          .join(''),
      )
      .join('\n');
    out.set(Number(node[':@']?.['w:id']), { text, author: node[':@']?.['w:author'] ?? '' });
  }
  return out;
}

/** Headless LibreOffice (Debian's libreoffice-writer), which converts a .docx as Word's users would see it. */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

/** Why LibreOffice tests must be skipped here, or undefined when they can run (in CI they always must). */
export function sofficeSkipReason(): string | undefined {
  if (SOFFICE || process.env.CI === 'true') return undefined;
  return 'soffice (LibreOffice) is missing (install Debian libreoffice-writer-nogui, or run .ci/run); skipping the .docx → PDF conversion test';
}

/** Converts a .docx to PDF with headless LibreOffice, in a private profile so parallel runs do not clash. */
export function convertToPdf(docx: string, outDir: string, profileDir: string): void {
  execFileSync(
    SOFFICE ?? 'soffice',
    [`-env:UserInstallation=file://${profileDir}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx],
    { stdio: 'pipe', timeout: 180_000 },
  );
}
