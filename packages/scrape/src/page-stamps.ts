import { type DomNode, findAll, textOf } from './dom.ts';
import { findDates } from './parse-date.ts';

/** A publication stamp the page carries outside its visible text. */
export interface PageStamp {
  iso: string;
  /** Where it was read: a meta tag, a page script's publish-time variable, a `<time>` element. */
  from: 'meta' | 'script' | 'time';
}

const META_NAMES =
  /^(pubdate|publishdate|publish_date|publish-date|publishtime|publish_time|pubtime|published_time|publication_date|article:published_time|og:article:published_time|og:published_time|og:release_date|datepublished|dc\.date|dc\.date\.issued|dc\.date\.created|dcterms\.issued|dcterms\.created|date|firstpublishedtime|releasedate|release_date|sdate|created|createdate|create_time|weibo:article:create_at|article\.published|parsely-pub-date|sailthru\.date|citation_publication_date|citation_date|contentdate|articledate|maketime)$/i;

// Publish-time variables page scripts set: WeChat `var ct = "1581517074"`, `publish_time`,
// `"datePublished": "…"` in JSON-LD, `pubDate = '2020-02-12'`. Only these names count: other
// dates in scripts (a banner clock, `var updated`) say nothing about the article.
const SCRIPT_STAMP =
  /(?:^|[\s,;{(.])["']?(ct|publish_?time|publishTime|publish_?date|publishDate|pub_?time|pubTime|pub_?date|pubDate|datePublished|create_?time|createTime|ori_?create_?time|article_?time|releaseTime|release_?date)["']?\s*[:=]\s*(?:"([^"\n]{1,40})"|'([^'\n]{1,40})'|(\d{10}(?:\d{3})?)(?!\d))/g;

const SCRIPT_TAG = new Set(['script']);
const META_TAG = new Set(['meta']);
const TIME_TAG = new Set(['time']);

/** Publish stamps from `<meta>` tags, page scripts and `<time datetime>` elements, in that order. */
export function findPageStamps(root: DomNode): PageStamp[] {
  const out: PageStamp[] = [];
  for (const meta of findAll(root, META_TAG)) {
    const a = meta.attribs ?? {};
    const name = a.name ?? a.property ?? a.itemprop ?? a['http-equiv'] ?? '';
    if (!META_NAMES.test(name.trim())) continue;
    const iso = readStamp(a.content ?? '');
    if (iso) out.push({ iso, from: 'meta' });
  }
  for (const script of findAll(root, SCRIPT_TAG)) {
    const code = (script.children ?? []).map((c) => c.data ?? '').join('');
    if (code.length > 500_000) continue;
    for (const m of code.matchAll(SCRIPT_STAMP)) {
      const iso = readStamp(m[2] ?? m[3] ?? m[4] ?? '');
      if (iso) {
        out.push({ iso, from: 'script' });
        break;
      }
    }
  }
  for (const time of findAll(root, TIME_TAG)) {
    const a = time.attribs ?? {};
    if (!('pubdate' in a) && !/pub|publish|date/i.test(`${a.class ?? ''} ${a.itemprop ?? ''}`)) continue;
    const iso = readStamp(a.datetime ?? textOf(time));
    if (iso) out.push({ iso, from: 'time' });
  }
  return out;
}

/**
 * A stamp's date: a written date, or a Unix time in seconds (10 digits) or milliseconds (13),
 * read on the calendar of China (UTC+8), where the pages are published.
 */
export function readStamp(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{10}$|^\d{13}$/.test(v)) {
    const ms = v.length === 10 ? Number(v) * 1000 : Number(v);
    const d = new Date(ms + 8 * 3600_000);
    const year = d.getUTCFullYear();
    if (year < 1995 || year > 2100) return undefined;
    return d.toISOString().slice(0, 10);
  }
  return findDates(v)[0]?.iso;
}
