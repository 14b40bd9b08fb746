import { initCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { defineCommand } from './command.ts';

/** `plandiff init [dir]` — creates a corpus (a git repository with corpus.json). */
export const initCommand = defineCommand({
  command: 'init [dir]',
  describe: 'Create a corpus: a git repository that archives sources and their plans',
  builder: (y) =>
    withCorpusOption(y)
      .positional('dir', { type: 'string', describe: 'Where to create it (same as --corpus)' })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Turn a non-empty directory or an existing git repository into a corpus',
      })
      .example('$0 init', 'Create the default corpus (~/.local/share/plandiff/corpus)')
      .example('$0 init ~/plans', 'Create a corpus in ~/plans')
      .example('$0 init --corpus ./notes-repo --force', 'Add corpus.json to an existing repository'),
  handler: async (args) => {
    const dir = resolveCorpusDir(args.dir ?? args.corpus);
    const result = await initCorpus(dir, { force: args.force });
    process.stdout.write(
      result.created
        ? `Initialised plandiff corpus in ${result.dir}\n`
        : `${result.dir} is already a plandiff corpus\n`,
    );
  },
});
