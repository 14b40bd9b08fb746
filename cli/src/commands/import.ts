import { basename } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import { checkSourceFile, importSources, type SourceInput, validateName } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { type LoadedFile, loadFile } from '../load-file.ts';
import { isHtmlPath } from '../load-html.ts';
import { printDiagnostics } from '../output.ts';
import { createProgress } from '../progress.ts';
import { refreshSearchIndex } from '../refresh-index.ts';
import { storeNormalizer } from '../store-normalizer.ts';
import { defineCommand } from './command.ts';
import {
  ensureCorpus,
  formatOutcome,
  importantDiagnostics,
  lockTimeoutFrom,
  seriesInfoFrom,
  withWriteOptions,
} from './store-args.ts';

/** `plandiff import <file...>` — archives local text/HTML/document files into the corpus as one commit. */
export const importCommand = defineCommand({
  command: 'import <files..>',
  describe: 'Archive plan files (text, saved HTML, .docx, .pdf, .doc, .wps) into the corpus, one commit per invocation',
  builder: (y) =>
    withWriteOptions(withCorpusOption(y))
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Files to archive' })
      .option('edition-from', {
        choices: ['year', 'file'] as const,
        default: 'year' as const,
        describe: "Without --edition: name editions by the plan's year, or by the 4-digit year in each file name",
      })
      .example(
        '$0 import seeds/000_4d3ac6cf14e30664.txt --series luzhou-edu',
        'Store as luzhou-edu@2012 (year from the plan)',
      )
      .example(
        '$0 import corpus/gwr/*.txt --series gwr --edition-from file --issuer 国务院',
        'Many reports, one commit; editions from the file names',
      )
      .example('$0 import page.html --series edu --edition 2012-revised', 'Name the edition yourself')
      .epilogue(
        "The edition is the plan's year unless --edition is given; when the plan has no year, a 4-digit year in the file name is used. Importing the same bytes again changes nothing; changed bytes for an existing edition become a new version (see `plandiff log`).",
      ),
  handler: async (args) => {
    // Names first: a bad name is refused before any file is read or anything is written.
    validateName(args.series, 'series');
    if (args.edition !== undefined) validateName(args.edition, 'edition');
    const files = args.files.map(String);
    // Sizes next, from the file system: an oversized file is refused before any file is read.
    for (const path of files) checkSourceFile(path);
    const inputs: SourceInput[] = [];
    for (const path of files) {
      const file = await loadFile(path);
      const kind = sourceKindOf(file.format, path, file.text);
      const input: SourceInput = {
        bytes: file.bytes,
        kind,
        series: args.series,
        label: path,
        fileName: basename(path),
      };
      if (args.edition !== undefined) input.edition = args.edition;
      const year = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(basename(path))?.[1];
      if (args.editionFrom === 'file' && args.edition === undefined) {
        if (!year)
          throw new PlandiffError('USAGE', `${path}: no 4-digit year in the file name for --edition-from file`);
        input.edition = year;
      } else if (year) input.editionFallback = year;
      inputs.push(input);
    }
    const dir = resolveCorpusDir(args.corpus);
    await ensureCorpus(dir, lockTimeoutFrom(args.wait));
    const progress = createProgress(files.length);
    progress.update(0, files[0]);
    const seriesInfo = seriesInfoFrom(args);
    let report: Awaited<ReturnType<typeof importSources>>;
    try {
      report = await importSources(dir, inputs, {
        normalizer: storeNormalizer,
        force: args.force,
        command: 'import',
        onParsed: (done, label) => progress.update(done, done < files.length ? files[done] : `storing after ${label}`),
        ...(seriesInfo ? { seriesInfo } : {}),
        ...lockTimeoutFrom(args.wait),
      });
    } finally {
      progress.done();
    }
    if (report.commit) await refreshSearchIndex(dir);
    for (const path of report.keptLocal ?? [])
      process.stderr.write(`plandiff: kept your uncommitted change to ${path} (the commit has plandiff's version)\n`);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ corpus: dir, ...report }, null, 2)}\n`);
      return;
    }
    for (const edition of report.editions) {
      if (edition.status !== 'unchanged') printDiagnostics(importantDiagnostics(edition.diagnostics), edition.label);
      const ref = `${edition.series}@${edition.edition}`;
      process.stdout.write(`${formatOutcome(edition.status, ref, edition.label, edition.sha256)}\n`);
    }
    process.stdout.write(
      report.commit ? `committed ${report.commit.slice(0, 12)} in ${dir}\n` : 'nothing changed; no commit\n',
    );
  },
});

/** The archived kind of a loaded file: a document as itself, else HTML or text. */
function sourceKindOf(format: LoadedFile['format'], path: string, text: string): SourceInput['kind'] {
  if (format === 'docx' || format === 'pdf' || format === 'doc' || format === 'wps') return format;
  return format === 'html' || isHtmlPath(path) || looksLikeHtml(text) ? 'html' : 'txt';
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024));
}
