import { renderOutline } from '@plandiff/normalize';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { loadPlan } from '../load-plan.ts';
import { writeResult } from '../output.ts';
import { defineCommand } from './command.ts';

/** `plandiff show <ref>` — prints a stored plan (JSON or outline). */
export const showCommand = defineCommand({
  command: 'show <ref>',
  describe: 'Print a plan: series@edition, series@edition~1 (previous version), series@latest, or a file/URL',
  builder: (y) =>
    withCorpusOption(y)
      .positional('ref', { type: 'string', demandOption: true, describe: 'Corpus reference, file or URL' })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
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
    // Corpus references read the store; a path or URL is parsed on the fly (nothing is stored).
    const loaded = await loadPlan(args.ref, { corpus: resolveCorpusDir(args.corpus) });
    const text = args.format === 'md' ? renderOutline(loaded.plan) : `${JSON.stringify(loaded.plan, null, 2)}\n`;
    writeResult(text, args.out);
  },
});
