import type { Plan, Unit } from '@plandiff/model';
import { PlandiffError } from '@plandiff/model/errors';
import { renderOutline } from '@plandiff/normalize';
import { loadPlan } from '../load-plan.ts';
import { printDiagnostics, writeResult } from '../output.ts';
import { defineCommand } from './command.ts';

/** `plandiff parse <file>` — normalizes one plan and prints it as JSON, a Markdown outline or a text tree. */
export const parseCommand = defineCommand({
  command: 'parse <file>',
  describe: 'Parse a plan (text, HTML, .docx, .pdf, .doc or .wps file, or URL) into its canonical record and print it',
  builder: (y) =>
    y
      .positional('file', {
        type: 'string',
        demandOption: true,
        describe: 'Plan to parse: a .txt, .html, .docx, .pdf, .doc or .wps file, or a URL',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('format', {
        choices: ['json', 'md', 'text'] as const,
        default: 'json' as const,
        describe:
          'json: the plan record (units/children tree); md: readable Markdown outline; text: numbers and headings',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .option('verbose', {
        type: 'boolean',
        default: false,
        describe: 'Also print info diagnostics (e.g. removed page chrome)',
      })
      .example('$0 parse seeds/000_4d3ac6cf14e30664.txt', 'The 2012 Luzhou plan as JSON')
      .example('$0 parse corpus/gwr/2025.txt --format text', 'Outline of numbers and headings of the 2025 report')
      .example('$0 parse plan.txt --format md --out plan.md', 'Write the Markdown outline to a file')
      .example('$0 parse plan.txt --verbose', 'Show every diagnostic, including removed chrome lines'),
  handler: async (args) => {
    const loaded = await loadPlan(args.file);
    printDiagnostics(
      loaded.diagnostics.filter((d) => d.ruleId !== 'no-structure'),
      args.file,
      !args.verbose,
    );
    const structureless = loaded.diagnostics.find((d) => d.ruleId === 'no-structure' && d.severity === 'error');
    if (structureless || loaded.plan.units.length === 0) {
      throw new PlandiffError(
        'NO_STRUCTURE',
        `${args.file}: ${structureless?.reason ?? 'no numbered sections or items found'}`,
      );
    }
    writeResult(render(loaded.plan, args.format), args.out);
  },
});

function render(plan: Plan, format: 'json' | 'md' | 'text'): string {
  if (format === 'json') return `${JSON.stringify(plan, null, 2)}\n`;
  if (format === 'md') return renderOutline(plan);
  return renderTextTree(plan);
}

/** An indented outline of numbers and headings, one unit a line. */
function renderTextTree(plan: Plan): string {
  const lines: string[] = [];
  if (plan.title) lines.push(plan.title);
  const visit = (unit: Unit): void => {
    lines.push(`${'  '.repeat(unit.depth - 1)}${unit.number || '·'} ${unit.heading}`);
    for (const child of unit.children) visit(child);
  };
  for (const unit of plan.units) visit(unit);
  return `${lines.join('\n')}\n`;
}
