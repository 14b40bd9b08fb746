import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff log` — not built yet. */
export const logCommand = defineCommand({
  command: 'log',
  describe: '(log: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'log is not built yet');
  },
});
