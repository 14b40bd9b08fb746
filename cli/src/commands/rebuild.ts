import { rebuildCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { storeNormalizer } from '../store-normalizer.ts';
import { defineCommand } from './command.ts';
import { withStatusFormat } from './json-option.ts';
import { lockTimeoutFrom } from './store-args.ts';

/** `plandiff rebuild [<ref>]` — re-derives plans from archived sources as one commit. */
export const rebuildCommand = defineCommand({
  command: 'rebuild [ref]',
  describe: 'Re-derive plan.json and plan.md from the archived sources (after the normalizer changed), as one commit',
  builder: (y) =>
    withStatusFormat(
      withCorpusOption(y)
        .positional('ref', {
          type: 'string',
          describe: 'A series (gwr) or an edition (gwr@2012); everything when omitted',
        })
        .option('wait', {
          type: 'number',
          requiresArg: true,
          describe: 'Seconds to wait for another writer to finish (default: $PLANDIFF_LOCK_TIMEOUT, else 30)',
        })
        .example('$0 rebuild', 'Every edition of every series')
        .example('$0 rebuild gwr', 'One series')
        .example('$0 rebuild luzhou-edu@2012', 'One edition'),
      'Print the result as JSON',
    ),
  handler: async (args) => {
    const dir = resolveCorpusDir(args.corpus);
    const report = await rebuildCorpus(dir, {
      normalizer: storeNormalizer,
      ...(args.ref === undefined ? {} : { target: args.ref }),
      ...lockTimeoutFrom(args.wait),
    });
    if (args.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    for (const ref of report.changed) process.stdout.write(`rebuilt   ${ref}\n`);
    process.stdout.write(
      report.commit
        ? `${report.changed.length} of ${report.checked.length} edition(s) changed; committed ${report.commit.slice(0, 12)}\n`
        : `${report.checked.length} edition(s) checked; nothing changed, no commit\n`,
    );
  },
});
