import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff fetch` — not built yet. */
export const fetchCommand = defineCommand({
  command: 'fetch',
  describe: '(fetch: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'fetch is not built yet');
  },
});
