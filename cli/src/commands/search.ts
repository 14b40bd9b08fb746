import { requireEditions, searchIndex } from '@plandiff/index';
import { PlandiffError } from '@plandiff/model/errors';
import { renderSearchJson, renderSearchMarkdown, renderSearchText } from '@plandiff/report/search';
import { resolveCorpusDir, withCorpusOption } from '../corpus-dir.ts';
import { useColor, writeResult } from '../output.ts';
import { openSearchIndex } from '../search-index.ts';
import { defineCommand } from './command.ts';

/** `plandiff search <terms..>` — ranked hits over every stored edition of every series. */
export const searchCommand = defineCommand({
  command: 'search <terms..>',
  describe: 'Search every stored edition of every series: ranked hits with a highlighted snippet',
  builder: (y) =>
    withCorpusOption(y)
      .positional('terms', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Terms that must all occur; one shell-quoted argument with spaces is a phrase',
      })
      .option('series', {
        type: 'string',
        array: true,
        requiresArg: true,
        describe: 'Only these series (repeat, or separate with commas)',
      })
      .option('from', { type: 'number', requiresArg: true, describe: 'Only editions of this year or later' })
      .option('to', { type: 'number', requiresArg: true, describe: 'Only editions of this year or earlier' })
      .option('limit', { type: 'number', default: 20, requiresArg: true, describe: 'Most hits to show' })
      .option('format', {
        choices: ['text', 'json', 'md'] as const,
        default: 'text' as const,
        describe: 'text: a block per hit; json: hits with offsets for scripts; md: a Markdown table',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Same as --format json' })
      .option('out', { type: 'string', requiresArg: true, describe: 'Write to this file instead of stdout' })
      .example('$0 search 学前教育', 'Every unit that mentions pre-school education, best first')
      .example('$0 search 教育 --series gwr --from 2013 --to 2018', 'Within one series and years')
      .example('$0 search "义务教育 均衡发展"', 'A phrase: the words next to each other')
      .example('$0 search 義務教育 --format json', 'Traditional characters find simplified text too')
      .epilogue(
        'Terms are matched as substrings of the text (one- and two-character terms work), after folding full-width forms, punctuation and traditional characters; a hit must contain every term. The index lives in .git/plandiff/index.sqlite and is built or updated automatically (see `plandiff index`).',
      ),
  handler: async (args) => {
    const limit = args.limit;
    if (!Number.isInteger(limit) || limit < 1)
      throw new PlandiffError('USAGE', `--limit ${args.limit}: give a whole number ≥ 1`);
    for (const [name, value] of [
      ['from', args.from],
      ['to', args.to],
    ] as const) {
      if (value !== undefined && !Number.isInteger(value))
        throw new PlandiffError('USAGE', `--${name} ${value}: give a year such as 2012`);
    }
    const series = (args.series ?? [])
      .flatMap((s) => String(s).split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    const format = args.json ? 'json' : args.format;
    const dir = resolveCorpusDir(args.corpus);
    const opened = await openSearchIndex(dir);
    try {
      requireEditions(opened);
      const known = new Set(opened.db.prepare('SELECT DISTINCT series FROM editions').pluck().all() as string[]);
      const unknown = series.filter((s) => !known.has(s));
      if (unknown.length > 0) {
        throw new PlandiffError(
          'STORE_NOT_FOUND',
          `--series ${unknown.join(', ')}: no such series in ${dir} (series: ${[...known].sort().join(', ')})`,
        );
      }
      const result = searchIndex(opened.db, args.terms.map(String), {
        limit,
        ...(series.length > 0 ? { series } : {}),
        ...(args.from === undefined ? {} : { from: args.from }),
        ...(args.to === undefined ? {} : { to: args.to }),
      });
      const text =
        format === 'json'
          ? renderSearchJson(result, dir)
          : format === 'md'
            ? renderSearchMarkdown(result)
            : renderSearchText(result, !args.out && useColor());
      writeResult(text, args.out);
    } finally {
      opened.db.close();
    }
  },
});
