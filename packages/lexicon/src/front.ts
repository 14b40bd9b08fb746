import type { LexiconRule } from './rule.ts';

/** Words of a cover notice's body (`现将…印发给你们，请认真贯彻执行`). */
export const NOTICE_WORDS: LexiconRule = {
  ruleId: 'notice-words',
  what: 'cover-notice wording',
  pattern: /现将|印发|转发|特此通知|通知如下|请认真|贯彻执行|遵照执行/u,
};

/**
 * Words a document's name ends with (`2012年全市教育工作要点`, `政府工作报告`, `城市管理条例`),
 * in simplified characters: text is folded from traditional before it is matched (`要點` → `要点`).
 */
export const TITLE_WORDS = [
  '要点',
  '计划',
  '报告',
  '方案',
  '意见',
  '安排',
  '规划',
  '纲要',
  '总结',
  '规定',
  '办法',
  '决定',
  '通知',
  '细则',
  '部署',
  '思路',
  '任务',
  '条例',
  '规则',
  '章程',
  '准则',
  '公告',
  '通告',
  '决议',
  '公报',
  '讲话',
  '白皮书',
  '指南',
  '清单',
  '提纲',
  '规程',
  '守则',
] as const;

/** A line that ends in a title word (closing quotes and brackets aside). */
export const TITLE_END: LexiconRule = {
  ruleId: 'title-word',
  what: 'document name',
  pattern: new RegExp(`(${TITLE_WORDS.join('|')})(（[^）]{1,12}）|\\([^)]{1,12}\\))?$`, 'u'),
};

/** An attachment marker in the front matter (`附件：`, `附件1：《…》`). */
export const ATTACHMENT: LexiconRule = {
  ruleId: 'attachment',
  what: 'attachment marker',
  pattern: /^附\s*件\s*[0-9０-９]*\s*[:：]?\s*(.*)$/u,
};

/** A document number (`泸教发〔2012〕5号`). */
export const DOC_NUMBER: LexiconRule = {
  ruleId: 'doc-number',
  what: 'document number',
  pattern: /[\u4e00-\u9fff]{1,12}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号/u,
};

/** Offices a speaker holds, printed before the name (`国务院总理　李强`, `省长 王予波`). */
export const SPEAKER_ROLES = [
  '总书记',
  '总理',
  '副总理',
  '委员长',
  '主任',
  '书记',
  '局长',
  '厅长',
  '代市长',
  '市长',
  '代省长',
  '省长',
  '代县长',
  '县长',
  '代区长',
  '区长',
  '州长',
  '盟长',
  '旗长',
  '部长',
  '主席',
  '院长',
  '检察长',
] as const;

/** A speaker line: an optional office holder's body, the office, then the name (on the next line when absent). */
export const SPEAKER: LexiconRule = {
  ruleId: 'speaker',
  what: 'speaker line',
  pattern: new RegExp(`^(\\S{0,20}?)\\s*(${SPEAKER_ROLES.join('|')})\\s*((?:[\\u4e00-\\u9fff·]\\s*){0,4})$`, 'u'),
};

/** A line that names the meeting a report was delivered at (`——2026年1月28日在云南省第十四届人民代表大会第四次会议上`). */
export const MEETING: LexiconRule = {
  ruleId: 'meeting',
  what: 'meeting line',
  pattern: /(在|于)[^。；]{2,60}?(会议|大会|全会|座谈会|报告会|论坛)(上|开幕式上|闭幕式上)?(的(报告|讲话|工作报告))?$/u,
};

/** Where a meeting line names a people's congress or party congress of a place (the region), or the national one. */
export const CONGRESS_PLACE =
  /在\s*(?:中国共产党)?\s*([\u4e00-\u9fff]{2,24}?)\s*第\s*[一二三四五六七八九十百0-9０-９]+\s*[届次]\s*(?:全国)?\s*(?:人民代表大会|代表大会|委员会)/u;

/** A person's name printed alone (`习近平`, `李　强`). */
export const PERSON: LexiconRule = {
  ruleId: 'person',
  what: 'name line',
  pattern: /^[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff·]){1,3}$/u,
};

/** A subtitle printed under the title: a dash line (`——在…大会上的报告`, `――2026年1月27日在…会议上`). */
export const SUBTITLE: LexiconRule = {
  ruleId: 'subtitle',
  what: 'subtitle',
  pattern: /^[-—–―]{1,3}\s*\S/u,
};
