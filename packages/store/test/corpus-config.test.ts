import { describe, expect, it } from 'vitest';
import {
  type CorpusConfig,
  CorpusConfigSchema,
  parseCorpusConfig,
  renderCorpusConfig,
  type SeriesInfo,
} from '../src/corpus.ts';

// parseCorpusConfig skips the schema for a plain corpus.json (a national archive lists 9,000
// series) and renderCorpusConfig skips sorting names already in order: both must give exactly what
// the schema and a sort give.
const texts = [
  '{"plandiff":1,"series":{"a":{},"b":{"issuer":"某局","region":"泸州"}}}',
  '{"plandiff":1,"series":{"b":{"notes":"x"},"a":{}}}',
  '{"plandiff":1,"series":{"a":{"issuer":"x","extra":"dropped"}},"other":true}',
  '{"plandiff":1,"series":{"10":{},"9":{},"a":{}}}',
];
const invalid = ['{"plandiff":2,"series":{}}', '{"plandiff":1,"series":{"a":{"issuer":3}}}', '{"plandiff":1}', '[]'];

/** The plain way: every name sorted into a new object (integer-like names still come first, as in JS). */
function sortedRender(config: CorpusConfig): string {
  const series: Record<string, SeriesInfo> = {};
  for (const name of Object.keys(config.series).sort()) series[name] = config.series[name] ?? {};
  return `${JSON.stringify({ plandiff: 1, series }, null, 2)}\n`;
}

describe('corpus.json', () => {
  it('parses to what the schema returns and renders in sorted order', () => {
    for (const text of texts) {
      const parsed = parseCorpusConfig(text, 'corpus.json');
      expect(parsed).toEqual(CorpusConfigSchema.parse(JSON.parse(text)));
      const rendered = renderCorpusConfig(parsed);
      expect(rendered).toBe(sortedRender(parsed));
      expect(renderCorpusConfig(parseCorpusConfig(rendered, 'corpus.json'))).toBe(rendered);
    }
    expect(renderCorpusConfig(parseCorpusConfig(texts[1] as string, 'c'))).toBe(
      `${JSON.stringify({ plandiff: 1, series: { a: {}, b: { notes: 'x' } } }, null, 2)}\n`,
    );
  });

  it('refuses what the schema refuses, naming the file', () => {
    for (const text of invalid) expect(() => parseCorpusConfig(text, 'corpus.json')).toThrow(/corpus\.json: /);
  });
});
