import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import {
  big5,
  binaryBlob,
  deeplyNested,
  fullWidth,
  gbk,
  HOSTILE_TEXT,
  htmlPage,
  longLine,
  manyTasksPlan,
  planHtml,
  planText,
  traditional,
  utf16le,
  withPinyin,
  writeLargeText,
} from './bad-inputs.ts';
import type { MeasuredRun } from './reliability.ts';

/** The pipeline stage a case exercises (= the CLI command it runs). */
export type Stage = 'parse' | 'clean' | 'import' | 'diff' | 'report';

/** One bad input: how to make it, what plandiff must do with it, and extra checks. */
export interface BadInputCase {
  id: string;
  stage: Stage;
  /** The input, for the docs table. */
  input: string;
  /** `error`: non-zero exit with one specific line; `warning`: exit 0 plus a diagnostic; `ok`: exit 0. */
  expect: 'error' | 'warning' | 'ok';
  /** The behaviour required, for the docs table. */
  behaviour: string;
  /** Required exit code (errors). */
  exit?: number;
  /** What stderr must contain (the error line or the diagnostic). */
  message?: RegExp;
  /** Writes the input into `dir` (a fresh temp dir) and returns the CLI arguments. */
  setup: (dir: string) => string[] | Promise<string[]>;
  /** Further checks on the run (throws on failure). */
  verify?: (run: MeasuredRun, dir: string) => void;
}

/** A loopback port nobody listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const write = (dir: string, name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

/** Units in a `parse --format json` result (0 when stdout is not a plan). */
export function unitCount(stdout: string): number {
  const count = (units: { children: unknown[] }[]): number =>
    units.reduce((n, u) => n + 1 + count(u.children as { children: unknown[] }[]), 0);
  try {
    return count((JSON.parse(stdout) as { units: { children: unknown[] }[] }).units);
  } catch {
    return 0;
  }
}

const hasUnits = (min: number) => (run: MeasuredRun) =>
  assert.ok(unitCount(run.stdout) >= min, `expected ≥ ${min} units, got ${unitCount(run.stdout)}`);

/** Parse, clean and URL cases. */
export const PARSE_CASES: BadInputCase[] = [
  {
    id: 'empty-file',
    stage: 'parse',
    input: 'empty file (0 bytes)',
    expect: 'error',
    behaviour: 'refused: "file is empty"',
    exit: 1,
    message: /empty\.txt: file is empty/,
    setup: (d) => ['parse', write(d, 'empty.txt', '')],
  },
  {
    id: 'whitespace-only',
    stage: 'parse',
    input: 'only spaces, tabs and newlines',
    expect: 'error',
    behaviour: 'refused: "file holds only whitespace"',
    exit: 1,
    message: /blank\.txt: file holds only whitespace/,
    setup: (d) => ['parse', write(d, 'blank.txt', ' \n\t\r\n   \n')],
  },
  {
    id: 'binary-file',
    stage: 'parse',
    input: 'binary file (PNG header, 4 KB)',
    expect: 'error',
    behaviour: 'refused: "looks like a binary file"',
    exit: 1,
    message: /image\.txt: looks like a binary file/,
    setup: (d) => ['parse', write(d, 'image.txt', binaryBlob())],
  },
  {
    id: 'nul-bytes',
    stage: 'parse',
    input: 'plan text with NUL bytes inside',
    expect: 'error',
    behaviour: 'refused as binary (NUL bytes)',
    exit: 1,
    message: /nul\.txt: looks like a binary file/,
    setup: (d) => ['parse', write(d, 'nul.txt', planText().replace('推进', '推\0进'))],
  },
  {
    id: 'huge-100mb',
    stage: 'parse',
    input: '100 MB text file (real plan text)',
    expect: 'error',
    behaviour: 'refused before reading: over the 64 MB input limit',
    exit: 1,
    message: /huge\.txt: 100 MB is larger than the 64 MB limit/,
    setup: (d) => {
      writeLargeText(join(d, 'huge.txt'), 100 * 1024 * 1024);
      return ['parse', join(d, 'huge.txt'), '--format', 'text'];
    },
  },
  {
    id: 'line-3m-chars',
    stage: 'parse',
    input: 'one line of 3,000,000 characters under a heading',
    expect: 'ok',
    behaviour: 'parsed in bounded time and memory',
    setup: (d) => [
      'parse',
      write(d, 'long.txt', `2012年工作要点\n一、总体要求\n${longLine(3_000_000)}\n`),
      '--format',
      'text',
    ],
    verify: (run) => assert.match(run.stdout, /一、 ?总体要求/),
  },
  {
    id: 'only-long-line',
    stage: 'parse',
    input: 'a 3,000,000-character line and nothing else',
    expect: 'error',
    behaviour: 'no numbered structure: one-line error',
    exit: 1,
    message: /line\.txt: no numbered sections/,
    setup: (d) => ['parse', write(d, 'line.txt', longLine(3_000_000))],
  },
  {
    id: 'truncated-html',
    stage: 'parse',
    input: 'HTML page cut off in the middle of a tag',
    expect: 'ok',
    behaviour: 'parsed from what arrived',
    setup: (d) => {
      const page = htmlPage(planHtml(planText({ sections: 4 })));
      return ['parse', write(d, 'cut.html', page.slice(0, Math.floor(page.length * 0.7)).replace(/<[^<]*$/, '<p cla'))];
    },
    verify: hasUnits(3),
  },
  {
    id: 'charset-utf8-but-gbk',
    stage: 'parse',
    input: 'HTML declaring charset=utf-8 whose bytes are GBK',
    expect: 'ok',
    behaviour: 'declaration overruled by the bytes; decoded as GB18030',
    setup: (d) => ['parse', write(d, 'gbk.html', gbk(htmlPage(planHtml(planText()), { charset: 'utf-8' })))],
    verify: (run) => assert.match(run.stdout, /第1方面重点工作/),
  },
  {
    id: 'charset-gbk-but-utf8',
    stage: 'parse',
    input: 'HTML declaring charset=gb2312 whose bytes are UTF-8',
    expect: 'ok',
    behaviour: 'declaration overruled by valid UTF-8',
    setup: (d) => ['parse', write(d, 'utf8.html', htmlPage(planHtml(planText()), { charset: 'gb2312' }))],
    verify: (run) => assert.match(run.stdout, /第1方面重点工作/),
  },
  {
    id: 'big5-page',
    stage: 'parse',
    input: 'Big5 page declaring charset=big5 (traditional characters)',
    expect: 'ok',
    behaviour: 'decoded as Big5',
    setup: (d) => [
      'parse',
      write(d, 'big5.html', big5(htmlPage(planHtml(traditional(planText())), { charset: 'big5' }))),
    ],
    verify: (run) => assert.match(run.stdout, /推進第1-1項任務/),
  },
  {
    id: 'mixed-encodings',
    stage: 'parse',
    input: 'text file: first half UTF-8, second half GBK',
    expect: 'ok',
    behaviour: 'decoded (GB18030 fallback) without crashing; the structure survives',
    setup: (d) => {
      const text = planText({ sections: 4 });
      const cut = text.indexOf('三、');
      return ['parse', write(d, 'mixed.txt', Buffer.concat([Buffer.from(text.slice(0, cut)), gbk(text.slice(cut))]))];
    },
    verify: hasUnits(1),
  },
  {
    id: 'traditional',
    stage: 'parse',
    input: 'plan in traditional characters (UTF-8)',
    expect: 'ok',
    behaviour: 'parsed like simplified text',
    setup: (d) => ['parse', write(d, 'trad.txt', traditional(planText()))],
    verify: hasUnits(12),
  },
  {
    id: 'pinyin-after-chars',
    stage: 'parse',
    input: 'pinyin after every character: 工(gōng)作(zuò)',
    expect: 'ok',
    behaviour: 'parsed without crashing (structure kept)',
    setup: (d) => ['parse', write(d, 'pinyin.txt', withPinyin(planText()))],
    verify: hasUnits(3),
  },
  {
    id: 'full-width',
    stage: 'parse',
    input: 'full-width digits and letters (１．ＡＢＣ)',
    expect: 'ok',
    behaviour: 'numbered items recognised',
    setup: (d) => ['parse', write(d, 'wide.txt', `${fullWidth(planText())}５．ＡＢＣ项目。\n`)],
    verify: hasUnits(12),
  },
  {
    id: 'no-structure',
    stage: 'parse',
    input: 'prose with no numbered structure',
    expect: 'error',
    behaviour: 'one-line error: no numbered sections or items',
    exit: 1,
    message: /prose\.txt: no numbered sections or items found/,
    setup: (d) => [
      'parse',
      write(d, 'prose.txt', '今年要做好教育工作。我们将继续努力，提高质量。\n坚持改革，促进公平。\n'),
    ],
  },
  {
    id: 'only-headings',
    stage: 'parse',
    input: 'only section headings, no tasks',
    expect: 'warning',
    behaviour: 'parsed; warnings for sections without content',
    message: /warning .*\[empty-section\]/,
    setup: (d) => ['parse', write(d, 'heads.txt', '2012年工作要点\n一、总体要求\n二、主要任务\n三、保障措施\n')],
    verify: hasUnits(3),
  },
  {
    id: 'duplicate-numbering',
    stage: 'parse',
    input: 'duplicate and out-of-order numbering (1. 2. 2. 4. 3.)',
    expect: 'ok',
    behaviour: 'parsed; every item kept',
    setup: (d) =>
      ['1', '2', '2', '4', '3'].reduce(
        (args, n, i) => {
          writeFileSync(args[1]!, `${i === 0 ? '2012年工作要点\n一、任务\n' : ''}${n}.推进第${i}项工作。\n`, {
            flag: 'a',
          });
          return args;
        },
        ['parse', join(d, 'dup.txt')],
      ),
    verify: hasUnits(6),
  },
  {
    id: 'deep-nesting',
    stage: 'parse',
    input: 'numbering nested 40 levels deep',
    expect: 'ok',
    behaviour: 'parsed in bounded time (no recursion blow-up)',
    setup: (d) => ['parse', write(d, 'deep.txt', deeplyNested(40))],
    verify: hasUnits(5),
  },
  {
    id: 'tasks-5000',
    stage: 'parse',
    input: 'a plan of 5,000 numbered tasks',
    expect: 'ok',
    behaviour: 'parsed in bounded time and memory',
    setup: (d) => ['parse', write(d, 'many.txt', manyTasksPlan(5000))],
    verify: hasUnits(5000),
  },
  {
    id: 'emoji-rare-cjk',
    stage: 'parse',
    input: 'emoji and CJK Extension B characters (𠀀 𪚥 🎓)',
    expect: 'ok',
    behaviour: 'characters kept intact',
    setup: (d) => ['parse', write(d, 'emoji.txt', planText().replace('推进第1-1项', '推进🎓𠀀𪚥第1-1项'))],
    verify: (run) => assert.match(run.stdout, /推进🎓𠀀𪚥第1-1项/),
  },
  {
    id: 'crlf',
    stage: 'parse',
    input: 'CRLF line ends',
    expect: 'ok',
    behaviour: 'same units as with LF',
    setup: (d) => ['parse', write(d, 'crlf.txt', planText({ eol: '\r\n' }))],
    verify: hasUnits(12),
  },
  {
    id: 'old-mac-cr',
    stage: 'parse',
    input: 'old Mac CR-only line ends',
    expect: 'ok',
    behaviour: 'same units as with LF',
    setup: (d) => ['parse', write(d, 'cr.txt', planText({ eol: '\r' }))],
    verify: hasUnits(12),
  },
  {
    id: 'utf16-bom',
    stage: 'parse',
    input: 'UTF-16LE text with BOM',
    expect: 'ok',
    behaviour: 'decoded via the BOM',
    setup: (d) => ['parse', write(d, 'utf16.txt', utf16le(planText()))],
    verify: hasUnits(12),
  },
  {
    id: 'utf16-no-bom',
    stage: 'parse',
    input: 'UTF-16LE text without BOM',
    expect: 'error',
    behaviour: 'refused as binary (its NUL bytes) with a one-line error',
    exit: 1,
    message: /u16\.txt: looks like a binary file/,
    setup: (d) => ['parse', write(d, 'u16.txt', utf16le(planText(), false))],
  },
  {
    id: 'utf8-bom',
    stage: 'parse',
    input: 'UTF-8 text with BOM',
    expect: 'ok',
    behaviour: 'BOM dropped; title intact',
    setup: (d) => ['parse', write(d, 'bom.txt', `\ufeff${planText()}`)],
    verify: (run) => assert.match(run.stdout, /"title": "某某县教育局2012年工作要点"/),
  },
  {
    id: 'directory-input',
    stage: 'parse',
    input: 'a directory given as the file',
    expect: 'error',
    behaviour: 'one-line error: is a directory',
    exit: 1,
    message: /is a directory, not a file/,
    setup: (d) => {
      mkdirSync(join(d, 'folder'));
      return ['parse', join(d, 'folder')];
    },
  },
  {
    id: 'missing-file',
    stage: 'parse',
    input: 'a file that does not exist',
    expect: 'error',
    behaviour: 'one-line error: no such file',
    exit: 1,
    message: /nope\.txt: no such file/,
    setup: (d) => ['parse', join(d, 'nope.txt')],
  },
  {
    id: 'only-chrome',
    stage: 'parse',
    input: 'a file of only site-chrome lines (首页 | 网站地图, 版权所有, 打印本页)',
    expect: 'error',
    behaviour: 'one-line error: no numbered sections',
    exit: 1,
    message: /chrome\.txt: no numbered sections/,
    setup: (d) => [
      'parse',
      write(
        d,
        'chrome.txt',
        '首页 | 网站地图 | 联系我们\n当前位置：首页 > 通知公告\n【打印本页】【关闭窗口】\n版权所有：某某县教育局\n',
      ),
    ],
  },
  {
    id: 'html-no-body',
    stage: 'parse',
    input: 'HTML with a head and no body',
    expect: 'error',
    behaviour: 'one-line error: no numbered sections',
    exit: 1,
    message: /nobody\.html: no numbered sections/,
    setup: (d) => ['parse', write(d, 'nobody.html', '<html><head><title>2012年工作要点</title></head></html>')],
  },
  {
    id: 'plan-in-script',
    stage: 'parse',
    input: 'HTML whose only "plan" is inside <script>',
    expect: 'error',
    behaviour: 'script text is not content: no numbered sections',
    exit: 1,
    message: /script\.html: no numbered sections/,
    setup: (d) => [
      'parse',
      write(d, 'script.html', htmlPage(`<script>document.write(${JSON.stringify(planText())});</script>`)),
    ],
  },
  {
    id: 'hostile-html',
    stage: 'parse',
    input: 'plan page with <script>, onerror and javascript: links',
    expect: 'ok',
    behaviour: 'plan parsed; no script code in the output',
    setup: (d) => [
      'parse',
      write(
        d,
        'hostile.html',
        htmlPage(
          `<script>var stolen=document.cookie</script><a href="javascript:evil()">x</a>${planHtml(planText())}<img src=x onerror="steal()">`,
        ),
      ),
    ],
    verify: (run) => {
      hasUnits(12)(run);
      assert.doesNotMatch(run.stdout, /document\.cookie|steal\(\)/);
    },
  },
  {
    id: 'huge-number',
    stage: 'parse',
    input: 'a task with a 400-digit number (beyond float range)',
    expect: 'ok',
    behaviour: 'parsed; the JSON stays valid (no Infinity/null figure)',
    setup: (d) => ['parse', write(d, 'bignum.txt', planText().replace('新建11所', `新建${'9'.repeat(400)}所`))],
    verify: (run) => {
      hasUnits(12)(run);
      assert.doesNotMatch(run.stdout, /"value": null/);
    },
  },
  {
    id: 'url-file-scheme',
    stage: 'parse',
    input: 'file:///etc/passwd as the input',
    expect: 'error',
    behaviour: 'refused: only http and https',
    exit: 3,
    message: /only http and https URLs can be fetched \(got file\)/,
    setup: () => ['parse', 'file:///etc/passwd'],
  },
  {
    id: 'url-ftp-scheme',
    stage: 'parse',
    input: 'ftp:// URL',
    expect: 'error',
    behaviour: 'refused: only http and https',
    exit: 3,
    message: /only http and https URLs can be fetched \(got ftp\)/,
    setup: () => ['parse', 'ftp://127.0.0.1/plan.txt'],
  },
  {
    id: 'url-credentials',
    stage: 'parse',
    input: 'http://user:s3cret@127.0.0.1:PORT/ (nothing listening)',
    expect: 'error',
    behaviour: 'fetch error naming the URL without the password',
    exit: 3,
    message: /http:\/\/127\.0\.0\.1:\d+\/(plan\.html|robots\.txt): .*connection refused/,
    setup: async () => ['parse', `http://user:s3cret@127.0.0.1:${await closedPort()}/plan.html`],
    verify: (run) => assert.doesNotMatch(run.stderr, /s3cret/),
  },
  {
    id: 'out-under-file',
    stage: 'parse',
    input: '--out into a "folder" that is a regular file',
    expect: 'error',
    behaviour: 'one-line error naming the output path',
    exit: 1,
    message: /blocker\/plan\.json/,
    setup: (d) => ['parse', write(d, 'ok.txt', planText()), '--out', join(write(d, 'blocker', 'x'), 'plan.json')],
  },
  {
    id: 'dollar-file-name',
    stage: 'parse',
    input: 'file named `$(touch pwned).txt`',
    expect: 'ok',
    behaviour: 'parsed as a file name; nothing executed',
    setup: (d) => ['parse', write(d, '$(touch pwned).txt', planText())],
    verify: (_run, d) => assert.ok(!existsSync(join(d, 'pwned')), 'a shell ran the file name'),
  },
  {
    id: 'items-200k',
    stage: 'parse',
    input: '200,000 numbered items (5.6 MB)',
    expect: 'ok',
    behaviour: 'parsed in bounded time and memory',
    setup: (d) => {
      const lines = ['2012年工作要点', '一、任务'];
      for (let i = 1; i <= 200_000; i++) lines.push(`${i}.做好第${i}项。`);
      return ['parse', write(d, 'items.txt', `${lines.join('\n')}\n`), '--format', 'text'];
    },
    verify: (run) => assert.match(run.stdout, /200000\. ?做好第200000项/),
  },
  {
    id: 'huge-chapter-number',
    stage: 'parse',
    input: '第99999999999999999999章 and 第九九九九九九九九九九九九章 headings',
    expect: 'ok',
    behaviour: 'parsed; numbers beyond safe integers do not break ordering checks',
    setup: (d) => [
      'parse',
      write(
        d,
        'chap.txt',
        '2012年工作要点\n第99999999999999999999章 总则\n一、任务。\n第九九九九九九九九九九九九章 附则\n二、任务。\n',
      ),
    ],
    verify: hasUnits(2),
  },
  {
    id: 'clean-binary',
    stage: 'clean',
    input: 'clean a binary file named .html',
    expect: 'error',
    behaviour: 'refused: looks like a binary file',
    exit: 1,
    message: /blob\.html: looks like a binary file/,
    setup: (d) => ['clean', write(d, 'blob.html', binaryBlob())],
  },
  {
    id: 'clean-deep-dom',
    stage: 'clean',
    input: 'page with 20,000 nested <div>s around the plan',
    expect: 'ok',
    behaviour: 'cleaned in bounded time (no stack overflow)',
    setup: (d) => [
      'clean',
      write(d, 'deep.html', htmlPage(`${'<div>'.repeat(20_000)}${planHtml(planText())}${'</div>'.repeat(20_000)}`)),
    ],
    verify: (run) => assert.match(run.stdout, /第1方面重点工作/),
  },
  {
    id: 'clean-hostile',
    stage: 'clean',
    input: 'page with hostile task text',
    expect: 'ok',
    behaviour: 'text extracted; script bodies dropped',
    setup: (d) => [
      'clean',
      write(
        d,
        'evil.html',
        htmlPage(`<script>alert(0)</script>${planHtml(planText())}<p>${HOSTILE_TEXT.replace(/</g, '&lt;')}</p>`),
      ),
    ],
    verify: (run) => assert.doesNotMatch(run.stdout, /alert\(0\)/),
  },
];

/** Runs git in a directory and returns stdout. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
}
