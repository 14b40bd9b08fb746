import type { Block } from './blocks.ts';
import type { BlockKind } from './select-content.ts';

const HEADING =
  /^(第[一二三四五六七八九十百]+[章节部分条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]\D)/;
const SIGN_OFF =
  /^([\p{Script=Han}（）()]{2,30}(局|厅|委员会|委|办公室|办|政府|部|院|会|中心|处|署|站|所|学校|大学|公司)|[〇○零一二三四五六七八九十\d０-９]{4}\s*年[^，。]{1,8}日)$/u;

/** True for an issuer or date line that signs a notice off (某某市教育局, 二〇一二年二月九日). */
export function isSignOff(text: string): boolean {
  return SIGN_OFF.test(text);
}

/** Widens the body to a heading right before it and a sign-off (issuer, date) right after it. */
export function extendRange(
  blocks: readonly Block[],
  kinds: readonly BlockKind[],
  [a, b]: [number, number],
): [number, number] {
  const plain = (i: number) => kinds[i] === 'short' && (blocks[i]?.linkChars ?? 1) === 0;
  let start = a;
  for (let i = a - 1; i >= Math.max(0, a - 3) && plain(i); i--) {
    const text = blocks[i]?.text ?? '';
    if (HEADING.test(text) || /[:：]$/.test(text)) start = i;
  }
  let end = b;
  for (let i = b; i < Math.min(blocks.length, b + 3) && plain(i); i++) {
    if (SIGN_OFF.test(blocks[i]?.text ?? '')) end = i + 1;
  }
  return [start, end];
}

/** Kadane's maximum subarray of block weights within `[from, to)`, via prefix sums. */
export function bestRun(prefix: readonly number[], from: number, to: number) {
  let best: { score: number; range: [number, number] } | undefined;
  let low = from;
  for (let j = from + 1; j <= to; j++) {
    const score = (prefix[j] ?? 0) - (prefix[low] ?? 0);
    if (!best || score > best.score) best = { score, range: [low, j] };
    if ((prefix[j] ?? 0) < (prefix[low] ?? 0)) low = j;
  }
  return best;
}

const TERMINATOR =
  /^[#【[]?\s*(相关评论|网友评论|热门评论|精彩评论|热评|评论|发表评论|我要评论|最新评论|评论列表|全部评论|网友留言|留言|相关新闻|相关阅读|相关文章|相关链接|相关报道|相关推荐|为你推荐|猜你喜欢|延伸阅读|推荐阅读|热点推荐|热门推荐|上一篇|下一篇|Feedback|Comments?)(\s*[\]】]?\s*[(（:：\d]|\s*$)/i;
const STAMP = /(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}[:：]\d{2}/;

/** A block after which the article does not continue. */
export function isTerminator(block: Block): boolean {
  if (block.text.length > 60) return false;
  if (TERMINATOR.test(block.text)) return true;
  if (/^#?\s*re[:：]/i.test(block.text)) return true;
  if (/(已有|共有?)\s*\d+\s*(件|条|篇|个)?(评论|回复|留言)|^\d+\s*条(评论|回复|留言)/.test(block.text)) return true;
  return block.text.length <= 40 && STAMP.test(block.text);
}
