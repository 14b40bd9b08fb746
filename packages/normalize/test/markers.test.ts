import { describe, expect, it } from 'vitest';
import { readMarker } from '../src/markers.ts';

describe('readMarker', () => {
  it.each([
    ['一、深入学习', 'cn-comma', 1, '一、'],
    ['十二、加强', 'cn-comma', 12, '十二、'],
    ['（三）推进', 'cn-paren', 3, '（三）'],
    ['(三)推进', 'cn-paren', 3, '(三)'],
    ['13.加强', 'num-dot', 13, '13.'],
    ['13．加强', 'num-dot', 13, '13．'],
    ['２．加强', 'num-dot', 2, '２．'],
    ['4、加强', 'num-comma', 4, '4、'],
    ['（12）加强', 'num-paren', 12, '（12）'],
    ['(2)加强', 'num-paren', 2, '(2)'],
    ['③加强', 'circled', 3, '③'],
    ['第三章 总则', 'chapter', 3, '第三章'],
    ['第十二条 本办法', 'article', 12, '第十二条'],
    ['第二部分 任务', 'part', 2, '第二部分'],
  ])('%s is a %s marker numbered %i', (text, style, value, printed) => {
    expect(readMarker(text, 0)).toEqual({ style, value, printed });
  });

  it.each(['2.15万亿元', '5.11安全大演练', 'PM2.5', '2012年', '第32届', '一是加强', '1.', '一、', '（一）', '3%'])(
    '%s does not start with a marker',
    (text) => {
      expect(readMarker(text, 0)).toBeUndefined();
    },
  );

  it('reads at a position inside a line', () => {
    expect(readMarker('水平 1.深入学习', 3)).toMatchObject({ style: 'num-dot', value: 1 });
  });
});
