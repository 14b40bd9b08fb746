import { styleText } from 'node:util';

/** Wraps text in an ANSI style when colour is on (the caller decides: a TTY, NO_COLOR, FORCE_COLOR). */
export function paint(style: Parameters<typeof styleText>[0], text: string, color: boolean): string {
  return color ? styleText(style, text, { validateStream: false }) : text;
}
