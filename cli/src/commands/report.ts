import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff report` — not built yet. */
export const reportCommand = defineCommand({
  command: 'report',
  describe: '(report: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'report is not built yet');
  },
});
