import { ATTACHMENT, NOTICE_WORDS } from '@plandiff/lexicon';
import type { Notice } from '@plandiff/model';
import { dateLine } from './date-line.ts';
import type { Ledger } from './ledger.ts';
import type { Segment } from './types.ts';

/** How far after the recipients line the notice's date line is looked for. */
const NOTICE_SCAN = 40;

/** Whether the segment at `at` (ending in a colon) is followed by notice words: a recipients line. */
export function opensNotice(segments: readonly Segment[], at: number): boolean {
  for (let j = at + 1; j < segments.length && j <= at + 3; j++) {
    if (NOTICE_WORDS.pattern.test(segments[j]!.text)) return true;
  }
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

/** What reading a notice found besides the notice itself. */
export interface NoticeFinds {
  attachments: string[];
  /** Names quoted in the notice (`《2012年全市教育工作要点》`): the plan's title, or pieces of it. */
  known: string[];
  issuedOn?: string;
}

/**
 * Reads recipients, body and date of the notice in segments `at..end`, recording attachments and
 * quoted names; every segment is accounted in the ledger (the date line as metadata).
 */
export function readNotice(
  segments: readonly Segment[],
  at: number,
  end: number,
  sliceOf: (from: Segment, to: Segment) => string,
  finds: NoticeFinds,
  ledger: Ledger,
): Notice {
  const recipients = segments[at]!.text.replace(/[:：]$/u, '');
  let date: string | undefined;
  let bodyEnd = end;
  for (let j = at; j <= end; j++) {
    const segment = segments[j]!;
    const text = segment.text;
    const found = j > at ? dateLine(text) : undefined;
    const attachment = j > at ? ATTACHMENT.pattern.exec(text) : null;
    if (found) ledger.drop('front-date', 'date line (issuedOn)', segment.line, text, segment.offset);
    else ledger.keep(segment.line, segment.offset, text);
    if (found || attachment) {
      if (bodyEnd === end) bodyEnd = j - 1;
      if (found) date ??= found;
      const name = attachment?.[1]?.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
      if (name) {
        if (!finds.attachments.includes(name)) finds.attachments.push(name);
        finds.known.push(name);
      }
    }
  }
  const body = bodyEnd > at ? sliceOf(segments[at + 1]!, segments[bodyEnd]!) : '';
  for (const quoted of body.matchAll(/《([^》]{2,60})》/gu)) finds.known.push(quoted[1]!);
  if (date) finds.issuedOn ??= date;
  const notice: Notice = { recipients, body };
  if (date) notice.date = date;
  return notice;
}
