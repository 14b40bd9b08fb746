import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff trace` — not built yet. */
export const traceCommand = defineCommand({
  command: 'trace',
  describe: '(trace: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'trace is not built yet');
  },
});
