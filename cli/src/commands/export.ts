import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportPassim, exportSqlite } from '@plandiff/index';
import { PlandiffError } from '@plandiff/model/errors';
import { listSeries, settleCorpus } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { createProgress } from '../progress.ts';
import { defineCommand } from './command.ts';

/** Refuses to overwrite a file that is not ours to replace, unless --force. */
function checkTarget(file: string, force: boolean): string {
  const path = resolve(file);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new PlandiffError('OUTPUT_FAILED', `${file}: is a directory`);
    if (!force) throw new PlandiffError('OUTPUT_FAILED', `${file}: exists; use --force to replace it`);
  }
  return path;
}

/** `plandiff export` — the corpus as an SQLite database, or as passim JSON lines. */
export const exportCommand = defineCommand({
  command: 'export',
  describe: 'Export the corpus as an SQLite database (editions, units, figures, changes, goals) or passim JSONL',
  builder: (y) =>
    withCorpusOption(y)
      .option('sqlite', { type: 'string', requiresArg: true, describe: 'Write an SQLite database to this file' })
      .option('jsonl', {
        type: 'string',
        requiresArg: true,
        describe: 'Write passim input {id, series, text}, one JSON object a line, to this file (- for stdout)',
      })
      .option('units', {
        type: 'boolean',
        default: false,
        describe: 'JSONL: one record per unit instead of per edition',
      })
      .option('series', { type: 'string', array: true, requiresArg: true, describe: 'Only these series (repeatable)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing output file' })
      .check((a) => {
        if (a.sqlite === undefined && a.jsonl === undefined) throw new Error('give --sqlite FILE or --jsonl FILE');
        return true;
      })
      .example('$0 export --sqlite plans.sqlite', 'Open it with sqlite3, Datasette or pandas.read_sql')
      .example('$0 export --jsonl - --units | head', 'One passim record per unit on stdout')
      .example('$0 export --sqlite gwr.sqlite --series gwr', 'Only one series')
      .epilogue(
        'The SQLite schema (tables editions, units, figures, changes, goals, goal_events) is documented in docs/search.md. changes and goals come from diffing consecutive editions of each series, as `plandiff trace` does.',
      ),
  handler: async (args) => {
    const dir = resolveCorpusDir(args.corpus);
    await settleCorpus(dir);
    const known = new Set(listSeries(dir).map((s) => s.series));
    const series = (args.series ?? []).flatMap((s) => String(s).split(',')).filter(Boolean);
    const unknown = series.filter((s) => !known.has(s));
    if (unknown.length > 0)
      throw new PlandiffError('STORE_NOT_FOUND', `--series ${unknown.join(', ')}: no such series in ${dir}`);
    const filter = series.length > 0 ? { series } : {};
    if (args.sqlite !== undefined) {
      const file = checkTarget(args.sqlite, args.force);
      let progress: ReturnType<typeof createProgress> | undefined;
      const summary = await exportSqlite(dir, file, {
        ...filter,
        onProgress: (done, total, label) => {
          progress ??= createProgress(total);
          progress.update(done, `diffing ${label}`);
        },
      }).finally(() => progress?.done());
      process.stdout.write(
        `wrote ${file}: ${summary.editions} editions of ${summary.series} series, ${summary.units} units, ${summary.figures} figures, ${summary.changes} changes, ${summary.goals} goals\n`,
      );
    }
    if (args.jsonl !== undefined) {
      const toStdout = args.jsonl === '-';
      const file = toStdout ? '-' : checkTarget(args.jsonl, args.force);
      const out = toStdout ? process.stdout : createWriteStream(file);
      let n = 0;
      // A reader that stops early (`| head`) closes the pipe: stop writing, quietly.
      let closed = false;
      out.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
        out.emit('drain');
      });
      for await (const record of exportPassim(dir, { ...filter, units: args.units })) {
        if (closed) break;
        if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
        n++;
      }
      if (!toStdout) {
        out.end();
        await once(out, 'finish');
        process.stdout.write(`wrote ${file}: ${n} records\n`);
      }
    }
  },
});
