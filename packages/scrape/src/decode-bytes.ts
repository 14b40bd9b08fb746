import chardet from 'chardet';

/** Which evidence decided a page's encoding. */
export type EncodingSource = 'bom' | 'http' | 'meta' | 'detector' | 'default';

/** Decoded text, the encoding used and which evidence chose it. */
export interface DecodedText {
  text: string;
  encoding: string;
  encodingSource: EncodingSource;
}

/** Maps a charset label to the decoder we use; GBK/GB2312 decode as GB18030, their superset. */
export function canonicalEncoding(label: string): string | undefined {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (/^(gb_?2312|gbk|gb18030|x-gbk|cp936|euc-cn|csgb2312|chinese|iso-ir-58|windows-936|hz-gb-2312)/.test(l))
    return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)/.test(l)) return 'big5';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(utf-?16le|utf-?16)$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

/** Reads the charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1];
}

/** Finds `<meta charset>` or `<meta http-equiv=Content-Type content="…charset=…">` in the first 16 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 16384));
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return undefined;
}

/**
 * Decodes page bytes: BOM, then the HTTP charset, then `<meta>`, then a detector, else UTF-8.
 * A declaration the bytes contradict (invalid UTF-8 declared as UTF-8, valid multi-byte UTF-8
 * declared as GBK, Chinese bytes declared as Latin-1) is skipped in favour of the next evidence.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decodeAs(bytes.subarray(3), 'utf-8'), encoding: 'utf-8', encodingSource: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeAs(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', encodingSource: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeAs(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', encodingSource: 'bom' };
  const utf8 = strictUtf8(bytes);
  const candidates: [EncodingSource, string | undefined][] = [
    ['http', charsetFromContentType(contentType)],
    ['meta', charsetFromMeta(bytes)],
  ];
  for (const [source, label] of candidates) {
    const encoding = label ? canonicalEncoding(label) : undefined;
    if (!encoding) continue;
    const text = plausible(bytes, encoding, utf8);
    if (text !== undefined) return { text, encoding, encodingSource: source };
  }
  if (utf8 !== undefined && !hasHighBytes(bytes)) return { text: utf8, encoding: 'utf-8', encodingSource: 'default' };
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', encodingSource: 'detector' };
  const detected = detectEncoding(bytes);
  if (detected) return { text: decodeAs(bytes, detected), encoding: detected, encodingSource: 'detector' };
  return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', encodingSource: 'default' };
}

/** Decoded text when `encoding` fits the bytes, else undefined (so the next evidence is tried). */
function plausible(bytes: Uint8Array, encoding: string, utf8: string | undefined): string | undefined {
  if (encoding === 'utf-8') return utf8;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined; // without a BOM, a lie
  if (!hasHighBytes(bytes)) return decodeAs(bytes, encoding);
  // Multi-byte UTF-8 that decodes cleanly is almost never another charset by chance.
  if (utf8 !== undefined) return undefined;
  if (encoding === 'gb18030' || encoding === 'big5') {
    const text = decodeAs(bytes, encoding);
    const bad = countReplacement(text);
    if (bad > 2 && bad > text.length / 1000) return undefined;
    // GBK bytes also decode as Big5 (and back) without errors; trust the detector when it is sure.
    const detected = detectEncoding(bytes);
    if (detected && detected !== encoding && (detected === 'gb18030' || detected === 'big5')) {
      if (hanShare(decodeAs(bytes, detected)) > hanShare(text) + 0.02) return undefined;
      if (commonHanScore(decodeAs(bytes, detected)) > commonHanScore(text) * 1.5) return undefined;
    }
    return text;
  }
  // A single-byte charset (often a server's Latin-1 default) over bytes a CJK detector recognises.
  const detected = detectEncoding(bytes);
  if (detected === 'gb18030' || detected === 'big5' || detected === 'utf-8') return undefined;
  return decodeAs(bytes, encoding);
}

/** Picks GB18030, Big5 or another encoding for bytes that are not UTF-8. */
function detectEncoding(bytes: Uint8Array): string | undefined {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const matches = chardet.analyse(sample);
  const cjk = matches.filter((m) => /gb|big5|euc-tw/i.test(m.name));
  if (cjk.length > 0 || hasHighBytes(sample)) {
    // chardet mixes GB and Big5 up on short pages: compare how "Chinese" each decoding reads.
    const gb = decodeAs(sample, 'gb18030');
    const big5 = decodeAs(sample, 'big5');
    const gbScore = commonHanScore(gb) - 5 * countReplacement(gb);
    const big5Score = commonHanScore(big5) - 5 * countReplacement(big5);
    if (gbScore > 0 || big5Score > 0) return gbScore >= big5Score ? 'gb18030' : 'big5';
  }
  const best = matches[0];
  return best ? canonicalEncoding(best.name) : undefined;
}

// Very frequent characters in both simplified and traditional running text.
const COMMON_HAN = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车\u4e66\u9580\u6642\u5e74\u500b\u7684'.split(
    '',
  ),
);

function commonHanScore(text: string): number {
  let n = 0;
  for (const ch of text) if (COMMON_HAN.has(ch)) n++;
  return n;
}

function hanShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const high = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  return high ? han / high : 0;
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding).decode(bytes);
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192)
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return s;
}
