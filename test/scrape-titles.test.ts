// Issue 11, point 2 (titles): a forum prints its thread title at the end of a breadcrumb trail, and
// a government information table labels it (信息名称 | 关于…的公告). The title is the headline alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanPage } from '../packages/scrape/src/index.ts';
import { ROOT } from './helpers/run-cli.ts';
import { seedTask } from './helpers/seed-tasks.ts';

const DATES = join(ROOT, 'test', 'fixtures', 'scrape', 'dates');
const body = [1, 2, 3].map((n) => `<p>${seedTask(n)}</p>`).join('');

describe('titles without trail or label', () => {
  it('takes a forum thread title from the end of its breadcrumb trail', () => {
    const r = cleanPage(readFileSync(join(DATES, 'forum-post.html'), 'utf8'));
    expect(r.title).toBe('请问今年的中考体育考试项目有变化吗？');
  });

  it('drops the label cell of an information table before the headline', () => {
    const r = cleanPage(readFileSync(join(DATES, 'td-label-no-colon.html'), 'utf8'));
    expect(r.title).toBe('某某县2019年第二批建设项目环境影响评价文件审批结果公告');
    const labelled = `<html><head><title>2012年全市教育工作要点</title></head><body><div class="bt">标题：2012年全市教育工作要点</div><div>${body}</div></body></html>`;
    expect(cleanPage(labelled).title).toBe('2012年全市教育工作要点');
  });

  it('keeps a headline that only starts with a label word, and one with an arrow but no links', () => {
    const a = `<html><head><title>名称变更登记办理指南</title></head><body><h1>名称变更登记办理指南</h1><div>${body}</div></body></html>`;
    expect(cleanPage(a).title).toBe('名称变更登记办理指南');
    const b = `<html><head><title>从“要我学”→“我要学”的转变</title></head><body><h1>从“要我学”→“我要学”的转变</h1><div>${body}</div></body></html>`;
    expect(cleanPage(b).title).toBe('从“要我学”→“我要学”的转变');
  });
});
