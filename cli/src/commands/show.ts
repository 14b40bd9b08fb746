import { renderOutline } from '@plandiff/normalize';
import { loadRef } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { writeResult } from '../output.ts';
import { defineCommand } from './command.ts';

/** `plandiff show <ref>` — prints a stored plan (JSON or outline). */
export const showCommand = defineCommand({
  command: 'show <ref>',
  describe: 'Print a stored plan: series@edition, series@edition~1 (previous version), series@latest',
  builder: (y) =>
    withCorpusOption(y)
      .positional('ref', { type: 'string', demandOption: true, describe: 'Corpus reference' })
      .option('format', {
        choices: ['json', 'md'] as const,
        default: 'json' as const,
        describe: 'json: the canonical plan record; md: the readable outline',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .example('$0 show luzhou-edu@2012', 'The stored plan as JSON')
      .example('$0 show luzhou-edu@2012~1 --format md', 'The outline of the previous version')
      .example('$0 show gwr@latest', 'The newest edition of a series'),
  handler: async (args) => {
    const loaded = await loadRef(resolveCorpusDir(args.corpus), args.ref);
    const text = args.format === 'md' ? renderOutline(loaded.plan) : `${JSON.stringify(loaded.plan, null, 2)}\n`;
    writeResult(text, args.out);
  },
});
