import { closeSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './run-cli.ts';

// iconv-lite is the scraper's dependency; borrow it to produce GBK/Big5 bytes the way real sites do.
const iconv = createRequire(join(ROOT, 'packages', 'scrape', 'package.json'))('iconv-lite') as {
  encode(text: string, encoding: string): Buffer;
};

/** Chinese numerals for section numbers 一…二十. */
const NUMERALS = '一二三四五六七八九十'.split('');

/** Chinese numeral for 1…99 (一, 十一, 二十三). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? NUMERALS[tens - 1] : ''}十${ones ? NUMERALS[ones - 1] : ''}`;
}

/** A small, well-formed plan text: title, preamble, `sections` × `items` numbered tasks. */
export function planText(options: { year?: number; sections?: number; items?: number; eol?: string } = {}): string {
  const { year = 2012, sections = 3, items = 3, eol = '\n' } = options;
  const lines = [`某某县教育局${year}年工作要点`, `${year}年全县教育工作的总体要求是：深化改革，提高质量，促进公平。`];
  for (let s = 1; s <= sections; s++) {
    lines.push(`${chineseNumber(s)}、第${s}方面重点工作`);
    for (let i = 1; i <= items; i++) {
      lines.push(`${i}.推进第${s}-${i}项任务。新建${s * 10 + i}所幼儿园，培训教师${i * 100}人，完成率达到9${i}%。`);
    }
  }
  return `${lines.join(eol)}${eol}`;
}

/** Work words combined per task, so every task of a big plan has text of its own (not only its numbers). */
const TASK_WORDS = [
  '学前教育',
  '义务教育',
  '高中教育',
  '职业教育',
  '高等教育',
  '继续教育',
  '特殊教育',
  '民族教育',
  '家庭教育',
  '社区教育',
  '教师队伍',
  '校长培训',
  '课程改革',
  '教材建设',
  '考试招生',
  '学籍管理',
  '校园安全',
  '食品安全',
  '体育卫生',
  '艺术教育',
  '劳动教育',
  '心理健康',
  '德育工作',
  '语言文字',
  '教育信息化',
  '智慧校园',
  '图书资料',
  '实验教学',
  '科技创新',
  '国际交流',
  '学生资助',
  '营养改善',
  '控辍保学',
  '随迁子女',
  '留守儿童',
  '校舍改造',
  '标准化建设',
  '督导评估',
  '依法治校',
  '后勤保障',
];
const ACTIONS = ['推进', '加强', '完善', '落实', '深化', '规范', '提升'];

/** A plan with `count` numbered tasks spread over sections of 50, each task worded differently. */
export function manyTasksPlan(count: number): string {
  const lines = ['某市2013年工作要点'];
  const n = TASK_WORDS.length;
  for (let i = 1; i <= count; i++) {
    if (i % 50 === 1) lines.push(`${chineseNumber((Math.floor(i / 50) % 99) + 1)}、第${Math.floor(i / 50) + 1}组工作`);
    const what = `${TASK_WORDS[i % n]}与${TASK_WORDS[Math.floor(i / n) % n]}`;
    const how = ACTIONS[Math.floor(i / (n * n)) % ACTIONS.length];
    lines.push(`${((i - 1) % 50) + 1}.${how}${what}，年内建成${i}个项目，投入资金${i}万元，确保按期完成并通过验收。`);
  }
  return `${lines.join('\n')}\n`;
}

/** GBK bytes (what many Chinese government sites still serve). */
export function gbk(text: string): Buffer {
  return iconv.encode(text, 'gbk');
}

/** Big5 bytes (traditional-character sites). */
export function big5(text: string): Buffer {
  return iconv.encode(text, 'big5');
}

/** UTF-16LE bytes, with a BOM unless `bom` is false. */
export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** Pinyin in parentheses after every Han character: `工(gōng)作(zuò)`. */
export function withPinyin(text: string): string {
  const syllables = ['gōng', 'zuò', 'jiào', 'yù', 'tuī', 'jìn', 'xué', 'xiào'];
  let i = 0;
  return text.replace(/\p{Script=Han}/gu, (ch) => `${ch}(${syllables[i++ % syllables.length]})`);
}

/** Full-width forms of ASCII digits, letters and punctuation (`１２．ＡＢ`). */
export function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** Traditional characters for the simplified ones planText uses most. */
export function traditional(text: string): string {
  const map: Record<string, string> = {
    县: '縣',
    教: '教',
    育: '育',
    局: '局',
    项: '項',
    务: '務',
    进: '進',
    师: '師',
    训: '訓',
    达: '達',
    园: '園',
    儿: '兒',
    总: '總',
    体: '體',
    质: '質',
    发: '發',
    面: '面',
    点: '點',
    还: '還',
    革: '革',
    区: '區',
    公: '公',
    成: '成',
    作: '作',
    现: '現',
    实: '實',
  };
  return [...text].map((ch) => map[ch] ?? ch).join('');
}

/** Writes `totalBytes` of real plan text to `path` in 1 MB chunks (never held in memory at once). */
export function writeLargeText(path: string, totalBytes: number): void {
  const chunk = Buffer.from(planText({ sections: 20, items: 20 }).repeat(64));
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written < totalBytes) {
      const n = Math.min(chunk.length, totalBytes - written);
      writeSync(fd, chunk, 0, n);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** One line of `chars` Chinese characters (punctuated, but no line break). */
export function longLine(chars: number): string {
  const unit = '加强教育工作，提高教育质量。';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Numbering nested `levels` deep with every style the normalizer knows, then deeper by repetition. */
export function deeplyNested(levels: number): string {
  const markers = [
    (n: number) => `${chineseNumber(n)}、`,
    (n: number) => `（${chineseNumber(n)}）`,
    (n: number) => `${n}.`,
    (n: number) => `（${n}）`,
    (n: number) => String.fromCharCode(0x2460 + n - 1),
  ];
  const lines = ['某县2014年工作要点'];
  for (let d = 0; d < levels; d++) {
    const marker = markers[d % markers.length] ?? markers[0]!;
    lines.push(`${marker(1)}第${d + 1}层任务：推进教育改革，完成目标。`);
  }
  return `${lines.join('\n')}\n`;
}

/** A PNG-like binary blob. */
export function binaryBlob(size = 4096): Buffer {
  const bytes = Buffer.alloc(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

/** A page shell around `body` (already HTML). */
export function htmlPage(body: string, options: { charset?: string; title?: string } = {}): string {
  const meta = options.charset ? `<meta charset="${options.charset}">` : '';
  return `<!doctype html><html><head>${meta}<title>${options.title ?? '某县教育局2012年工作要点'}</title></head><body>${body}</body></html>`;
}

/** A plan as HTML paragraphs (one `<p>` per line). */
export function planHtml(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `<p>${line}</p>`)
    .join('\n');
}

/** Hostile task text: markup, script, Markdown syntax and a javascript: link. */
export const HOSTILE_TEXT =
  '<script>alert(1)</script><img src=x onerror=alert(2)> | **粗体** [链接](javascript:alert(3)) `code` # 标题 <!-- -->';
