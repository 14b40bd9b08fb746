import {
  CONGRESS_PLACE,
  NATIONAL_MARKERS,
  NOT_PLACE_STEMS,
  PLACE_SUFFIXES,
  PROVINCES,
  SCOPE_WORDS,
} from '@plandiff/lexicon';
import { foldVariants } from './variants.ts';

/** Where a plan's region can be read from. */
export interface RegionEvidence {
  /** The title block: title, subtitle or meeting line, speaker line. */
  block: string;
  title: string;
  issuer?: string | undefined;
  /** Title, notice and preamble. */
  front: string;
  /** A sample of the body. */
  body: string;
}

/** Distinct candidate names counted; real plans name a handful. */
const MAX_CANDIDATES = 50;
// 市场, 区域, 区别, 省级 … are words, not a place's suffix.
const PLACE = /([\u4e00-\u9fff]{2,3})(?=[市省县区](?![场域别分间份级划内外长]))/gu;
/** A stem ending in these makes a generic word with 市/省/县/区 (`全市`, `各县`, `本区`). */
const GENERIC_END = /[全各本我该每两外内市省县区地乡镇村]$/u;
/** Characters that never occur in a place name's stem (function words, dates, counters). */
const NOT_IN_NAME = /[市省县区某年月日的在和与及等个了是为对把将要由从向以其之各全本我该或国]/u;
const SUFFIX = new RegExp(`(?:${PLACE_SUFFIXES.join('|')})$`, 'u');
/** A place name at the start of a title or issuer: `四川省`, `泸州市`, `延边朝鲜族自治州`, `成都市武侯区`. */
const LEADING_PLACE = new RegExp(
  `^(?:[0-9０-９]{4}\\s*年\\s*)?((?:[\\u4e00-\\u9fff]{2,8}?(?:${PLACE_SUFFIXES.join('|')})){1,2}?)(?=人民政府|政府|人大|党委|委员会|教育|工作|[\\u4e00-\\u9fff]{2,}(?:局|厅|委|办))`,
  'u',
);

/**
 * The region a plan belongs to, as its full name (`内蒙古自治区`, `黑龙江省`, `泸州市`), or none for
 * a national document. Read, in order, from the meeting the report was delivered at
 * (`在云南省第十四届人民代表大会…` → 云南省; `全国人民代表大会` → national), the place the title or
 * issuer opens with, a province the title block names, and last from the body: a 2–3 character stem
 * printed before 市/省/县/区 at least twice that the front matter also names, where the text speaks
 * of its own area (`全省`, `我市`) more than of the country.
 */
export function deriveRegion(evidence: RegionEvidence): string | undefined {
  const block = foldVariants(evidence.block);
  const title = foldVariants(evidence.title);
  const issuer = foldVariants(evidence.issuer ?? '');
  const congress = CONGRESS_PLACE.exec(block);
  if (NATIONAL_MARKERS.test(block) || NATIONAL_MARKERS.test(issuer) || /中华人民共和国|全国/u.test(title)) {
    return undefined;
  }
  if (congress && !/全国|中国共产党$/u.test(congress[1]!)) return fullName(congress[1]!);
  for (const text of [title, issuer]) {
    const place = leadingPlace(text);
    if (place) return place;
  }
  for (const [full, short] of PROVINCES) if (block.includes(short) || title.includes(short)) return full;
  return regionFromBody(foldVariants(evidence.front), foldVariants(evidence.body));
}

/** The full name of a place printed by its short name (`内蒙古` → `内蒙古自治区`); other names as printed. */
function fullName(place: string): string {
  for (const [full, short] of PROVINCES) if (place === short || place === full) return full;
  return place;
}

function leadingPlace(text: string): string | undefined {
  for (const [full, short] of PROVINCES) {
    if (new RegExp(`^(?:[0-9０-９]{4}\\s*年\\s*)?(${full}|${short})`, 'u').test(text)) return full;
  }
  const match = LEADING_PLACE.exec(text);
  if (!match) return undefined;
  const place = match[1]!;
  const stem = place.replace(SUFFIX, '');
  if (NOT_PLACE_STEMS.has(stem) || GENERIC_END.test(stem) || NOT_IN_NAME.test(stem)) return undefined;
  return place;
}

function regionFromBody(front: string, body: string): string | undefined {
  let scope = 0;
  for (const _ of `${front}\n${body}`.matchAll(SCOPE_WORDS)) scope++;
  const national = countOf(front, '全国') + countOf(body, '全国');
  if (national > scope) return undefined;
  const counts = new Map<string, number>();
  for (const text of [front, body]) {
    PLACE.lastIndex = 0;
    for (let m = PLACE.exec(text); m; m = PLACE.exec(text)) {
      const word = m[1]!;
      for (const stem of word.length === 3 ? [word, word.slice(1)] : [word]) {
        if (NOT_PLACE_STEMS.has(stem) || GENERIC_END.test(stem) || NOT_IN_NAME.test(stem)) continue;
        if (counts.has(stem) || counts.size >= MAX_CANDIDATES || !front.includes(stem)) continue;
        counts.set(stem, countOf(front, stem) + countOf(body, stem));
      }
      PLACE.lastIndex = m.index + 1;
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [stem, count] of counts) {
    // A place is printed with its 市/省/县/区 more than once; a verb like 加强 before 区 happens by chance.
    const opensFront = front.trimStart().startsWith(stem);
    if (!opensFront && countAsPlace(front, stem) + countAsPlace(body, stem) < 2) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && stem.length > best.length)) {
      best = stem;
      bestCount = count;
    }
  }
  if (!best) return undefined;
  for (const [full, short] of PROVINCES) if (best === short) return full;
  return `${best}${suffixOf(`${front}\n${body}`, best)}`;
}

/** The suffix a stem is printed with most often (`泸州` → `市`). */
function suffixOf(text: string, stem: string): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(new RegExp(`${stem}([市省县区])`, 'gu')))
    counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function countOf(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

function countAsPlace(text: string, stem: string): number {
  return text.match(new RegExp(`${stem}[市省县区](?![场域别分间份级划内外长])`, 'gu'))?.length ?? 0;
}
