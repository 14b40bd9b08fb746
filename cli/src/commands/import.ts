import { PlandiffError } from '@plandiff/model';
import { defineCommand } from './command.ts';

/** `plandiff import` — not built yet. */
export const importCommand = defineCommand({
  command: 'import',
  describe: '(import: not built yet)',
  builder: (y) => y,
  handler: async () => {
    throw new PlandiffError('USAGE', 'import is not built yet');
  },
});
