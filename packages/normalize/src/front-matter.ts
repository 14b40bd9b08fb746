import type { Diagnostic, Notice } from '@plandiff/model';
import type { FrontPiece } from './build-tree.ts';
import { parseChineseDate } from './chinese-date.ts';
import { toComparisonForm } from './comparison-form.ts';
import { noticeEnd, opensNotice, readNotice } from './notice.ts';

/** What the text before the first numbered unit says about the plan. */
export interface FrontMatter {
  title?: string;
  notice?: Notice;
  attachments: string[];
  docNumber?: string;
  issuedOn?: string;
  issuer?: string;
  preamble: string;
}

/** A whitespace-separated piece of the front matter, with where it came from. */
export interface Segment {
  text: string;
  piece: number;
  start: number;
  end: number;
  line: number;
}

const SALUTATION_ONLY = /^(各位代表|各位委员|各位同志|同志们|代表们|女士们|先生们|朋友们)[、，,\s\S]{0,12}[！!：:]$/u;
/** An attachment marker (`附件：`, `附件1：《…》`). */
export const ATTACHMENT = /^附\s*件\s*\d*\s*[:：]?\s*(.*)$/u;
/** A document number (`泸教发〔2012〕5号`). */
export const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号/u;
const SPEAKER =
  /^(\S{2,20}?)\s*(总理|副总理|主任|书记|局长|厅长|市长|省长|县长|区长|部长|主席)(?:\s*[\u4e00-\u9fff]){0,4}\s*$/u;
const PERSON = /^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$/u;
const TITLE_WORD = /(要点|计划|报告|方案|意见|安排|规划|纲要|总结|规定|办法|决定|通知|细则|部署|思路|任务)$/u;
/** Words of a cover notice's body. */
export const NOTICE_WORDS = /现将|印发|转发|特此通知|通知如下|请认真|贯彻执行|遵照执行/u;

/** True when the segment is essentially a date (`二〇一二年二月九日`, `——2024年3月5日在…会议上`). */
export function dateLine(text: string): string | undefined {
  const date = parseChineseDate(text);
  if (!date) return undefined;
  if (text.length <= 16 || /^[-—–]{1,3}/u.test(text)) return date;
  return undefined;
}

/** A line that names the document (`2012年全市教育工作要点`, `政府工作报告`). */
export function titleLike(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= 60 &&
    !/[。；，,！？]/u.test(text) &&
    TITLE_WORD.test(text.replace(/[》”"]+$/u, ''))
  );
}

function segmentsOf(pieces: readonly FrontPiece[]): Segment[] {
  const segments: Segment[] = [];
  pieces.forEach((piece, index) => {
    const whole = piece.text;
    if (SPEAKER.test(whole) || PERSON.test(whole) || dateLine(whole) || titleLike(whole)) {
      segments.push({ text: whole, piece: index, start: 0, end: whole.length, line: piece.line });
      return;
    }
    const words = /\S+/gu;
    for (let m = words.exec(whole); m; m = words.exec(whole)) {
      segments.push({ text: m[0], piece: index, start: m.index, end: m.index + m[0].length, line: piece.line });
    }
  });
  return segments;
}

/**
 * Separates the front matter — everything before the first numbered unit — into the cover notice
 * (recipients line, body, date; a repeated copy is dropped with a `duplicate-notice` diagnostic),
 * attachment markers (`附件：`), title, date line, document number, issuer, and the preamble: the
 * text from the first segment that is none of these to the first unit.
 */
export function parseFrontMatter(pieces: readonly FrontPiece[], diagnostics: Diagnostic[]): FrontMatter {
  const segments = segmentsOf(pieces);
  const result: FrontMatter = { attachments: [], preamble: '' };
  const known: string[] = [];
  let noticeKey: string | undefined;
  let afterSpeaker = false;
  let i = 0;
  const sliceOf = (from: Segment, to: Segment): string =>
    from.piece === to.piece
      ? pieces[from.piece]!.text.slice(from.start, to.end)
      : [pieces[from.piece]!.text.slice(from.start), pieces[to.piece]!.text.slice(0, to.end)].join('\n');
  while (i < segments.length) {
    const segment = segments[i]!;
    const text = segment.text;
    const speakerWas = afterSpeaker;
    afterSpeaker = false;
    if (SALUTATION_ONLY.test(text)) {
      i++;
      continue;
    }
    if (/[:：]$/u.test(text) && !ATTACHMENT.test(text) && opensNotice(segments, i)) {
      const end = noticeEnd(segments, i);
      const key = toComparisonForm(
        segments
          .slice(i, end + 1)
          .map((s) => s.text)
          .join(''),
      );
      if (result.notice) {
        const same = key === noticeKey;
        diagnostics.push({
          reason: same
            ? 'the cover notice is printed twice; kept one copy'
            : 'a second, different cover notice was dropped',
          ruleId: 'duplicate-notice',
          severity: 'warning',
          place: { line: segment.line },
        });
      } else {
        noticeKey = key;
        result.notice = readNotice(segments, i, end, sliceOf, result, known);
      }
      i = end + 1;
      continue;
    }
    const attachment = ATTACHMENT.exec(text);
    if (attachment) {
      const name = attachment[1]!.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
      if (name && !result.attachments.includes(name)) result.attachments.push(name);
      if (name) known.push(name);
      i++;
      continue;
    }
    const date = dateLine(text);
    if (date) {
      result.issuedOn ??= date;
      i++;
      continue;
    }
    const docNumber = DOC_NUMBER.exec(text);
    if (docNumber && docNumber[0].length >= text.length - 2) {
      result.docNumber ??= docNumber[0];
      i++;
      continue;
    }
    const speaker = SPEAKER.exec(text);
    if (speaker) {
      result.issuer ??= speaker[1]!;
      afterSpeaker = true;
      i++;
      continue;
    }
    if (speakerWas && PERSON.test(text)) {
      i++;
      continue;
    }
    if (isFragmentOf(text, known)) {
      i++;
      continue;
    }
    if (titleLike(text) && result.title === undefined) {
      result.title = text;
      known.push(text);
      i++;
      continue;
    }
    const rest = [pieces[segment.piece]!.text.slice(segment.start)];
    for (let p = segment.piece + 1; p < pieces.length; p++) rest.push(pieces[p]!.text);
    result.preamble = rest.join('\n').trim();
    break;
  }
  const named = known.find((name) => titleLike(name));
  if (
    named !== undefined &&
    (result.title === undefined || toComparisonForm(named).includes(toComparisonForm(result.title)))
  ) {
    result.title = named;
  }
  if (result.title === undefined && known[0] !== undefined) result.title = known[0];
  return result;
}

/** A leftover piece of a title already known (the page printed `2012 年全市教育工作要点 2012`). */
function isFragmentOf(text: string, known: readonly string[]): boolean {
  const form = toComparisonForm(text);
  if (form === '') return true;
  return known.some((k) => toComparisonForm(k).includes(form));
}
