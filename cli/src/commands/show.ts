import { PlandiffError } from '@plandiff/model';
import { renderOutline } from '@plandiff/normalize';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { loadPlan } from '../load-plan.ts';
import { isCorpusRef } from '../load-ref.ts';
import { writeResult } from '../output.ts';
import { type ArchivedFile, archivedFiles, formatArchivedFile } from '../render-files.ts';
import { defineCommand } from './command.ts';

/** `plandiff show <ref>` — prints a stored plan (JSON or outline), or with --files the files archived with it. */
export const showCommand = defineCommand({
  command: 'show <ref>',
  describe: 'Print a plan: series@edition, series@edition~1 (previous version), series@latest, or a file/URL',
  builder: (y) =>
    withCorpusOption(y)
      .positional('ref', { type: 'string', demandOption: true, describe: 'Corpus reference, file or URL' })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('format', {
        choices: ['json', 'md'] as const,
        default: 'json' as const,
        describe: 'json: the canonical plan record; md: the readable outline',
      })
      .option('files', {
        type: 'boolean',
        default: false,
        describe:
          'List the files archived for this version instead (source, attachments: name, type, size, sha256); JSON, or lines with --format md',
      })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .example('$0 show luzhou-edu@2012', 'The stored plan as JSON')
      .example('$0 show luzhou-edu@2012~1 --format md', 'The outline of the previous version')
      .example('$0 show luzhou-edu@2012 --files', 'The page and the attachments archived with it')
      .example('$0 show gwr@latest', 'The newest edition of a series'),
  handler: async (args) => {
    const corpus = resolveCorpusDir(args.corpus);
    if (args.files) {
      if (!isCorpusRef(args.ref))
        throw new PlandiffError('USAGE', `${args.ref}: --files lists what a corpus stores; give series@edition`);
      const files = await filesOf(corpus, args.ref);
      writeResult(
        args.format === 'json'
          ? `${JSON.stringify(files, null, 2)}\n`
          : files.map((f) => `${formatArchivedFile(f)}\n`).join(''),
        args.out,
      );
      return;
    }
    // Corpus references read the store; a path or URL is parsed on the fly (nothing is stored).
    const loaded = await loadPlan(args.ref, { corpus });
    const text = args.format === 'md' ? renderOutline(loaded.plan) : `${JSON.stringify(loaded.plan, null, 2)}\n`;
    writeResult(text, args.out);
    if (isCorpusRef(args.ref)) {
      // The plan record stays as stored on stdout; the files archived with it are named on stderr.
      const files = await filesOf(corpus, args.ref).catch(() => []);
      if (files.length > 1)
        process.stderr.write(
          `${args.ref}: archived files:\n${files.map((f) => `  ${formatArchivedFile(f)}\n`).join('')}`,
        );
    }
  },
});

/** The files archived with the version a reference names. */
async function filesOf(corpus: string, ref: string): Promise<ArchivedFile[]> {
  const { logEdition, parseRef } = await import('@plandiff/store');
  const parsed = parseRef(ref);
  const version = (await logEdition(corpus, parsed))[parsed.back];
  if (!version) throw new PlandiffError('STORE_NOT_FOUND', `${ref}: no such version`);
  return archivedFiles(version);
}
