/** An in-paragraph enumeration printed as a heading of its own: `一是…`, `一要…`, `第一，…`. */
export interface EnumerationStyle {
  /** Marker style name in the unit tree. */
  style: 'enum-shi' | 'enum-yao' | 'enum-di';
  /** Reads the numeral at the start of a paragraph (group 1) and the whole marker (group 0). */
  pattern: RegExp;
}

const CN = '[一二三四五六七八九十]{1,3}';

/** The enumeration styles, tried in order. */
export const ENUMERATION_STYLES: readonly EnumerationStyle[] = [
  { style: 'enum-shi', pattern: new RegExp(`^(${CN})是(?=[^，,、：:；;。])`, 'u') },
  { style: 'enum-yao', pattern: new RegExp(`^(${CN})要(?=[^，,、：:；;。])`, 'u') },
  { style: 'enum-di', pattern: new RegExp(`^第(${CN})[，,、：:]\\s*`, 'u') },
];

/** A bare numeral heading: `一`, `二` alone on a line, or `一　过去一年的工作` (numeral, space, heading). */
export const BARE_NUMERAL = new RegExp(`^(${CN})(?:[\\s\\u3000]+(?=\\S)|$)`, 'u');
