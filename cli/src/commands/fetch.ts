import { isPlandiffError, PlandiffError } from '@plandiff/model';
import { detectFormat, fetchPage, isDocumentFormat, type RetryInfo } from '@plandiff/scrape';
import { type ImportFailure, importSources, type SourceInput, stripCredentials, validateName } from '@plandiff/store';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { followAttachments } from '../follow-attachments.ts';
import { setExitCode } from '../io.ts';
import { refuseNoPlan } from '../no-plan.ts';
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

/** `plandiff fetch <url...>` — scrape → normalize → store, one commit for the whole run. */
export const fetchCommand = defineCommand({
  command: 'fetch <urls..>',
  describe: 'Fetch plan pages and archive them (exact bytes + derived plan) into the corpus',
  builder: (y) =>
    withWriteOptions(withCorpusOption(y))
      .positional('urls', { type: 'string', array: true, demandOption: true, describe: 'Page URLs (http or https)' })
      .option('ignore-robots', {
        type: 'boolean',
        default: false,
        describe: 'Fetch even where robots.txt disallows it',
      })
      .option('attachments', {
        type: 'boolean',
        default: true,
        describe: "Follow the page's attachment links (.docx .pdf .doc .wps .xls .xlsx); --no-attachments: do not",
      })
      .option('delay', {
        type: 'number',
        requiresArg: true,
        describe: 'Least seconds between two requests to one host (default 1; a longer robots.txt Crawl-delay wins)',
      })
      .option('timeout', {
        type: 'number',
        requiresArg: true,
        describe: 'Seconds one request may take, body included (default 30; env PLANDIFF_FETCH_TIMEOUT)',
      })
      .option('retries', {
        type: 'number',
        requiresArg: true,
        describe: 'Extra attempts after a 429, a 5xx or a network error (default 3; env PLANDIFF_FETCH_RETRIES)',
      })
      .example('$0 fetch https://example.gov.cn/2012.html --series luzhou-edu', 'Archive one page as luzhou-edu@2012')
      .example('$0 fetch $(cat urls.txt) --series luzhou-edu', 'Several pages: a progress bar, a line per URL')
      .epilogue(
        'Pages are fetched one after another; each gets a result line. Pages that fail, and responses that hold no plan (an empty body, a "页面不存在" page, an error or login page, a PDF without text), are summarised at the end and the exit code is 3; nothing they hold is stored, and the others are still stored, in one commit. A .docx, .pdf, .doc or .wps response is archived as it is and read as the plan.\n\nAttachments: the documents and spreadsheets a page links (附件：《…》.docx) are fetched with the same delay, robots.txt, timeouts, retries and a 16 MB cap, and archived beside the page in the same commit (attachment-1.docx …, sha256 in source.json). When a document holds the plan, the plan is read from it and the page becomes its notice. An attachment that fails is named by a warning and left out.\n\nEnvironment: PLANDIFF_FETCH_TIMEOUT (seconds per request) and PLANDIFF_FETCH_RETRIES set the defaults of --timeout and --retries.',
      ),
  handler: async (args) => {
    validateName(args.series, 'series');
    if (args.edition !== undefined) validateName(args.edition, 'edition');
    const urls = args.urls.map(String);
    const timing = fetchTiming(args);
    const dir = resolveCorpusDir(args.corpus);
    await ensureCorpus(dir, lockTimeoutFrom(args.wait));
    const progress = createProgress(urls.length);
    const failures: ImportFailure[] = [];
    const inputs: SourceInput[] = [];
    for (const [i, url] of urls.entries()) {
      progress.update(i, url);
      try {
        const politeness = {
          ignoreRobots: args.ignoreRobots,
          ...timing,
          onRetry: (r: RetryInfo) =>
            progress.log(`retrying ${r.url} in ${Math.round(r.waitMs / 1000)} s: ${r.reason}`, process.stderr),
        };
        const page = await fetchPage(url, politeness);
        const type = page.headers['content-type'] ?? '';
        const format = detectFormat(page.bytes, new URL(page.finalUrl).pathname, type);
        const input: SourceInput = {
          bytes: page.bytes,
          kind: isDocumentFormat(format) ? format : /text\/plain/i.test(type) ? 'txt' : 'html',
          series: args.series,
          label: stripCredentials(url),
          url: page.url,
          finalUrl: page.finalUrl,
          status: page.status,
          fetchedAt: page.fetchedAt,
          encoding: page.encoding,
          headers: page.headers,
        };
        if (args.edition !== undefined) input.edition = args.edition;
        if (args.attachments) {
          // Attachment warnings name the file and why it was left out; only the CLI prints.
          for (const d of await followAttachments(page, input, politeness))
            progress.log(`${input.label}: ${d.severity} ${d.reason} [${d.ruleId}]`, process.stderr);
        }
        if (input.planFrom === undefined) await refuseNoPlan(page, input).catch((e) => notePlanless(e, input));
        inputs.push(input);
      } catch (error) {
        if (!isPlandiffError(error)) throw error;
        failures.push({ label: stripCredentials(url), code: error.code, message: error.message });
        progress.log(formatOutcome('failed', '', stripCredentials(url)));
      }
    }
    progress.update(urls.length, 'storing…');
    const seriesInfo = seriesInfoFrom(args);
    const report =
      inputs.length === 0
        ? { editions: [], failures: [] }
        : await importSources(dir, inputs, {
            normalizer: storeNormalizer,
            force: args.force,
            command: 'fetch',
            onError: 'collect',
            ...(seriesInfo ? { seriesInfo } : {}),
            ...lockTimeoutFrom(args.wait),
          }).finally(() => progress.done());
    progress.done();
    failures.push(...report.failures);
    if ('commit' in report && report.commit) await refreshSearchIndex(dir);
    if (failures.length > 0) setExitCode(3);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ corpus: dir, ...report, failures }, null, 2)}\n`);
      return;
    }
    for (const f of report.failures) process.stdout.write(`${formatOutcome('failed', '', f.label)}\n`);
    for (const e of report.editions) {
      if (e.status !== 'unchanged') printDiagnostics(importantDiagnostics(e.diagnostics), e.label);
      process.stdout.write(`${formatOutcome(e.status, `${e.series}@${e.edition}`, e.label, e.sha256)}\n`);
      if (e.status !== 'unchanged')
        for (const a of e.attachments ?? [])
          process.stdout.write(
            `  + ${a.file}${a.file === e.planFrom ? ' (plan)' : ''}  ${JSON.stringify(a.name)}  sha256 ${a.sha256.slice(0, 12)}\n`,
          );
    }
    if ('commit' in report && report.commit)
      process.stdout.write(`committed ${report.commit.slice(0, 12)} in ${dir}\n`);
    else if (report.editions.length > 0) process.stdout.write('nothing changed; no commit\n');
    if (failures.length > 0) {
      process.stderr.write(`plandiff: ${failures.length} of ${urls.length} URL(s) failed:\n`);
      for (const f of failures)
        process.stderr.write(`  ${f.message.startsWith(f.label) ? f.message : `${f.label}: ${f.message}`}\n`);
    }
  },
});

/** A NO_PLAN refusal of a page with attachments says none of them holds the plan either. */
function notePlanless(error: unknown, input: SourceInput): never {
  const n = input.attachments?.length ?? 0;
  if (n > 0 && isPlandiffError(error) && error.code === 'NO_PLAN')
    throw new PlandiffError(
      'NO_PLAN',
      error.message.replace(/; nothing stored$/, `, nor do its ${n} fetched attachment(s); nothing stored`),
    );
  throw error;
}

/** --delay/--timeout/--retries as fetch options (seconds on the command line, ms inside). */
function fetchTiming(args: { delay?: number | undefined; timeout?: number | undefined; retries?: number | undefined }) {
  const options: { delayMs?: number; timeoutMs?: number; connectTimeoutMs?: number; retries?: number } = {};
  const bad = (name: string, value: number) =>
    new PlandiffError(
      'USAGE',
      `--${name} ${value}: give a number of seconds${name === 'retries' ? ' (a whole number)' : ''} ≥ 0`,
    );
  if (args.delay !== undefined) {
    if (!Number.isFinite(args.delay) || args.delay < 0) throw bad('delay', args.delay);
    options.delayMs = args.delay * 1000;
  }
  if (args.timeout !== undefined) {
    if (!Number.isFinite(args.timeout) || args.timeout <= 0) throw bad('timeout', args.timeout);
    options.timeoutMs = args.timeout * 1000;
    options.connectTimeoutMs = Math.min(10_000, args.timeout * 1000);
  }
  if (args.retries !== undefined) {
    if (!Number.isInteger(args.retries) || args.retries < 0) throw bad('retries', args.retries);
    options.retries = args.retries;
  }
  return options;
}
