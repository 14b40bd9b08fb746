import type { Argv } from 'yargs';

/** `--format text|json` for commands whose output is a status (import, list, log …), plus `--json`. */
export function withStatusFormat<T>(y: Argv<T>, describe = 'Print the result as JSON') {
  return y
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'text: lines for people; json: for scripts',
    })
    .option('json', { type: 'boolean', default: false, describe: `${describe} (same as --format json)` });
}

/** Makes `--json` and `--format json` one spelling: whichever was given, the command sees both. */
export function syncJsonFormat(argv: Record<string, unknown>): void {
  if (argv.json === true) argv.format = 'json';
  else if (argv.format === 'json' && 'json' in argv) argv.json = true;
}
