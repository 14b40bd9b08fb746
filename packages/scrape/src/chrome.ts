/** Site furniture that is never part of a document, whatever the site. */
const CHROME_LINE = [
  /当前位置|您的位置|你的位置|所在位置|当前的位置|现在位置|首页\s*[>＞»→]|[>＞»]\s*正文/,
  /字体[：:]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小|字号[：:]?\s*[【[]?\s*[大T]/,
  /打印本页|打印此页|打印文章|【\s*打印\s*】|\[\s*打印\s*\]|关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]|收藏本页|加入收藏|设为首页|返回顶部|返回首页/,
  /分享到|一键分享|推荐给朋友|转发给好友|我要纠错|我要打印|扫一扫|扫码|在手机上阅读|微信扫一扫/,
  /友情链接|网站地图|联系我们|关于我们|网站声明|隐私政策|免责声明|使用帮助|网站导航|仅代表作者本人|不代表本(站|网)观点/,
  /版权所有(?!者)|Copyright|©|\(c\)\s*\d{4}|ICP[备证]|公网安备|网安备|政府网站标识码|建议使用.{0,12}浏览器|\d{3,4}\s*[×*xX]\s*\d{3,4}\s*分辨率/i,
  /^[【[]?(上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)/,
  /^[【[]?(相关新闻|相关阅读|相关链接|相关文章|相关信息|热点推荐|推荐阅读|延伸阅读|热门文章|最新文章|发表评论|网友评论|我要评论|查看评论)[】\]]?\s*[:：]?\s*$/,
  /(浏览|阅读|访问|点击)(次数|量|数)?[：:]\s*\d*\s*次?$|^[\s【[（(]*(责任编辑|编辑|责编)[：:]/,
  /^(?=.*页)(\s*(上一页|下一页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|[<>«»]+)\s*)+$/,
];

/** Footer marks specific enough to condemn even a long line: © notices, ICP licence numbers. */
const FOOTER = /版权所有\s*[:：©(（]|^版权所有|©|Copyright|All Rights Reserved|ICP[备证]\s*\d|公网安备\s*\d/iu;

/**
 * True when a line of text is site chrome (breadcrumb, print/close links, footer, share bar).
 * A marker word inside a real sentence (a plan may well say 加强ICP备案管理 or 扫码支付) does not
 * condemn it: sentences and longer lines need two markers.
 */
export function isChromeLine(text: string): boolean {
  if (text.length <= 500 && FOOTER.test(text)) return true;
  if (text.length > 200) return false;
  let hits = 0;
  for (const re of CHROME_LINE) if (re.test(text)) hits++;
  const sentence = text.length > 20 && (text.match(/[，。；！？]/g)?.length ?? 0) >= 2;
  return hits >= (text.length <= 60 && !sentence ? 1 : 2);
}

/** Labels of metadata lines printed under a title (`发布时间：`, `来源：` …). */
const META_LINE =
  /(发布时间|发布日期|发表时间|发表于|更新时间|日期|时间|来源|信息来源|文章来源|作者|撰稿|发布机构|发文机关|发布|浏览次数|点击数|阅读次数|字号|索引号|主题分类|体裁分类|成文日期|发文日期|所属机构|文号|发文字号)\s*[:：]/;

/** True for a short line of page metadata such as `发布时间：2012-02-09  来源：市教育局`. */
export function isMetaLine(text: string): boolean {
  return text.length <= 120 && META_LINE.test(text);
}
