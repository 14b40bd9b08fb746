import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff show` — not built yet. */
export const showCommand = defineCommand({
  command: 'show',
  describe: '(show: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'show is not built yet');
  },
});
