import { listSeries, settleCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { defineCommand } from './command.ts';
import { withStatusFormat } from './json-option.ts';

/** `plandiff list` — the series in the corpus and their editions. */
export const listCommand = defineCommand({
  command: 'list',
  describe: 'List the series in the corpus and their editions',
  builder: (y) =>
    withStatusFormat(
      withCorpusOption(y)
        .example('$0 list', 'One line per series: name, issuer, region, editions')
        .example('$0 list --json --corpus ~/plans', 'For scripts'),
      'Print as JSON',
    ),
  handler: async (args) => {
    const dir = resolveCorpusDir(args.corpus);
    await settleCorpus(dir);
    const series = listSeries(dir);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ corpus: dir, series }, null, 2)}\n`);
      return;
    }
    if (series.length === 0) {
      process.stdout.write(`${dir}: no series yet; add some with \`plandiff import FILE --series NAME\`\n`);
      return;
    }
    for (const s of series) {
      const about = [s.info.issuer, s.info.region].filter(Boolean).join(', ');
      process.stdout.write(`${s.series}${about ? ` (${about})` : ''}: ${s.editions.length} edition(s)\n`);
      if (s.editions.length > 0) process.stdout.write(`  ${s.editions.join(' ')}\n`);
      if (s.info.notes) process.stdout.write(`  ${s.info.notes}\n`);
    }
  },
});
