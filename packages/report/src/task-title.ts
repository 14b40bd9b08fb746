/** A task's number and heading as one line: `（一）学前教育`, `1. 资金` (a space only after ASCII numbering). */
export function taskTitle(ref: { number: string; heading: string }): string {
  const gap = /[\x21-\x7e]$/.test(ref.number) && ref.heading !== '' ? ' ' : '';
  return `${ref.number}${gap}${ref.heading}`.trim();
}

/**
 * True when a task's text already begins with its heading (a paragraph task's first sentence, or a
 * section whose text is its own numbered title line), so the heading is not shown a second time.
 */
export function headingInText(ref: { number: string; heading: string; text: string }): boolean {
  if (!ref.heading) return false;
  return [ref.heading, `${ref.number}${ref.heading}`, taskTitle(ref)].some((start) => ref.text.startsWith(start));
}
