import type { LexiconRule } from './rule.ts';

/**
 * Pages a server returns with HTTP 200 that hold no document: a soft 404, an error or a login
 * page. Tested on the page's short cleaned text only: a plan quoting "页面不存在" is still a plan.
 */
export const NO_PLAN_PAGE_RULES: readonly LexiconRule[] = [
  {
    ruleId: 'no-plan-not-found',
    what: 'a "page not found" page',
    pattern:
      /页面不存在|网页不存在|页面未找到|找不到(该|您要访问的|您访问的)?页面|您(所)?访问的(页面|网页|信息|文章)(已)?(不存在|被删除|已删除|已过期)|信息不存在|文章不存在|内容不存在|该信息已(删除|撤销|过期)|\b404\b|not\s+found/iu,
  },
  {
    ruleId: 'no-plan-error',
    what: 'a server error page',
    pattern:
      /服务器(内部)?错误|系统(繁忙|错误|维护)|访问(出错|异常|受限|被拒绝)|请求(错误|异常)|\b50[0234]\b|internal server error|service unavailable|bad gateway|forbidden|access denied/iu,
  },
  {
    ruleId: 'no-plan-login',
    what: 'a login page',
    pattern: /(用户|会员|统一身份认证)?登录|请先登录|登录后(查看|访问)|sign\s*in|log\s*in/iu,
  },
];

/** Cleaned text longer than this is treated as content even when a no-plan phrase appears in it. */
export const NO_PLAN_MAX_CHARS = 400;
