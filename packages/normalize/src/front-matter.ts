import {
  ATTACHMENT,
  DOC_NUMBER,
  MEETING,
  PERSON,
  SALUTATION_ONLY,
  SPEAKER,
  SUBTITLE,
  TITLE_END,
} from '@plandiff/lexicon';
import type { Diagnostic, Notice } from '@plandiff/model';
import { parseChineseDate } from './chinese-date.ts';
import { toComparisonForm } from './comparison-form.ts';
import { dateLine } from './date-line.ts';
import type { Ledger } from './ledger.ts';
import { type NoticeFinds, noticeEnd, opensNotice, readNotice } from './notice.ts';
import type { FrontPiece, Segment } from './types.ts';
import { foldVariants } from './variants.ts';

/** What the text before the first numbered unit says about the plan. */
export interface FrontMatter {
  title?: string;
  subtitle?: string;
  notice?: Notice;
  attachments: string[];
  docNumber?: string;
  issuedOn?: string;
  issuer?: string;
  speaker?: string;
  preamble: string;
  /** The text of the title block (title, subtitle, speaker, date lines), where the meeting and its place are named. */
  block: string;
}

/** A line of a title printed over several lines: short, no sentence punctuation. */
const TITLE_PIECE = /^[^。；！？，,;!?：:]{2,40}$/u;
/** How a subtitle broken over two lines ends (`…第十四届` / `人民代表大会第五次会议上`). */
const SUBTITLE_END = /(上|报告|讲话|发言|会议|大会)[）)]?$/u;

/** A line that names the document (`2012年全市教育工作要点`, `政府工作报告`, `城市管理条例`, `工作要點`). */
export function titleLike(text: string): boolean {
  return (
    text.length >= 4 &&
    text.length <= 60 &&
    !/[。；，,！？]/u.test(text) &&
    !SUBTITLE.pattern.test(text) &&
    (TITLE_END.pattern.test(text.replace(/[》”"]+$/u, '')) ||
      TITLE_END.pattern.test(foldVariants(text.replace(/[》”"]+$/u, ''))))
  );
}

/** Whether a front piece is read whole (a title, subtitle, date or speaker line) rather than cut at spaces. */
function wholeLine(text: string): boolean {
  return (
    SPEAKER.pattern.test(text) ||
    PERSON.pattern.test(text) ||
    dateLine(text) !== undefined ||
    titleLike(text) ||
    SUBTITLE.pattern.test(text) ||
    TITLE_PIECE.test(text) ||
    isNote(text)
  );
}

/** A bracketed note under a title holding a date (`（2012年5月30日…会议通过　2019年9月27日修正）`). */
function isNote(text: string): boolean {
  return text.length <= 160 && /^[（(][^（()）]+[）)]$/u.test(text) && parseChineseDate(text) !== undefined;
}

function segmentsOf(pieces: readonly FrontPiece[]): Segment[] {
  const segments: Segment[] = [];
  pieces.forEach((piece, index) => {
    const whole = piece.text;
    const endLine = piece.endLine ?? piece.line;
    if (wholeLine(whole)) {
      segments.push({
        text: whole,
        piece: index,
        start: 0,
        end: whole.length,
        line: piece.line,
        endLine,
        offset: piece.offset,
      });
      return;
    }
    const words = /\S+/gu;
    for (let m = words.exec(whole); m; m = words.exec(whole)) {
      segments.push({
        text: m[0],
        piece: index,
        start: m.index,
        end: m.index + m[0].length,
        line: piece.line,
        endLine,
        offset: piece.offset + m.index,
      });
    }
  });
  return segments;
}

/**
 * Separates the front matter — everything before the first numbered unit — into the cover notice
 * (recipients line, body, date; a repeated copy is dropped with a `duplicate-notice` diagnostic),
 * attachment markers (`附件：`), the title block (title as printed, also over several lines; a
 * `——…` subtitle; date or meeting line; document number; speaker line giving issuer and speaker),
 * and the preamble: the text from the first segment that is none of these to the first unit.
 * Every segment is accounted in the ledger.
 */
export function parseFrontMatter(
  pieces: readonly FrontPiece[],
  diagnostics: Diagnostic[],
  ledger: Ledger,
): FrontMatter {
  const segments = segmentsOf(pieces);
  const result: FrontMatter = { attachments: [], preamble: '', block: '' };
  const known: string[] = [];
  const block: string[] = [];
  /** Title-block lines seen before the title is settled (a title printed over two lines). */
  let pending: Segment[] = [];
  let noticeKey: string | undefined;
  let afterSpeaker = false;
  let i = 0;
  const sliceOf = (from: Segment, to: Segment): string =>
    from.piece === to.piece
      ? pieces[from.piece]!.text.slice(from.start, to.end)
      : [pieces[from.piece]!.text.slice(from.start), pieces[to.piece]!.text.slice(0, to.end)].join('\n');
  const meta = (ruleId: string, what: string, segment: Segment): void => {
    ledger.drop(ruleId, what, segment.line, segment.text, segment.offset, segment.endLine);
    block.push(segment.text);
    i++;
  };
  const dropPending = (what: string): void => {
    for (const s of pending) ledger.drop('front-fragment', what, s.line, s.text, s.offset);
  };
  /** Title lines waiting for a subtitle, date or speaker line become the title. */
  const settlePending = (): void => {
    if (pending.length === 0) return;
    if (result.title === undefined) {
      result.title = pending.map((s) => s.text).join(' ');
      for (const s of pending) ledger.keep(s.line, s.offset, s.text);
      block.push(result.title);
    } else for (const s of pending) ledger.drop('front-fragment', 'line above the title', s.line, s.text, s.offset);
    pending = [];
  };
  while (i < segments.length) {
    const segment = segments[i]!;
    const text = segment.text;
    const speakerWas = afterSpeaker;
    afterSpeaker = false;
    if (SALUTATION_ONLY.pattern.test(text)) {
      settlePending();
      meta('salutation', 'salutation', segment);
      continue;
    }
    if (/[:：]$/u.test(text) && !ATTACHMENT.pattern.test(text) && opensNotice(segments, i)) {
      dropPending('line above the notice');
      pending = [];
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
          place:
            segments[end]!.endLine > segment.line
              ? { line: segment.line, endLine: segments[end]!.endLine }
              : { line: segment.line },
        });
        for (const s of segments.slice(i, end + 1))
          ledger.drop('duplicate-notice', 'repeated notice', s.line, s.text, s.offset, s.endLine);
      } else {
        noticeKey = key;
        const finds: NoticeFinds = { attachments: result.attachments, known };
        result.notice = readNotice(segments, i, end, sliceOf, finds, ledger);
        if (finds.issuedOn) result.issuedOn ??= finds.issuedOn;
      }
      i = end + 1;
      continue;
    }
    const attachment = ATTACHMENT.pattern.exec(text);
    if (attachment) {
      const name = attachment[1]!.replace(/^[《“"]+|[》”"]+$/gu, '').trim();
      if (name && !result.attachments.includes(name)) result.attachments.push(name);
      if (name) known.push(name);
      if (name) ledger.keep(segment.line, segment.offset, text);
      else ledger.drop('front-attachment', 'bare attachment marker', segment.line, text, segment.offset);
      i++;
      continue;
    }
    if (
      SUBTITLE.pattern.test(text) ||
      // Meeting words may be printed in traditional characters (`第四次会議上`).
      (MEETING.pattern.test(foldVariants(text)) && dateLine(text)) ||
      (isNote(text) && text.length > 20)
    ) {
      settlePending();
      const parts = [segment];
      const next = segments[i + 1];
      if (!SUBTITLE_END.test(text) && next && TITLE_PIECE.test(next.text) && SUBTITLE_END.test(next.text))
        parts.push(next);
      const subtitle = parts.map((s) => s.text).join('');
      result.subtitle = result.subtitle ? `${result.subtitle} ${subtitle}` : subtitle;
      const date = dateLine(subtitle) ?? parseChineseDate(subtitle);
      if (date) result.issuedOn ??= date;
      for (const s of parts) ledger.keep(s.line, s.offset, s.text);
      block.push(subtitle);
      i += parts.length;
      continue;
    }
    const date = dateLine(text);
    if (date) {
      settlePending();
      result.issuedOn ??= date;
      meta('front-date', 'date line (issuedOn)', segment);
      continue;
    }
    const docNumber = DOC_NUMBER.pattern.exec(text);
    if (docNumber && docNumber[0].length >= text.length - 4) {
      result.docNumber ??= docNumber[0];
      meta('front-doc-number', 'document number (docNumber)', segment);
      continue;
    }
    const speaker = SPEAKER.pattern.exec(text);
    if (speaker && (speaker[1] !== '' || speaker[3] !== '')) {
      settlePending();
      if (speaker[1]) result.issuer ??= speaker[1];
      const name = speaker[3]!.replace(/\s+/gu, '');
      if (name) result.speaker ??= name;
      afterSpeaker = name === '';
      meta('front-speaker', 'speaker line (issuer, speaker)', segment);
      continue;
    }
    if (
      (speakerWas || result.subtitle !== undefined || result.issuedOn !== undefined) &&
      PERSON.pattern.test(text) &&
      result.speaker === undefined &&
      !result.notice
    ) {
      settlePending();
      result.speaker = text.replace(/\s+/gu, '');
      meta('front-speaker', 'speaker line (issuer, speaker)', segment);
      continue;
    }
    if (isFragmentOf(text, known)) {
      meta('front-fragment', 'piece of the title printed apart', segment);
      continue;
    }
    if (titleLike(text) && result.title === undefined) {
      dropPending('line above the title');
      pending = [];
      result.title = text;
      known.push(text);
      ledger.keep(segment.line, segment.offset, text);
      block.push(text);
      i++;
      continue;
    }
    if (
      !result.notice &&
      result.subtitle === undefined &&
      TITLE_PIECE.test(text) &&
      pending.length < 3 &&
      segment.start === 0
    ) {
      pending.push(segment);
      i++;
      continue;
    }
    // The preamble: from here (or from title lines nothing confirmed) to the first unit.
    const from = pending[0] ?? segment;
    pending = [];
    const rest = [pieces[from.piece]!.text.slice(from.start)];
    ledger.keep(from.line, from.offset, rest[0]!);
    for (let p = from.piece + 1; p < pieces.length; p++) {
      rest.push(pieces[p]!.text);
      ledger.keep(pieces[p]!.line, pieces[p]!.offset, pieces[p]!.text);
    }
    result.preamble = rest.join('\n').trim();
    break;
  }
  settlePending();
  const named = known.find((name) => titleLike(name));
  if (
    named !== undefined &&
    (result.title === undefined || toComparisonForm(named).includes(toComparisonForm(result.title)))
  ) {
    result.title = named;
  }
  if (result.title === undefined && known[0] !== undefined) result.title = known[0];
  result.block = block.join('\n');
  return result;
}

/** A leftover piece of a title already known (the page printed `2012 年全市教育工作要点 2012`). */
function isFragmentOf(text: string, known: readonly string[]): boolean {
  const form = toComparisonForm(text);
  if (form === '') return true;
  return known.some((k) => toComparisonForm(k).includes(form));
}
