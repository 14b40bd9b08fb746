/** A task's number and heading as one line: `（一）学前教育`, `1. 资金` (a space only after ASCII numbering). */
export function taskTitle(ref: { number: string; heading: string }): string {
  const gap = /[\x21-\x7e]$/.test(ref.number) && ref.heading !== '' ? ' ' : '';
  return `${ref.number}${gap}${ref.heading}`.trim();
}
