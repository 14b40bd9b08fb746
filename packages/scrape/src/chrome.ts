import { firstMatch, type LexiconRule, WEB_CHROME_OPENERS, WEB_CHROME_RULES, WEB_FOOTER_RULE } from '@plandiff/lexicon';

/**
 * The chrome rule a line of text falls under (breadcrumb, print/close links, footer, share bar,
 * editor byline), or undefined. A marker word inside a real sentence (a plan may well say
 * 加强ICP备案管理 or 扫码支付) does not condemn it: sentences and longer lines need two markers.
 */
export function chromeRule(text: string): LexiconRule | undefined {
  if (text.length <= 500 && WEB_FOOTER_RULE.pattern.test(text)) return WEB_FOOTER_RULE;
  if (text.length > 200) return undefined;
  const opener = text.length <= 120 ? firstMatch(WEB_CHROME_OPENERS, text) : undefined;
  if (opener) return opener;
  const sentence = text.length > 20 && (text.match(/[，。；！？]/g)?.length ?? 0) >= 2;
  const needed = text.length <= 60 && !sentence ? 1 : 2;
  let first: LexiconRule | undefined;
  let hits = 0;
  for (const rule of WEB_CHROME_RULES) {
    if (!rule.pattern.test(text)) continue;
    first ??= rule;
    if (++hits >= needed) return first;
  }
  return undefined;
}

/** True when a line of text is site chrome (see chromeRule). */
export function isChromeLine(text: string): boolean {
  return chromeRule(text) !== undefined;
}

/** Labels of metadata lines printed under a title (`发布时间：`, `来源：` …). */
const META_LINE =
  /(发布时间|发布日期|发表时间|发表于|更新时间|日期|时间|来源|信息来源|文章来源|作者|撰稿|发布机构|发文机关|发布|浏览次数|点击数|阅读次数|字号|索引号|主题分类|体裁分类|成文日期|发文日期|所属机构|文号|发文字号)\s*[:：]/;

/** True for a short line of page metadata such as `发布时间：2012-02-09  来源：市教育局`. */
export function isMetaLine(text: string): boolean {
  return text.length <= 120 && META_LINE.test(text);
}
