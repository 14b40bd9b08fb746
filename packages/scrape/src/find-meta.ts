import { type DomNode, findAll, textOf } from './dom.ts';

const DOC_NUMBER =
  /[\p{Script=Han}A-Za-z]{1,12}\s*[〔［[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]\s*(?:第\s*)?\d{1,4}\s*号/u;

/** Finds a document number (文号) like `泸市教发〔2012〕5号`, preferring one in a labelled line. */
export function findDocNumber(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = /(?:文号|发文字号|文\s*号)\s*[:：]\s*(\S.*)/.exec(line);
    const inner = m?.[1] ? DOC_NUMBER.exec(m[1]) : null;
    if (inner) return tidyNumber(inner[0]);
  }
  for (const line of lines) {
    // A number standing alone (the line under the red header), not one cited in a sentence.
    const m = DOC_NUMBER.exec(line);
    if (m && line.length - m[0].length <= 6) return tidyNumber(m[0]);
  }
  return undefined;
}

function tidyNumber(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[［[【(（]/, '〔')
    .replace(/[］\]】)）]/, '〕');
}

/** Finds the issuing body: a `发布机构：`/`发文机关：` line, or the signature line above the date. */
export function findIssuer(lines: readonly string[], signatureIndex: number): string | undefined {
  for (const line of lines) {
    const m = /(?:发布机构|发文机关|发文单位|发布单位|制发机关)\s*[:：]\s*([\p{Script=Han}（）()]{2,30})/u.exec(line);
    if (m?.[1]) return m[1];
  }
  const sig = lines[signatureIndex - 1];
  if (
    sig &&
    /^[\p{Script=Han}（）()]{3,30}(局|厅|委员会|委|办公室|办|政府|部|院|会|中心|处|署|站|所|校|学)$/u.test(sig)
  )
    return sig;
  return undefined;
}

const ATTACHMENT = /\.(docx?|pdf|xlsx?|wps|zip|rar|7z|et|ofd|pptx?)(?:$|[?#])/i;
const A_TAG = new Set(['a']);

/** Links to documents (.doc, .docx, .pdf, .xls, .wps, .zip …) with their visible names. */
export function findAttachments(root: DomNode, baseUrl: string | undefined): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  const seen = new Set<string>();
  for (const a of findAll(root, A_TAG)) {
    const href = a.attribs?.href?.trim();
    if (!href || !ATTACHMENT.test(href)) continue;
    let url = href;
    try {
      url = baseUrl ? new URL(href, baseUrl).href : href;
    } catch {
      // keep the raw href when it cannot be resolved
    }
    if (seen.has(url)) continue;
    seen.add(url);
    const text = textOf(a).replace(/\s+/g, ' ').trim();
    const name = text || decodeURIComponentSafe(url.split(/[?#]/)[0]?.split('/').pop() ?? url);
    out.push({ name, url });
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
