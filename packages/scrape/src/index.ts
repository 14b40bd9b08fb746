export { type CleanOptions, type CleanResult, cleanPage } from './clean-page.ts';
export { type DecodedText, decodeBytes, type EncodingSource } from './decode-bytes.ts';
export { type DateMatch, findDates, parseDateText } from './parse-date.ts';
export { defaultUserAgent, type FetchOptions, type FetchResult, Fetcher, fetchPage, type RetryInfo } from './fetcher.ts';
export { safeUrl } from './fetch-url.ts';
export { ROBOTS_AGENT } from './robots.ts';
