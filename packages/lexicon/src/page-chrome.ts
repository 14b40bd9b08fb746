import { firstMatch, type LexiconRule } from './rule.ts';

/**
 * A kind of page chrome: a line the website prints around the document (tools, breadcrumbs,
 * source/time lines, share buttons, footers), never part of the plan.
 */
export interface ChromeRule extends LexiconRule {
  /** `margin`: only outside the body (before the first numbered line, or in a trailer); default anywhere. */
  where?: 'anywhere' | 'margin';
  /** Lines after this one that belong to the same chrome (a font switch or breadcrumb printed one word a line). */
  continues?: (line: string, previous: string) => boolean;
  /** At most this many continuation lines. */
  runMax?: number;
  /** True when the rule opens a trailer: on a portal everything after it is page furniture. */
  opensTrailer?: boolean;
}

/** Lines longer than this are never chrome: real chrome is short, body paragraphs are long. */
export const MAX_CHROME_LINE = 120;

const TOOL_WORDS =
  '打印本页|打印此页|打印文章|打印全文|我要打印|打印|关闭窗口|关闭本页|关闭此页|关闭|返回顶部|返回列表|返回首页|返回|收藏本页|加入收藏|收藏|设为首页|我要纠错|纠错|保存本页|保存|下载|全屏|退出全屏|分享|复制链接|复制网址|二维码|评论|点赞|阅读模式|语音播报|朗读|无障碍|适老化|繁体|简体|繁體|English|登录|注册|搜索|顶部|TOP';
const FONT_WORDS = '大|中|小|加大|减小|还原|默认|标准|特大|超大|放大|缩小|A\\+|A-|A';
const META_LABELS =
  '来源|来源于|稿源|信息来源|文章来源|新闻来源|出处|作者|文章作者|编辑|责任编辑|责编|编审|审核|审校|校对|终审|初审|复审|核稿|发布机构|发布单位|发布者|发布人|供稿|撰稿|撰文|摄影|摄像|通讯员|记者|本报记者|字数|信息提供|提供单位|浏览次数|阅读次数|点击数|点击量|访问量|阅读量|浏览量|浏览|阅读|点击|访问|索引号|主题分类|体裁分类|组配分类|服务对象|主题词|公开方式|公开范围|公开时限|有效性|分类';
const TIME_LABELS = '时间|日期|发布时间|发布日期|发表时间|更新时间|更新日期|上传时间|录入时间|生成日期';
const DIGIT = '[0-9０-９]';
const TIME_VALUE = `${DIGIT}{2,4}\\s*[-/.．年]\\s*${DIGIT}{1,2}\\s*[-/.．月]\\s*${DIGIT}{1,2}\\s*日?(?:\\s*${DIGIT}{1,2}\\s*[:：时]\\s*${DIGIT}{1,2}(?:\\s*[:：分]\\s*${DIGIT}{1,2}\\s*秒?)?\\s*分?)?`;
/** Nav words and separators of a breadcrumb printed one word a line. */
const NAV_ITEM = /^(首页|[>＞»›/|｜]+|[^\s，。；：！？、,.;:!?0-9０-９]{1,8})$/u;
const SEPARATOR_ONLY = /^[|｜×✕✖·•>＞»›<＜«‹/\\]+$/u;
/** What a breadcrumb's last item never is: a line that names the document. */
const DOCUMENT_WORD = /(报告|要点|计划|规划|方案|意见|通知|办法|条例|纲要|决定|公报|讲话)$/u;

/** The line-level chrome rules, in the order they are tried. */
export const CHROME_LINE_RULES: readonly ChromeRule[] = [
  { ruleId: 'chrome-banner', what: 'site banner', pattern: /^(欢迎(光临|访问|来到|您)|您好，?欢迎)/u },
  {
    ruleId: 'chrome-breadcrumb',
    what: 'breadcrumb',
    pattern:
      /^(您现在的位置|您当前的位置|您当前位置|当前位置|您的位置|你的位置|所在位置|现在位置|位置)\s*[:：]|首页\s*[>＞»›/]|^首页$/u,
    continues: (line, previous) =>
      NAV_ITEM.test(line) && (SEPARATOR_ONLY.test(previous) || !DOCUMENT_WORD.test(line)) && line !== '',
    runMax: 12,
  },
  {
    ruleId: 'chrome-font',
    what: 'font-size switch',
    pattern: new RegExp(
      `字[体号]\\s*[:：]?\\s*[【[]?\\s*(${FONT_WORDS})\\s*[】\\]]?\\s*[【[]?\\s*(${FONT_WORDS})|^[【[]?\\s*字[体号]\\s*[:：]?\\s*[【[]?\\s*$`,
      'u',
    ),
    continues: (line) => new RegExp(`^[【[]?\\s*(${FONT_WORDS})?\\s*[】\\]]?$`, 'u').test(line),
    runMax: 8,
  },
  {
    ruleId: 'chrome-tools',
    what: 'page tools',
    pattern: new RegExp(`^([【[(（]?\\s*(${TOOL_WORDS})\\s*[】\\])）]?\\s*[|｜·/、]?\\s*)+$`, 'u'),
  },
  { ruleId: 'chrome-tools', what: 'page tools', pattern: SEPARATOR_ONLY },
  {
    ruleId: 'chrome-share',
    what: 'share buttons',
    pattern: /^分享(到|至)\s*[:：]?.{0,40}$|^分享\s*[:：]\s*.{0,40}$|^(一键)?分享$/u,
    opensTrailer: true,
  },
  {
    ruleId: 'chrome-qrcode',
    what: 'QR-code prompt',
    pattern: /^(微信)?(扫一扫|扫码|扫描二维码|用手机扫描|手机扫描|手机扫码).{0,30}$|在手机(上)?打开(当前|本)页/u,
    opensTrailer: true,
  },
  {
    ruleId: 'chrome-links',
    what: 'related-links heading',
    pattern:
      /^(友情链接|相关(链接|文章|新闻|报道|附件|文档|稿件|专题|阅读|推荐|资讯|内容|解读|政策)|热点新闻|推荐阅读|延伸阅读|热门推荐|热门文章|最新文章|猜你喜欢|图片新闻|上一篇|下一篇|上一条|下一条|发表评论|网友评论|我要评论)\s*[:：>》]*.{0,80}$/u,
    opensTrailer: true,
  },
  {
    ruleId: 'chrome-promo',
    what: 'promotion link',
    pattern:
      /点击(图片|这里|此处)?(进入|查看|阅读|浏览|下载)(专题|全文|详情|原文|更多|原图|大图)?|^[》>]{2}.*[《<]{2}$|^(进入专题|更多精彩|更多\s*[>》]*)$/u,
  },
  {
    ruleId: 'chrome-meta',
    what: 'source/author/editor line',
    pattern: new RegExp(`^[（(【[]?\\s*(?:(?:${META_LABELS})\\s*[:：]\\s*[^:：]{0,40}?\\s*)+[）)】\\]]?$`, 'u'),
    continues: (line, previous) =>
      /[:：]\s*[）)】\]]?$/u.test(previous) && line.length <= 20 && !/[。，；！？]/u.test(line),
    runMax: 1,
    opensTrailer: true,
  },
  {
    ruleId: 'chrome-meta',
    what: 'publication time line',
    where: 'margin',
    pattern: new RegExp(
      `^[（(【[]?\\s*(?:(?:${TIME_LABELS})\\s*[:：]\\s*(?:${TIME_VALUE})?\\s*)(?:(?:${META_LABELS})\\s*[:：]\\s*[^:：]{0,40}?\\s*)*[）)】\\]]?$`,
      'u',
    ),
    continues: (line, previous) => /[:：]\s*$/u.test(previous) && new RegExp(`^${TIME_VALUE}$`, 'u').test(line),
    runMax: 1,
  },
  {
    ruleId: 'chrome-timestamp',
    what: 'publication timestamp',
    pattern: new RegExp(
      `^${DIGIT}{4}\\s*[-/.．年]\\s*${DIGIT}{1,2}\\s*[-/.．月]\\s*${DIGIT}{1,2}\\s*日?\\s+${DIGIT}{1,2}\\s*[:：时]\\s*${DIGIT}{1,2}(\\s*[:：分]\\s*${DIGIT}{1,2}\\s*秒?)?\\s*分?$`,
      'u',
    ),
  },
  {
    ruleId: 'chrome-photo',
    what: 'photo caption',
    pattern:
      /(本报记者|新华社记者|新华社发|记者|摄影|通讯员|特约摄影)\s*[\u4e00-\u9fff·•\s]{0,16}?\s*摄(影)?\s*[)）]?$|^[（(]?(图为|图片来源|图\s*[:：/])/u,
  },
  {
    ruleId: 'chrome-id',
    what: 'page id',
    pattern: /^[0-9a-fA-F]{16,64}\s*[:：]?$|^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/u,
  },
  {
    ruleId: 'chrome-footer',
    what: 'copyright/ICP footer',
    pattern:
      /ICP\s*[备証证]|版权所有|Copyright|©|\(c\)\s*\d{4}|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|网站地图|联系我们|网站标识码|公网安备|网站识别码|政府网站找错/iu,
  },
  { ruleId: 'chrome-signature', what: 'site signature', pattern: /^[-—_=~]{2,}\s*\S{2,24}(网|网站|在线|门户|频道)$/u },
  {
    ruleId: 'chrome-counter',
    what: 'hit counter',
    pattern: /^(浏览次数|点击数|点击量|阅读次数|阅读量|访问量|浏览量|来源\s*[:：].{0,30}(浏览|点击))/u,
  },
];

/** Markdown headings (our own outline) are content, never chrome. */
const OUTLINE_HEADING = /^#+[ \t]/u;

/**
 * Whether a (trimmed) line is page chrome, and which rule says so. `margin` tells whether the line
 * lies outside the body (before the first numbered line or in a trailer): some rules, such as a bare
 * `时间：` line, only hold there. A line-level detector in any stage can call this.
 */
export function matchChromeLine(line: string, margin = true): ChromeRule | undefined {
  if (line.length === 0 || line.length > MAX_CHROME_LINE || OUTLINE_HEADING.test(line)) return undefined;
  const rule = firstMatch(CHROME_LINE_RULES, line);
  if (rule?.where === 'margin' && !margin) {
    return CHROME_LINE_RULES.find((r) => r !== rule && r.where !== 'margin' && r.pattern.test(line));
  }
  return rule;
}

/** A chrome line and the continuation lines of the same chrome after it (blank lines skipped). */
export interface ChromeRun {
  rule: ChromeRule;
  /** Indexes of the lines the run covers, the first one included. */
  lines: number[];
}

/**
 * Reads the chrome that starts at `lines[at]`: the line itself and, for rules printed one word a line
 * (a font switch `【字号：` `加大` `还原` `】`, a breadcrumb `您的位置:` `首页` `>` `要闻`, a bare
 * `来源:` followed by its value), the lines that continue it.
 */
export function matchChromeRun(lines: readonly string[], at: number, margin = true): ChromeRun | undefined {
  const first = lines[at]?.trim() ?? '';
  const rule = matchChromeLine(first, margin);
  if (!rule) return undefined;
  const run: ChromeRun = { rule, lines: [at] };
  if (!rule.continues) return run;
  let previous = first;
  for (let i = at + 1; i < lines.length && run.lines.length <= (rule.runMax ?? 0); i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!rule.continues(line, previous)) break;
    run.lines.push(i);
    previous = line;
  }
  return run;
}

/** Paragraph-level chrome: notices the hosting site appends, often hard-wrapped over many lines. */
export const CHROME_PARAGRAPH_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'chrome-license',
    what: 'licence notice',
    pattern: /本作品.{0,120}(公有领域|著作权|版权)|公有领域|public domain/iu,
  },
  { ruleId: 'chrome-site-note', what: 'hosting-site note', pattern: /维基文库|维基百科|wikisource|wikipedia/iu },
  { ruleId: 'chrome-template', what: 'template leftover', pattern: /^(public domain|false|true|[\s|])+$/iu },
];

/** Joined paragraphs longer than this are never paragraph chrome. */
export const MAX_CHROME_PARAGRAPH = 300;

/** Whether a whole (joined) paragraph is chrome: a licence notice, a note about the hosting site. */
export function matchChromeParagraph(text: string): LexiconRule | undefined {
  if (text.length === 0 || text.length > MAX_CHROME_PARAGRAPH || OUTLINE_HEADING.test(text)) return undefined;
  return firstMatch(CHROME_PARAGRAPH_RULES, text) ?? matchChromeLine(text);
}
