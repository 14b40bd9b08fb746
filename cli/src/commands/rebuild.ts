import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff rebuild` — not built yet. */
export const rebuildCommand = defineCommand({
  command: 'rebuild',
  describe: '(rebuild: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'rebuild is not built yet');
  },
});
