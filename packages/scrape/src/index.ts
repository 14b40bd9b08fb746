export { type CleanOptions, type CleanResult, cleanPage } from './clean-page.ts';
export { type DecodedText, decodeBytes, type EncodingSource } from './decode-bytes.ts';
export { type DateMatch, findDates, parseDateText } from './parse-date.ts';
