import { ATTACHMENT, DOC_NUMBER, dateLine, NOTICE_WORDS } from './front-matter.ts';
import { readMarker } from './markers.ts';

/** A salutation that opens a paragraph (`各位代表！`, `同志们：`); it closes the current item. */
export const SALUTATION =
  /^(各位代表|各位委员|各位同志|同志们|代表们|女士们|先生们|朋友们)[^。！!：:，,]{0,12}[！!：:]/u;

/** A salutation with nothing after it (`各位代表！`). */
export function isSalutationOnly(text: string): boolean {
  const match = SALUTATION.exec(text);
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
    dateLine(line) === undefined &&
    !NOTICE_WORDS.test(line) &&
    !DOC_NUMBER.test(line) &&
    !ATTACHMENT.test(line)
  );
}

/** Words that open narrative sentences (time, subject, connective), never a task's topic sentence. */
export const NARRATIVE_OPENING =
  /^(今年|明年|去年|今后|过去|目前|当前|近年|近期|同时|此外|另外|总之|我们|我国|这|那|各级|各地|为了|为此|随着|在)/u;

/**
 * A topic paragraph opens with a short, comma-free sentence that names a task (`加强精神文明建设。`),
 * not with a narrative sentence (`今年将开展“十五五”规划编制工作。`).
 */
export function isTopicParagraph(text: string): boolean {
  const end = text.search(/[。！？]/u);
  if (end <= 0 || end > 30) return false;
  const sentence = text.slice(0, end);
  return !/[，,；;：:]/u.test(sentence) && !NARRATIVE_OPENING.test(sentence);
}

/** A paragraph that opens like narrative (`今年将开展…`, `我们要…`, `过去一年，…`), not like a task. */
export function isNarrativeParagraph(text: string): boolean {
  return NARRATIVE_OPENING.test(text);
}
