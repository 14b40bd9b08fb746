import { listEditions, listSeries, openCorpus, settleCorpus } from '@plandiff/store';
import { flattenUnits } from './flatten.ts';

/** One passim document: `{id, series, text}`. */
export interface PassimRecord {
  id: string;
  series: string;
  text: string;
}

/**
 * The corpus as passim input (https://github.com/dasmiq/passim), one record per edition (id `series@edition`,
 * text: preamble and units, one per line) or, with `units`, per unit (id `series@edition#unit`).
 */
export async function* exportPassim(
  corpusDir: string,
  options: { series?: readonly string[]; units?: boolean } = {},
): AsyncGenerator<PassimRecord> {
  await settleCorpus(corpusDir);
  const corpus = openCorpus(corpusDir);
  const wanted = options.series ? new Set(options.series) : undefined;
  for (const s of listSeries(corpus.dir)) {
    if (s.editions.length === 0 || (wanted && !wanted.has(s.series))) continue;
    for (const e of listEditions(corpus.dir, s.series)) {
      const units = flattenUnits(e.plan);
      const id = `${s.series}@${e.edition}`;
      if (options.units) {
        for (const u of units) yield { id: `${id}#${u.unitId}`, series: s.series, text: u.text };
      } else {
        yield { id, series: s.series, text: units.map((u) => u.text).join('\n') };
      }
    }
  }
}
