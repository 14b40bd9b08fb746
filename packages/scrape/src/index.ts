export { mainTextLinks } from './attachment-links.ts';
export { type CleanOptions, type CleanResult, cleanPage } from './clean-page.ts';
export { type DecodedText, decodeBytes, type EncodingSource } from './decode-bytes.ts';
export { type DocumentFormat, detectFormat, isDocumentFormat, looksBinary } from './detect-format.ts';
export {
  type AttachmentKind,
  type AttachmentLink,
  type AttachmentOptions,
  type FetchedAttachment,
  fetchAttachments,
} from './fetch-attachments.ts';
export { safeUrl } from './fetch-url.ts';
export {
  defaultUserAgent,
  Fetcher,
  type FetchOptions,
  type FetchResult,
  fetchPage,
  type RetryInfo,
} from './fetcher.ts';
export { type DateMatch, findDates, parseDateText } from './parse-date.ts';
export { type DocumentText, readDocument } from './read-document.ts';
export { ROBOTS_AGENT } from './robots.ts';
