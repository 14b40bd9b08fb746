import { statSync } from 'node:fs';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { openSearchIndex } from '../search-index.ts';
import { defineCommand } from './command.ts';
import { withStatusFormat } from './json-option.ts';

/** `plandiff index` — brings the search index up to date (or rebuilds it) and says what it holds. */
export const indexCommand = defineCommand({
  command: 'index',
  describe: 'Build or update the search index (derived from the corpus; search, echoes and export use it)',
  builder: (y) =>
    withStatusFormat(
      withCorpusOption(y)
        .option('rebuild', { type: 'boolean', default: false, describe: 'Build it from scratch' })
        .example('$0 index', 'Update the index to the corpus HEAD and show its size')
        .example('$0 index --rebuild', 'Throw the index away and build it again')
        .epilogue(
          'The index is .git/plandiff/index.sqlite inside the corpus: never in the work tree, never committed. Deleting it loses nothing; it is rebuilt on the next search. import and fetch update an existing index; any command that needs it updates it when the corpus HEAD moved.',
        ),
      'Print the status as JSON',
    ),
  handler: async (args) => {
    const dir = resolveCorpusDir(args.corpus);
    const opened = await openSearchIndex(dir, { rebuild: args.rebuild });
    try {
      const count = (sql: string) => opened.db.prepare(sql).pluck().get() as number;
      const status = {
        corpus: opened.corpus.dir,
        index: opened.path,
        status: opened.sync.status,
        series: count('SELECT count(DISTINCT series) FROM editions'),
        editions: count('SELECT count(*) FROM editions'),
        units: count('SELECT count(*) FROM units'),
        bytes: statSync(opened.path).size,
        head: opened.db.prepare("SELECT value FROM meta WHERE key = 'head'").pluck().get() as string,
      };
      if (args.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      const mb = (status.bytes / 2 ** 20).toFixed(1);
      process.stdout.write(
        `${status.index}\n  ${status.series} series, ${status.editions} editions, ${status.units} units, ${mb} MB; at ${status.head.slice(0, 12) || '(no commit)'} (${status.status})\n`,
      );
    } finally {
      opened.db.close();
    }
  },
});
