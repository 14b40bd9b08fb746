import type { Block } from './blocks.ts';
import { findDates } from './parse-date.ts';

/** A line that closes a notice before its date: the issuer, or a closing formula. */
const CLOSING =
  /^(特此通知|特此公告|特此通报|特此函告|特此批复|此复|附件[:：]|[\p{Script=Han}（）()]{2,30}(局|厅|委员会|委|办公室|办|政府|部|院|会|中心|处|署|站|所|学校|大学|公司|小组|党组|党委))/u;

/**
 * The notice's own date line: a date standing alone on its line in the body (二〇一二年二月九日,
 * 2012年2月9日), after some body text and just below the issuer or a closing formula (特此通知,
 * 附件：…), or among the last lines of the text. A date alone at the top is the posting stamp.
 */
export function findIssuedDate(blocks: readonly Block[], kept: readonly number[]): string | undefined {
  let fallback: string | undefined;
  for (let k = 1; k < kept.length; k++) {
    const block = blocks[kept[k] as number] as Block;
    if (block.text.length > 24) continue;
    const dates = findDates(block.text);
    const date = dates[0];
    if (dates.length !== 1 || !date || block.text.length - date.length > 8) continue;
    const before = kept.slice(Math.max(0, k - 3), k).map((i) => blocks[i]?.text ?? '');
    if (before.some((line) => line.length <= 40 && CLOSING.test(line))) return date.iso;
    if (kept.length - k <= 3) fallback ??= date.iso;
  }
  return fallback;
}
