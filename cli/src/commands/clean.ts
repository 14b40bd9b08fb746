import type { CleanOutput } from '@plandiff/model';
import { cleanHtmlFile } from '../load-html.ts';
import { cleanUrl, isUrl } from '../load-url.ts';
import { printDiagnostics, writeResult } from '../output.ts';
import { defineCommand } from './command.ts';

/** `plandiff clean <file|url>` — extracts a page's main text and metadata. */
export const cleanCommand = defineCommand({
  command: 'clean <input>',
  describe: "Extract a web page's main text (site chrome removed) with its title, date and 文号",
  builder: (y) =>
    y
      .positional('input', {
        type: 'string',
        demandOption: true,
        describe:
          'A saved page (.html, any encoding: GBK, Big5, UTF-8…), a .docx/.pdf/.doc/.wps file, or an http(s) URL',
      })
      .option('format', {
        choices: ['text', 'json'] as const,
        default: 'text' as const,
        describe:
          'text: the cleaned text; json: {text, title, date, publishedOn, issuedOn, docNumber, issuer, attachments, encoding}',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('ignore-robots', {
        type: 'boolean',
        default: false,
        describe: "Fetch a URL even where the site's robots.txt disallows it (you take responsibility)",
      })
      .option('verbose', { type: 'boolean', default: false, describe: 'Also print info diagnostics' })
      .example('$0 clean page.html', 'Print the clean text of a saved page')
      .example('$0 clean page.html --json', 'Text plus title, publication date, 文号, issuer and attachments')
      .example('$0 clean https://example.gov.cn/2012/plan.html', 'Fetch politely (robots.txt, 1 s per host) and clean'),
  handler: async (args) => {
    const input = args.input;
    const page = isUrl(input) ? await cleanUrl(input, { ignoreRobots: args.ignoreRobots }) : await cleanHtmlFile(input);
    const { clean } = page;
    printDiagnostics(clean.diagnostics, input, !args.verbose);
    if (!args.json) {
      writeResult(clean.text);
      return;
    }
    const out: CleanOutput = {
      text: clean.text,
      title: clean.title ?? null,
      date: clean.date ?? null,
      publishedOn: clean.publishedOn ?? null,
      issuedOn: clean.issuedOn ?? null,
      docNumber: clean.docNumber ?? null,
      issuer: clean.issuer ?? null,
      attachments: clean.attachments,
      encoding: page.encoding,
    };
    writeResult(`${JSON.stringify(out, null, 2)}\n`);
  },
});
