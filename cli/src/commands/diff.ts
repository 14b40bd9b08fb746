import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff diff` — not built yet. */
export const diffCommand = defineCommand({
  command: 'diff',
  describe: '(diff: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'diff is not built yet');
  },
});
