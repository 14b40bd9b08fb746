import { type Diagnostic, isPlandiffError } from '@plandiff/model';
import { detectFormat } from './detect-format.ts';
import { safeUrl } from './fetch-url.ts';
import { type FetchOptions, type FetchResult, fetchPage } from './fetcher.ts';

/** A link to a file on a notice page (`附件：《2012年全市教育工作要点》.docx`), as cleanPage lists them. */
export interface AttachmentLink {
  name: string;
  url: string;
}

/** The kinds an attachment is archived as; `bin` for a file of no format plandiff names. */
export type AttachmentKind = 'docx' | 'pdf' | 'doc' | 'wps' | 'xlsx' | 'xls' | 'bin';

/** A fetched attachment: exact bytes plus where they came from (the store's AttachmentInput). */
export interface FetchedAttachment {
  bytes: Uint8Array;
  name: string;
  url: string;
  finalUrl: string;
  kind: AttachmentKind;
  contentType?: string;
  fetchedAt: string;
  sha256: string;
}

/** Options for fetchAttachments: the page fetch's own options, plus caps of their own. */
export interface AttachmentOptions extends FetchOptions {
  /** Most attachments followed per page (default 20); links past it get a diagnostic. */
  maxCount?: number;
  /** Fetch function (the shared polite fetcher by default, so delay and robots.txt state are the page's). */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchResult>;
}

/**
 * Files a plan is published in (documents) or beside (spreadsheets): the links that are followed,
 * by the end of their path or of a query value (`downfile.jsp?filename=P0201202.docx`).
 */
const FOLLOWED = /\.(docx|doc|pdf|wps|xlsx|xls|et)(?:$|[?#&])/i;

/**
 * Fetches the document and spreadsheet files a page links, one after another, through the same
 * polite fetcher as the page (per-host delay, robots.txt, timeouts, retries, size cap). A link that
 * fails — an HTTP error, robots.txt, over the size cap, an HTML page where a file was expected — is
 * named by a warning and left out; it never stops the page.
 */
export async function fetchAttachments(
  links: readonly AttachmentLink[],
  pageUrl: string,
  options: AttachmentOptions = {},
): Promise<{ attachments: FetchedAttachment[]; diagnostics: Diagnostic[] }> {
  const { maxCount = 20, fetch = fetchPage, ...fetchOptions } = options;
  const diagnostics: Diagnostic[] = [];
  const attachments: FetchedAttachment[] = [];
  const seen = new Set([safeUrl(pageUrl)]);
  const wanted = links.filter((link) => {
    const path = pathOf(link.url, true);
    if (path === undefined || seen.has(safeUrl(link.url))) return false;
    seen.add(safeUrl(link.url));
    if (FOLLOWED.test(path)) return true;
    diagnostics.push(info(`attachment ${label(link)} not followed: only documents and spreadsheets are`));
    return false;
  });
  for (const [i, link] of wanted.entries()) {
    if (i >= maxCount) {
      diagnostics.push(
        warn(`${wanted.length - maxCount} attachment(s) past the first ${maxCount} not followed`, 'attachment-limit'),
      );
      break;
    }
    try {
      const got = await fetch(link.url, fetchOptions);
      const format = detectFormat(got.bytes, pathOf(got.finalUrl) ?? '', got.headers['content-type'] ?? '');
      if (format === 'html') {
        diagnostics.push(warn(`attachment ${label(link)}: the server sent a web page, not the file; not archived`));
        continue;
      }
      const kind: AttachmentKind = format === 'txt' || format === 'binary' ? 'bin' : format;
      const attachment: FetchedAttachment = {
        bytes: got.bytes,
        name: link.name,
        url: got.url,
        finalUrl: got.finalUrl,
        kind,
        fetchedAt: got.fetchedAt,
        sha256: got.sha256,
      };
      const type = got.headers['content-type'];
      if (type !== undefined) attachment.contentType = type;
      attachments.push(attachment);
    } catch (error) {
      if (!isPlandiffError(error)) throw error;
      const rule = error.code === 'ROBOTS_DISALLOWED' ? 'attachment-robots' : 'attachment-failed';
      diagnostics.push(warn(`attachment ${label(link)} not archived: ${error.message}`, rule));
    }
  }
  return { attachments, diagnostics };
}

/** The URL's path, with its query when asked (http and https only), or undefined for other links. */
function pathOf(url: string, withQuery = false): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const path = withQuery ? `${u.pathname}${u.search}` : u.pathname;
    try {
      return decodeURIComponent(path);
    } catch {
      return path;
    }
  } catch {
    return undefined;
  }
}

function label(link: AttachmentLink): string {
  const url = safeUrl(link.url);
  return link.name && !url.endsWith(link.name) ? `"${link.name}" (${url})` : url;
}

function warn(reason: string, ruleId = 'attachment-failed'): Diagnostic {
  return { reason, ruleId, severity: 'warning', source: 'scrape' };
}

function info(reason: string): Diagnostic {
  return { reason, ruleId: 'attachment-not-followed', severity: 'info', source: 'scrape' };
}
