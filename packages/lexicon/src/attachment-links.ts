import type { LexiconRule } from './rule.ts';

/**
 * Words that label a notice's attachment list (`附件：`, `附表`, `相关附件`, `附件下载`): a file link in
 * a block carrying one is an attachment of the notice even outside its main text.
 */
export const ATTACHMENT_LIST_LABEL: LexiconRule = {
  ruleId: 'attachment-list',
  what: 'attachment list label',
  pattern: /附\s*[件表]/u,
};
