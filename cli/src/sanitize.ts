/** Colour sequences (SGR, `ESC [ … m`): what plandiff itself paints with; they cannot move the cursor or retitle. */
const SGR = /^\x1b\[[0-9;]{0,32}m/;

// C0 controls except tab and newline, DEL, and the C1 block (U+0080–U+009F: 8-bit CSI/OSC on some terminals).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Text bound for a terminal with every control character made visible (`\x1b` → `\u001b` written out):
 * a document's text is untrusted, and a raw ESC could clear the screen, set the title or hide lines.
 * Colour sequences are kept, so plandiff's own colours still show.
 */
export function sanitizeTerminal(text: string): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const sgr = text[i] === '\x1b' ? SGR.exec(text.slice(i, i + 40)) : null;
    if (sgr) {
      out += sgr[0];
      i += sgr[0].length;
      continue;
    }
    const ch = text[i] as string;
    out += ch.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    i += 1;
  }
  return out;
}
