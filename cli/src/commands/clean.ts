import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff clean` — not built yet. */
export const cleanCommand = defineCommand({
  command: 'clean',
  describe: '(clean: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'clean is not built yet');
  },
});
