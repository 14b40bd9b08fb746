/** Stems that precede 市/省/县/区 without being place names (`自治区`, `全市`, `开发区`). */
const NOT_PLACES = new Set(
  '自治 直辖 行政 城市 地级 县级 省级 市级 区级 城区 市区 社区 园区 新区 开发 经济 示范 试验 保护 风景 贫困 民族 边境 沿海 各省 全省 全市 全县 全区 本市 本省 本县 本区 我市 我省 我县 我区 该市 两市 大中 中小 特别 各地 地区 山区 牧区 灾区 景区 片区 城乡 省会 各区 各市 各县'.split(
    ' ',
  ),
);
/** Distinct candidate names counted; real plans name a handful. */
const MAX_CANDIDATES = 50;
// 市场, 区域, 区别, 省级 … are words, not a place's suffix.
const PLACE = /([\u4e00-\u9fff]{2,3})(?=[市省县区](?![场域别分间份级划内外长]))/gu;
/** A stem ending in these makes a generic word with 市/省/县/区 (`全市`, `各县`, `本区`). */
const GENERIC_END = /[全各本我该每两外内市省县区地乡镇村]$/u;
/** Characters that never occur in a place name's stem (function words, dates, counters). */
const NOT_IN_NAME = /[市省县区某年月日的在和与及等个了是为对把将要由从向以其之各全本我该和或]/u;

/**
 * The region a plan belongs to. From the issuer when it starts with a place (`泸州市教育局` → 泸州);
 * otherwise a place name is a 2–3 character stem printed before 市/省/县/区 somewhere in the text
 * at least twice (once, when the title opens with it), that also appears in the title, notice or preamble; the most frequent such stem wins.
 */
export function deriveRegion(issuer: string | undefined, front: string, body: string): string | undefined {
  if (issuer) {
    const match = /^([\u4e00-\u9fff]{2,3}?)[市省县区]/u.exec(issuer);
    if (match && !NOT_PLACES.has(match[1]!)) return match[1];
  }
  const counts = new Map<string, number>();
  for (const text of [front, body]) {
    PLACE.lastIndex = 0;
    for (let m = PLACE.exec(text); m; m = PLACE.exec(text)) {
      const word = m[1]!;
      for (const stem of word.length === 3 ? [word, word.slice(1)] : [word]) {
        if (NOT_PLACES.has(stem) || GENERIC_END.test(stem) || NOT_IN_NAME.test(stem)) continue;
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
  return best;
}

function countOf(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

function countAsPlace(text: string, stem: string): number {
  return text.match(new RegExp(`${stem}[市省县区](?![场域别分间份级划内外长])`, 'gu'))?.length ?? 0;
}
