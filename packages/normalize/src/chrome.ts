import type { Diagnostic } from '@plandiff/model';

/** One kind of page chrome: a line the website adds around the document, never part of the plan. */
interface ChromeRule {
  ruleId: string;
  what: string;
  test: RegExp;
}

/** Lines longer than this are never chrome: real chrome is short, body paragraphs are long. */
const MAX_CHROME_LENGTH = 120;

const RULES: readonly ChromeRule[] = [
  { ruleId: 'chrome-banner', what: 'site banner', test: /^(欢迎(光临|访问|来到)|您好，?欢迎)/ },
  {
    ruleId: 'chrome-breadcrumb',
    what: 'breadcrumb',
    test: /^(当前位置|您的位置|你的位置|所在位置|现在位置)|首页\s*[>＞»›]/,
  },
  {
    ruleId: 'chrome-links',
    what: 'link list',
    test: /^(友情链接|相关链接|相关文章|相关新闻|热点新闻|推荐阅读|上一篇|下一篇)/,
  },
  {
    ruleId: 'chrome-font',
    what: 'font-size switch',
    test: /字[体号]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/,
  },
  {
    ruleId: 'chrome-tools',
    what: 'page tools',
    test: /^([【[]?\s*(打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|设为首页|纠错|保存)\s*[】\]]?\s*[|｜·]?\s*)+$|^分享到\s*[:：]?.{0,40}$/,
  },
  {
    ruleId: 'chrome-footer',
    what: 'copyright/ICP footer',
    test: /ICP\s*[备証证]|版权所有|Copyright|©|\(c\)\s*\d{4}|技术支持\s*[:：]|主办单位\s*[:：]|网站地图|联系我们/i,
  },
  { ruleId: 'chrome-signature', what: 'site signature', test: /^[-—_=~]{2,}\s*\S{2,24}(网|网站|在线|门户|频道)$/ },
  {
    ruleId: 'chrome-counter',
    what: 'hit counter',
    test: /^(浏览次数|点击数|阅读次数|访问量|来源\s*[:：].{0,30}(浏览|点击))/,
  },
];

/** Paragraph-level chrome: notices the hosting site appends, often hard-wrapped over many lines. */
const PARAGRAPH_RULES: readonly ChromeRule[] = [
  {
    ruleId: 'chrome-license',
    what: 'licence notice',
    test: /本作品.{0,120}(公有领域|著作权|版权)|公有领域|public domain/iu,
  },
  { ruleId: 'chrome-site-note', what: 'hosting-site note', test: /维基文库|维基百科|wikisource|wikipedia/iu },
  { ruleId: 'chrome-template', what: 'template leftover', test: /^(public domain|false|true|[\s|])+$/iu },
];
const MAX_CHROME_PARAGRAPH = 300;
/** Markdown headings (our own outline) are content, never chrome. */
const OUTLINE_HEADING = /^#+[ \t]/u;

/** Whether `line` (already trimmed) is a chrome line, and which rule says so. */
export function matchChrome(line: string): ChromeRule | undefined {
  if (line.length === 0 || line.length > MAX_CHROME_LENGTH || OUTLINE_HEADING.test(line)) return undefined;
  for (const rule of RULES) if (rule.test.test(line)) return rule;
  return undefined;
}

/** Whether a whole (joined) paragraph is chrome: a licence notice, a note about the hosting site. */
export function matchChromeParagraph(text: string): ChromeRule | undefined {
  if (text.length === 0 || text.length > MAX_CHROME_PARAGRAPH || OUTLINE_HEADING.test(text)) return undefined;
  for (const rule of PARAGRAPH_RULES) if (rule.test.test(text)) return rule;
  return matchChrome(text);
}

/** Counts the chrome each rule removed, to report one diagnostic per rule. */
export class ChromeLog {
  private readonly fired = new Map<string, { rule: ChromeRule; line: number; count: number; sample: string }>();

  /** Records that `rule` removed `text` at `line`. */
  note(rule: ChromeRule, line: number, text: string): void {
    const seen = this.fired.get(rule.ruleId);
    if (seen) seen.count++;
    else this.fired.set(rule.ruleId, { rule, line, count: 1, sample: text.slice(0, 30) });
  }

  /** Appends one `chrome-line` diagnostic per rule that fired. */
  report(diagnostics: Diagnostic[]): void {
    for (const { rule, line, count, sample } of this.fired.values()) {
      diagnostics.push({
        reason: `removed ${count} ${rule.what} line${count > 1 ? 's' : ''} (${rule.ruleId}; first: “${sample}”)`,
        ruleId: 'chrome-line',
        severity: 'info',
        place: { line },
      });
    }
  }
}

/**
 * Drops page-chrome lines (banners, breadcrumbs, link lists, font switches, print/close tools,
 * footers, site signatures) from `lines`, replacing them by '' so line numbers stay true.
 */
export function removeChromeLines(lines: string[], log: ChromeLog): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const rule = matchChrome(line);
    if (!rule) continue;
    log.note(rule, i + 1, line);
    lines[i] = '';
  }
}
