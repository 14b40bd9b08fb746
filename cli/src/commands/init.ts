import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff init` — not built yet. */
export const initCommand = defineCommand({
  command: 'init',
  describe: '(init: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'init is not built yet');
  },
});
