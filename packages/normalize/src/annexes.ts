import { ANNEX_LABEL, GLOSSARY_LABEL } from '@plandiff/lexicon';
import type { Annex } from '@plandiff/model';
import type { Ledger } from './ledger.ts';
import { readMarker } from './markers.ts';
import type { Paragraph } from './paragraphs.ts';

/** An annex's paragraphs before its tree is built. */
export interface AnnexPart {
  label: string;
  title: string;
  kind: Annex['kind'];
  line: number;
  paragraphs: Paragraph[];
}

/** An annex title line: short, no sentence punctuation, not a numbered unit. */
const TITLE_LINE = /^[^。；！？，,;!?]{2,40}$/u;

/**
 * Splits off the parts printed after the body with a tree of their own: attachments (`附件1`
 * `2026年省十件民生实事` …), glossaries (`名词解释`) and notes (`注释`). A label only opens an annex
 * once the body has begun (after the first numbered paragraph); in the front matter `附件：《…》`
 * names an attachment of the cover notice instead.
 */
export function splitAnnexes(
  paragraphs: readonly Paragraph[],
  ledger: Ledger,
): { body: Paragraph[]; annexes: AnnexPart[] } {
  const firstNumbered = paragraphs.findIndex((p) => readMarker(p.text, 0) !== undefined);
  const from = firstNumbered >= 0 ? firstNumbered + 1 : Math.ceil(paragraphs.length / 2);
  const body: Paragraph[] = [];
  const annexes: AnnexPart[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const text = paragraph.text.replace(/\n/g, '');
    const label = i >= from ? readLabel(text) : undefined;
    if (!label) {
      (annexes[annexes.length - 1]?.paragraphs ?? body).push(paragraph);
      continue;
    }
    ledger.keep(paragraph.line, 0, text);
    let title = label.title;
    const next = paragraphs[i + 1];
    const nextText = next?.text.replace(/\n/g, '') ?? '';
    if (title === '' && next && TITLE_LINE.test(nextText) && !readMarker(nextText, 0)) {
      title = nextText;
      ledger.keep(next.line, 0, nextText);
      i++;
    }
    const glossary = GLOSSARY_LABEL.exec(title) ?? GLOSSARY_LABEL.exec(label.label);
    const kind: Annex['kind'] = glossary ? (/注/u.test(glossary[1]!) ? 'notes' : 'glossary') : 'annex';
    annexes.push({ label: label.label, title: title || label.label, kind, line: paragraph.line, paragraphs: [] });
  }
  return { body, annexes };
}

function readLabel(text: string): { label: string; title: string } | undefined {
  const annex = ANNEX_LABEL.exec(text);
  if (annex) {
    const title = annex[2]!.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
    if (/[。；！？]/u.test(title)) return undefined;
    return { label: annex[1]!.replace(/\s+/gu, ''), title };
  }
  const glossary = GLOSSARY_LABEL.exec(text);
  return glossary ? { label: glossary[1]!.replace(/\s+/gu, ''), title: '' } : undefined;
}
