import { ATTACHMENT, DOC_NUMBER, NARRATIVE_OPENING, NOTICE_WORDS, SALUTATION } from '@plandiff/lexicon';
import { dateLine } from './date-line.ts';
import { readEnumeration, readMarker } from './markers.ts';

/** A salutation with nothing after it (`各位代表！`). */
export function isSalutationOnly(text: string): boolean {
  const match = SALUTATION.pattern.exec(text);
  return match !== null && text.slice(match[0].length).trim() === '';
}

/** A short line without sentence punctuation or number that heads what follows (`结束语`). */
export function isHeadingLine(text: string): boolean {
  const line = text.replace(/\n/g, '');
  return (
    line.length >= 2 &&
    line.length <= 30 &&
    !/[。，；：！？,;:!?]/u.test(line) &&
    /[\u4e00-\u9fff]{2}/u.test(line) &&
    readMarker(line, 0) === undefined &&
    readEnumeration(line) === undefined &&
    dateLine(line) === undefined &&
    !NOTICE_WORDS.pattern.test(line) &&
    !DOC_NUMBER.pattern.test(line) &&
    !ATTACHMENT.pattern.test(line)
  );
}

/**
 * A topic paragraph opens with a short, comma-free sentence that names a task (`加强精神文明建设。`),
 * not with a narrative sentence (`今年将开展“十五五”规划编制工作。`).
 */
export function isTopicParagraph(text: string): boolean {
  const end = text.search(/[。！？]/u);
  if (end <= 0 || end > 30) return false;
  const sentence = text.slice(0, end);
  return !/[，,；;：:]/u.test(sentence) && !NARRATIVE_OPENING.pattern.test(sentence);
}

/** A paragraph that opens like narrative (`今年将开展…`, `我们要…`, `过去一年，…`), not like a task. */
export function isNarrativeParagraph(text: string): boolean {
  return NARRATIVE_OPENING.pattern.test(text);
}
