import type { Figure } from '@plandiff/model';
import { foldDigits } from './chinese-numeral.ts';
import { readMarker } from './markers.ts';

/** Measure words and units a figure may carry, longest first so `万亿元` wins over `万`. */
const UNITS = [
  '个百分点',
  '百分点',
  '万亿美元',
  '亿美元',
  '万美元',
  '美元',
  '万亿元',
  '亿元',
  '万元',
  '千元',
  '元',
  '万亿',
  '亿',
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公里',
  '千米',
  '米',
  '万千瓦',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '万吨',
  '吨',
  '公斤',
  '千克',
  '万亩',
  '亩',
  '公顷',
  '万人次',
  '人次',
  '万人',
  '万户',
  '万套',
  '万辆',
  '万家',
  '万个',
  '万名',
  '万',
  '千',
  '%',
  '％',
  '‰',
  '倍',
  '所',
  '个',
  '项',
  '名',
  '人',
  '家',
  '座',
  '条',
  '台',
  '套',
  '户',
  '辆',
  '架',
  '艘',
  '部',
  '件',
  '种',
  '类',
  '批',
  '处',
  '栋',
  '间',
  '张',
  '本',
  '册',
  '篇',
  '次',
  '场',
  '期',
  '届',
  '天',
  '小时',
  '周岁',
  '岁',
  '年',
  '周',
  '月',
  '元/人',
  '元/吨',
].sort((a, b) => b.length - a.length);

const NUMBER = /(?<![0-9０-９A-Za-z.．+])([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)/gu;
const CONTEXT = 8;
const CLAUSE_END = /[，。；：！？、,;:!?\s]/u;

/**
 * Finds the figures in a text: a number (ASCII or full-width digits, decimals, thousands commas)
 * followed by a measure word or unit (`20所`, `3%`, `2.15万亿元`), with up to 8 characters of
 * context on each side inside the clause. Years (`2012年`), dates (`2月9日`), ordinals (`第32届`),
 * list markers and numbers glued to Latin letters (`PM2.5`, `M2`) are not figures.
 */
export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  // Context never reaches back into the unit's own list marker (`1.新建…`).
  const floor = readMarker(text, 0)?.printed.length ?? 0;
  NUMBER.lastIndex = floor;
  for (let match = NUMBER.exec(text); match; match = NUMBER.exec(text)) {
    const start = match.index;
    const printed = match[1]!;
    const end = start + printed.length;
    const unit = UNITS.find((u) => text.startsWith(u, end));
    if (!unit) continue;
    if (text[start - 1] === '第') continue;
    const folded = foldDigits(printed).replace(/[,，]/g, '').replace('．', '.');
    const value = Number(folded);
    if (!Number.isFinite(value)) continue;
    if (unit === '年' && /^(1[89]|2[01])\d\d$/.test(folded)) continue;
    if (unit === '月' && /^[0-9０-９]{1,2}[日号]/u.test(text.slice(end + 1, end + 4))) continue;
    figures.push({ text: printed + unit, value, unit, context: contextAround(text, start, end + unit.length, floor) });
  }
  return figures;
}

function contextAround(text: string, start: number, end: number, floor: number): string {
  let from = start;
  while (from > floor && start - from < CONTEXT && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !CLAUSE_END.test(text[to]!)) to++;
  return text.slice(from, to);
}
