import type { LexiconRule } from './rule.ts';

/**
 * Lines a printed document (a PDF page) carries in its margins: page numbers in the forms Chinese
 * offices print them (— 3 —, - 3 -, 第3页, 第 3 页 共 10 页, 3/10, Page 3). Tested on the first and
 * last lines of a page only, where a bare number cannot be a task.
 */
export const PAGE_NUMBER_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'page-number',
    what: 'page number',
    pattern:
      /^(?:[-—–－~·•\s]*[0-9０-９]{1,4}[-—–－~·•\s]*|第\s*[0-9０-９一二三四五六七八九十百]{1,5}\s*页(?:\s*[,，/]?\s*共\s*[0-9０-９]{1,5}\s*页)?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?)$/iu,
  },
];

/** Rule id for a line repeated at the top or bottom of most pages (a running header or footer). */
export const RUNNING_HEADER_RULE = {
  ruleId: 'page-running-header',
  what: 'running header or footer repeated on most pages',
} as const;

/**
 * Furniture lines of a web page (an HTML article page, news or government), judged one block at a
 * time by the HTML cleaner. A marker inside a real sentence does not condemn it: the cleaner asks
 * for one hit on a short line and two on a sentence (see `webChromeHits`).
 */
export const WEB_CHROME_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'web-breadcrumb',
    what: 'breadcrumb',
    pattern:
      /当前位置|您的位置|你的位置|所在位置|当前的位置|现在位置|首页\s*[>＞»→›]|首页\s+[-–—|｜/]\s+\S|[>＞»]\s*正文/u,
  },
  {
    ruleId: 'web-font',
    what: 'font-size switch',
    pattern:
      /字体[：:]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小|字号[：:]?\s*[【[]?\s*[大T默]|^[【[]?\s*字号\s*[：:]?\s*[】\]]?$/u,
  },
  {
    ruleId: 'web-tools',
    what: 'print/close/bookmark tools',
    pattern:
      /打印本页|打印此页|打印文章|【\s*打印\s*】|\[\s*打印\s*\]|关闭窗口|【\s*关闭\s*】|\[\s*关闭\s*\]|收藏本页|加入收藏|设为首页|返回顶部|返回首页|返回列表/u,
  },
  {
    ruleId: 'web-share',
    what: 'share bar or QR-code prompt',
    pattern:
      /分享到|一键分享|^分享\s*[:：|｜]?$|推荐给朋友|转发给好友|我要纠错|我要打印|扫一扫|扫码|扫描二维码|二维码|在手机上阅读|点(个)?在看|^(点赞|在看|转发|收藏)(\s*[|｜·/]?\s*(点赞|在看|转发|收藏|分享))*$/u,
  },
  {
    ruleId: 'web-tools',
    what: 'page tool words',
    pattern: /^([【[]?\s*(打印|关闭|收藏|纠错|返回|顶部|TOP|复制链接|字体|放大|缩小|默认)\s*[】\]]?\s*[|｜·/]?\s*)+$/iu,
  },
  {
    ruleId: 'web-promo',
    what: 'promotion or follow prompt',
    pattern:
      /点击(图片|这里|此处)?(进入|查看|阅读|浏览|下载)(专题|全文|详情|原文|更多)?|^(阅读原文|轻触阅读原文|更多精彩|关注我们|长按识别|欢迎关注|点击关注)|^更多\s*[>》]+$/u,
  },
  {
    ruleId: 'web-wechat',
    what: 'WeChat page furniture',
    pattern:
      /预览时标签不可点|继续滑动看下一个|向上滑动看下一个|轻点两下取消|微信扫一扫|使用小程序|^知道了$|^取消\s*允许$|^(视频|小程序|赞|在看)(\s*[，,]?\s*(视频|小程序|赞|在看|轻点两下取消(赞|在看)))+$/u,
  },
  {
    ruleId: 'web-footer',
    what: 'site footer',
    pattern:
      /友情链接|网站地图|联系我们|关于我们|网站声明|隐私政策|免责声明|使用帮助|网站导航|仅代表作者本人|不代表本(站|网)观点|^声明\s*[：:]|报料(电话|热线|邮箱)|新闻热线|举报电话|违法和不良信息举报/u,
  },
  {
    ruleId: 'web-copyright',
    what: 'copyright/ICP footer',
    pattern:
      /版权所有(?!者)|Copyright|©|\(c\)\s*\d{4}|ICP[备证]|公网安备|网安备|政府网站标识码|建议使用.{0,12}浏览器|\d{3,4}\s*[×*xX]\s*\d{3,4}\s*分辨率/iu,
  },
  {
    ruleId: 'web-pager',
    what: 'previous/next links',
    pattern:
      /^[【[]?(上一篇|下一篇|上一条|下一条|上篇|下篇|上一页|下一页)|^(?=.*页)(\s*(上一页|下一页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|\d+|[<>«»]+)\s*)+$/u,
  },
  {
    ruleId: 'web-related',
    what: 'related/recommended/comment heading',
    pattern:
      /^[【[]?(相关(新闻|阅读|链接|文章|信息|推荐|报道|资讯|内容|专题|稿件|解读|政策)|热点推荐|热门推荐|推荐阅读|延伸阅读|热门文章|最新文章|猜你喜欢|为你推荐|换一换|发表评论|网友评论|热门评论|最新评论|精彩评论|全部评论|我要评论|查看评论|评论列表)[】\]]?\s*[:：]?\s*(换一换)?$|^\d+\s*条评论|^(已有|共)\s*\d+\s*(条|人)(评论|参与)/u,
  },
  {
    ruleId: 'web-editor',
    what: 'editor/proofreader byline',
    pattern: /^[\s【[（(]*(责任编辑|编辑|责编|校对|审核|审校|编审|终审|初审|复审|值班编辑|本文编辑)\s*[：:|｜]/u,
  },
  {
    ruleId: 'web-counter',
    what: 'hit counter',
    pattern: /(浏览|阅读|访问|点击)(次数|量|数)?[：:]\s*\d*\s*次?$/u,
  },
];

/**
 * Openers that make a whole line chrome whatever follows (a site's statement about a reposted
 * article, the tip-off line), even when the rest reads as a sentence.
 */
export const WEB_CHROME_OPENERS: readonly LexiconRule[] = [
  {
    ruleId: 'web-footer',
    what: 'site statement or tip-off line',
    pattern: /^[（(【[]?\s*(声明|免责声明|版权声明|特别声明|郑重声明|报料电话|报料热线|爆料电话|新闻热线)\s*[：:]/u,
  },
  {
    ruleId: 'web-editor',
    what: 'editor/proofreader byline',
    pattern: /^[（(【[]?\s*(责任编辑|责编|校对|审核|审校|编审|终审|值班编辑|本文编辑)\s*[：:]/u,
  },
];

/** Footer marks specific enough to condemn even a long line: © notices, ICP licence numbers. */
export const WEB_FOOTER_RULE: LexiconRule = {
  ruleId: 'web-copyright',
  what: 'copyright/ICP footer',
  pattern: /版权所有\s*[:：©(（]|^版权所有|©|Copyright|All Rights Reserved|ICP[备证]\s*\d|公网安备\s*\d/iu,
};

/**
 * Elements whose class or id names a comment, recommendation, related-article or share block
 * (`class="comment-list"`, `id="related"`, pinyin `xgwz` 相关文章, `pinglun` 评论): their text is never
 * the article. Matched on whole name parts so `content` or `article-body` never match.
 */
export const FURNITURE_ELEMENT_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'web-comments',
    what: 'comment block',
    pattern: /(?:^|[-_\s])(comments?|comment-?list|replies|reply-?list|pinglun|pl-?list|discuss|cmt)(?:$|[-_\s\d])/i,
  },
  {
    ruleId: 'web-recommend',
    what: 'recommendation block',
    pattern:
      /(?:^|[-_\s])(recommend\w*|tuijian|rec-?list|hot-?news|hot-?list|rank(?:ing)?|rmtj|rdtj|cnxh)(?:$|[-_\s\d])/i,
  },
  {
    ruleId: 'web-related',
    what: 'related-article block',
    pattern: /(?:^|[-_\s])(related\w*|relate|xgwz|xgxw|xglj|xgyd|more-?news)(?:$|[-_\s\d])/i,
  },
  {
    ruleId: 'web-share',
    what: 'share block',
    pattern: /(?:^|[-_\s])(share\w*|bdshare|social|fenxiang|qrcode|erweima|ewm)(?:$|[-_\s\d])/i,
  },
];

/** Badges a site glues onto a headline (`原创`, `置顶`, `独家`): not part of the title. */
export const TITLE_BADGE = /^(原创|独家|置顶|转载|推荐|热|荐|新|图|视频|图文|专题|精华|首发)$/u;

/**
 * Labels a metadata table puts before the headline (`信息名称` | `关于…的通知`, `标题：…`): a label
 * followed by a colon or by the next cell (a space), not part of the title.
 */
export const TITLE_LABEL = /^(信息名称|文件名称|文章标题|新闻标题|标题|名称|题名|公文标题)\s*(?:[:：]\s*|\s+)(?=\S)/u;
