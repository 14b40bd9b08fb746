import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff parse` — not built yet. */
export const parseCommand = defineCommand({
  command: 'parse',
  describe: '(parse: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'parse is not built yet');
  },
});
