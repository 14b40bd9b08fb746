import type { Notice } from '@plandiff/model';
import { ATTACHMENT, dateLine, type FrontMatter, NOTICE_WORDS, type Segment } from './front-matter.ts';

/** How far after the recipients line the notice's date line is looked for. */
const NOTICE_SCAN = 40;

/** Whether the segment at `at` (ending in a colon) is followed by notice words: a recipients line. */
export function opensNotice(segments: readonly Segment[], at: number): boolean {
  for (let j = at + 1; j < segments.length && j <= at + 3; j++) if (NOTICE_WORDS.test(segments[j]!.text)) return true;
  return false;
}

/** Index of the notice's last segment: its date line, else the `特此通知` line, else the recipients. */
export function noticeEnd(segments: readonly Segment[], at: number): number {
  let fallback = at;
  for (let j = at + 1; j < segments.length && j <= at + NOTICE_SCAN; j++) {
    const text = segments[j]!.text;
    if (dateLine(text)) return j;
    if (/特此通知|通知如下/u.test(text)) fallback = j;
  }
  return fallback;
}

/** Reads recipients, body and date of the notice in segments `at..end`; records attachments and quoted names. */
export function readNotice(
  segments: readonly Segment[],
  at: number,
  end: number,
  sliceOf: (from: Segment, to: Segment) => string,
  result: FrontMatter,
  known: string[],
): Notice {
  const recipients = segments[at]!.text.replace(/[:：]$/u, '');
  let date: string | undefined;
  let bodyEnd = end;
  for (let j = at + 1; j <= end; j++) {
    const text = segments[j]!.text;
    const attachment = ATTACHMENT.exec(text);
    if (dateLine(text) || attachment) {
      if (bodyEnd === end) bodyEnd = j - 1;
      const found = dateLine(text);
      if (found) date ??= found;
      const name = attachment?.[1]?.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
      if (name) {
        if (!result.attachments.includes(name)) result.attachments.push(name);
        known.push(name);
      }
    }
  }
  const body = bodyEnd > at ? sliceOf(segments[at + 1]!, segments[bodyEnd]!) : '';
  for (const quoted of body.matchAll(/《([^》]{2,60})》/gu)) known.push(quoted[1]!);
  if (date) result.issuedOn ??= date;
  const notice: Notice = { recipients, body };
  if (date) notice.date = date;
  return notice;
}
