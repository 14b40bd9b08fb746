import type { LexiconRule } from './rule.ts';

/**
 * Column labels of a task table's header row (序号 | 工作任务 | 责任单位 | 完成时限): a first row
 * made of these short words labels the columns and is not a task. Compared on the cell's text
 * without spaces, so `序 号` and `责任 单位` match too.
 */
export const TABLE_HEADER_LABELS: ReadonlySet<string> = new Set([
  '序号',
  '序',
  '编号',
  '号',
  '类别',
  '项目',
  '项目名称',
  '任务',
  '工作任务',
  '重点任务',
  '主要任务',
  '具体任务',
  '任务内容',
  '任务事项',
  '工作内容',
  '工作事项',
  '重点工作',
  '工作要点',
  '工作措施',
  '具体措施',
  '主要措施',
  '工作目标',
  '目标任务',
  '目标',
  '内容',
  '考核指标',
  '指标',
  '责任单位',
  '牵头单位',
  '配合单位',
  '协办单位',
  '参与单位',
  '责任部门',
  '牵头部门',
  '配合部门',
  '责任处室',
  '责任科室',
  '责任人',
  '责任领导',
  '牵头领导',
  '分管领导',
  '联系人',
  '完成时限',
  '完成时间',
  '时间节点',
  '时间安排',
  '时限',
  '进度安排',
  '推进时限',
  '完成标志',
  '备注',
]);

/** Rule naming a task table's header row dropped from the text (its labels are not a task). */
export const TABLE_HEADER_RULE: Omit<LexiconRule, 'pattern'> = {
  ruleId: 'web-table-header',
  what: 'task-table header row',
};
