/**
 * Runs every bad-input case of the reliability suite through the real CLI and prints (or, with
 * --write, puts into docs/reliability.md between the table markers) one row per case:
 * case → expected behaviour → result (exit code, the line plandiff printed, time, peak memory).
 *
 *   npx tsx bench/reliability-table.ts [--write] [--only=ID,ID]
 *
 * With --only and --write, just those cases' rows are re-run and replaced in the existing table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CASES } from '../test/helpers/all-cases.ts';
import { runCase, summaryLine } from '../test/helpers/check-case.ts';
import { HEAP_LIMIT_MB } from '../test/helpers/reliability.ts';
import { ROOT } from '../test/helpers/run-cli.ts';

const START = '<!-- bad-input-table:start -->';
const END = '<!-- bad-input-table:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<void> {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const cases = only ? ALL_CASES.filter((c) => only.includes(c.id)) : ALL_CASES;
  const rows: string[] = [
    '| # | stage | case | expected behaviour | exit | what plandiff said | time | peak RSS | result |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  let passed = 0;
  for (const c of cases) {
    const { run, failure } = await runCase(c);
    if (!failure) passed++;
    const rss = run.maxRssKb ? `${Math.round(run.maxRssKb / 1024)} MB` : '–';
    const said = summaryLine(run).replace(/\/tmp\/plandiff-rel-\w+\//g, '');
    rows.push(
      `| ${ALL_CASES.indexOf(c) + 1} | ${c.stage} | ${cell(c.input)} (\`${c.id}\`) | ${cell(c.behaviour)} | ${run.code} | ${cell(said || '(nothing on stderr)')} | ${(run.ms / 1000).toFixed(1)} s | ${rss} | ${failure ? `**FAIL**: ${cell(failure.slice(0, 120))}` : 'pass'} |`,
    );
    process.stderr.write(
      `${failure ? 'FAIL' : 'pass'} ${c.id} (${Math.round(run.ms)} ms)${failure ? `: ${failure}` : ''}\n`,
    );
  }
  const doc = join(ROOT, 'docs', 'reliability.md');
  if (process.argv.includes('--write') && only) {
    // Replace just the re-run rows (matched by case id) and recount the pass line.
    let text = readFileSync(doc, 'utf8');
    for (const row of rows.slice(2)) {
      const id = /\(`([^`]+)`\)/.exec(row)?.[1];
      text = text.replace(new RegExp(`^\\| \\d+ \\|[^\\n]*\\(\`${id}\`\\)[^\\n]*$`, 'm'), row);
    }
    const all = text.slice(text.indexOf(START), text.indexOf(END));
    const total = (all.match(/^\| \d+ \|/gm) ?? []).length;
    const ok = (all.match(/\| pass \|$/gm) ?? []).length;
    text = text.replace(/^\d+ of \d+ cases pass;/m, `${ok} of ${total} cases pass;`);
    writeFileSync(doc, text);
    process.stderr.write(`updated ${cases.length} rows in ${doc}\n`);
  } else {
    const summary = `${passed} of ${cases.length} cases pass; heap capped at ${HEAP_LIMIT_MB} MB per run (\`NODE_OPTIONS=--max-old-space-size=${HEAP_LIMIT_MB}\`); generated ${new Date().toISOString().slice(0, 16)}Z by \`npx tsx bench/reliability-table.ts --write\`.`;
    const table = `${rows.join('\n')}\n\n${summary}\n`;
    if (process.argv.includes('--write')) {
      const text = readFileSync(doc, 'utf8');
      const a = text.indexOf(START);
      const b = text.indexOf(END);
      if (a < 0 || b < a) throw new Error(`${doc} lacks the ${START} … ${END} markers`);
      writeFileSync(doc, `${text.slice(0, a + START.length)}\n${table}${text.slice(b)}`);
      process.stderr.write(`wrote ${cases.length} rows into ${doc}\n`);
    } else process.stdout.write(table);
  }
  if (passed < cases.length) process.exitCode = 1;
}

await main();
