/**
 * Reading local files without the fetcher and the HTML cleaner (cheerio, undici): what `parse`,
 * `diff` and `import` of a file need, as a light entry point (`@plandiff/scrape/files`).
 */
export { type DecodedText, decodeBytes, type EncodingSource } from './decode-bytes.ts';
export { type DocumentFormat, detectFormat, isDocumentFormat, looksBinary } from './detect-format.ts';
export { type DocumentText, readDocument } from './read-document.ts';
