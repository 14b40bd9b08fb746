import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff demo` — not built yet. */
export const demoCommand = defineCommand({
  command: 'demo',
  describe: '(demo: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'demo is not built yet');
  },
});
