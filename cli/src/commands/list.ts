import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff list` — not built yet. */
export const listCommand = defineCommand({
  command: 'list',
  describe: '(list: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'list is not built yet');
  },
});
