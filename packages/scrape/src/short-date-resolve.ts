import { POSTING_DATE_LABELS } from '@plandiff/lexicon';
import type { Diagnostic } from '@plandiff/model';
import type { Block } from './blocks.ts';
import type { DateContext, Scored } from './find-date.ts';
import { type DateMatch, validDate } from './parse-date.ts';
import { readShortDate, type ShortDate, shortDateIso } from './short-dates.ts';

/** A label followed by a date printed without its full year (`发布时间：18-03-08`, `日期：10-08`). */
const SHORT_LABEL = new RegExp(`(${POSTING_DATE_LABELS.join('|')})\\s*[:：]\\s*`, 'gu');

/** A short date found after a label, with the score its place earns. */
export interface ShortFind {
  block: Block;
  date: ShortDate;
  score: number;
}

/** Short dates after a label in a metadata line (`发布时间：18-03-08`, `日期：10-08`). */
export function collectShort(block: Block, out: ShortFind[], position: number): void {
  for (const m of block.text.matchAll(SHORT_LABEL)) {
    const date = readShortDate(block.text.slice((m.index ?? 0) + m[0].length));
    if (!date) continue;
    out.push({ block, date, score: (/发布|发表/.test(m[1] ?? '') ? 4 : 3.5) + 1 + position });
    return;
  }
}

/**
 * Dates a label gives without a full year: a two-digit year is read as is; a month-day stamp takes
 * its year from the page — its URL's date, else the year most full dates on the page carry, else
 * the title's — with a diagnostic saying where the year came from.
 */
export function resolveShort(
  shorts: readonly ShortFind[],
  scored: Scored[],
  blocks: readonly Block[],
  datesIn: readonly (readonly DateMatch[])[],
  ctx: DateContext,
  diagnostics: Diagnostic[],
): void {
  let page: { year: number; from: string } | undefined | null = null; // read once, on first need
  for (const { block, date, score } of shorts) {
    let year = date.year;
    let from = '';
    if (year === undefined) {
      if (page === null) page = pageYear(blocks, datesIn, ctx);
      const found = page;
      if (!found) {
        diagnostics.push(
          info(`date “${date.text}” has no year and the page shows none; ignored`, 'scrape-date-no-year'),
        );
        continue;
      }
      year = found.year;
      from = found.from;
    }
    const iso = shortDateIso(date, year);
    if (!iso) continue;
    if (from)
      diagnostics.push(info(`date “${date.text}” has no year; took ${year} from ${from}`, 'scrape-date-year-inferred'));
    else diagnostics.push(info(`two-digit year in “${date.text}” read as ${year}`, 'scrape-date-two-digit-year'));
    scored.push({ iso, score, order: block.index, signing: false });
  }
}

/** The year the page is clearly about: its URL's date, its full dates' usual year, its title's year. */
function pageYear(
  blocks: readonly Block[],
  datesIn: readonly (readonly DateMatch[])[],
  ctx: DateContext,
): { year: number; from: string } | undefined {
  const urlDate = ctx.url ? dateInUrl(ctx.url) : undefined;
  if (urlDate) return { year: Number(urlDate.slice(0, 4)), from: 'the page URL' };
  const urlYear = ctx.url ? /\/((?:19|20)\d{2})(?:0[1-9]|1[0-2])?\//.exec(ctx.url)?.[1] : undefined;
  if (urlYear) return { year: Number(urlYear), from: 'the page URL' };
  const counts = new Map<number, number>();
  for (const dates of datesIn)
    for (const d of dates) {
      const y = Number(d.iso.slice(0, 4));
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (top && top[1] > ([...counts].filter(([y]) => y !== top[0]).reduce((s, [, n]) => s + n, 0) || 0))
    return { year: top[0], from: 'the other dates on the page' };
  const title = ctx.titleIndex >= 0 ? blocks[ctx.titleIndex]?.text : undefined;
  const titleYear = title ? /((?:19|20)\d{2})\s*年/.exec(title)?.[1] : undefined;
  if (titleYear) return { year: Number(titleYear), from: 'the title' };
  return undefined;
}

/**
 * A date stamped in a URL path: `/201202/t20120209_99.html`, `/2012-02-09/`, or with separators
 * and no leading zeros, `/art/2017/5/12/art_1_2.html` (a common government CMS).
 */
export function dateInUrl(url: string): string | undefined {
  const stamps = [
    ...url.matchAll(/(?:^|[^0-9])(20\d{2}|19\d{2})[-/_]?(0[1-9]|1[0-2])[-/_]?([0-2][0-9]|3[01])(?![0-9])/g),
    ...url.matchAll(/\/((?:19|20)\d{2})[-/_](1[0-2]|0?[1-9])[-/_](3[01]|[12][0-9]|0?[1-9])(?=[/_.-])/g),
  ];
  for (const m of stamps) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // An id that looks like a stamp (`c20190231`, `t20120200`) is no date: try the next.
    if (validDate(y, mo, d)) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

function info(reason: string, ruleId: string): Diagnostic {
  return { reason, ruleId, severity: 'info', source: 'scrape' };
}
