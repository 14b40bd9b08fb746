import { logEdition } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { archivedFiles, formatArchivedFile } from '../render-files.ts';
import { defineCommand } from './command.ts';
import { withStatusFormat } from './json-option.ts';

/** `plandiff log <ref>` — every archived version of an edition. */
export const logCommand = defineCommand({
  command: 'log <ref>',
  describe: 'List every archived version of an edition: commit, date, source, sha256, attachments',
  builder: (y) =>
    withStatusFormat(
      withCorpusOption(y)
        .positional('ref', { type: 'string', demandOption: true, describe: 'series@edition or series@latest' })
        .example('$0 log luzhou-edu@2012', 'Newest version first; ~1 in a reference is the second line')
        .example('$0 log gwr@latest --json', 'For scripts'),
      'Print as JSON',
    ),
  handler: async (args) => {
    const versions = await logEdition(resolveCorpusDir(args.corpus), args.ref);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(versions, null, 2)}\n`);
      return;
    }
    const base = args.ref.replace(/~\d*$/, '');
    versions.forEach((v, i) => {
      const ref = i === 0 ? base : `${base}~${i}`;
      const from = v.url ?? v.fileName ?? '(unknown source)';
      process.stdout.write(
        `${v.commit.slice(0, 12)}  ${v.date}  ${ref.padEnd(18)} sha256 ${v.sha256.slice(0, 16)}  ${from}\n`,
      );
      // A page archived with its attachments: every file of the version, the plan's marked.
      if (v.attachments?.length)
        for (const f of archivedFiles(v)) process.stdout.write(`    ${formatArchivedFile(f)}\n`);
    });
  },
});
