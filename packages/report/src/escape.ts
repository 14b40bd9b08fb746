const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content AND quoted attribute values; every piece of document text
 * in an HTML report goes through here, so a plan cannot inject markup or script.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** ASCII characters that Markdown (CommonMark + GFM tables/strikethrough) gives meaning to. */
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()<>#+!|~&$=]/g;

/**
 * Escapes document text for inline Markdown: backslash-escapes the specials (CommonMark allows a
 * backslash before any ASCII punctuation), so `<script>`, links and emphasis come out as literal text;
 * line breaks become spaces because every report line is one table cell or one list item.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(MARKDOWN_SPECIALS, (c) => `\\${c}`)
      // A line-leading `-`, `1.` or `1)` followed by a space would start a list.
      .replace(
        /^(\s*)(-|\d{1,9}[.)])(?=\s|$)/,
        (_whole, space: string, lead: string) => `${space}${lead.slice(0, -1)}\\${lead.slice(-1)}`,
      )
  );
}

/** True for a character Unicode calls punctuation or symbol (ASCII or full-width). */
export function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && /^[\p{P}\p{S}]$/u.test(char);
}
