import { PlandiffError } from '@plandiff/model/errors';
import { explainBadName } from './names.ts';

/** A parsed corpus reference: `series@edition`, `series@edition~N` (N versions back), `series@latest`. */
export interface CorpusRef {
  series: string;
  /** An edition name, or `latest` for the newest edition of the series. */
  edition: string;
  /** How many versions back (0 = current). */
  back: number;
}

/** True when `ref` has the shape of a corpus reference (`name@name` with an optional `~N`). */
export function looksLikeRef(ref: string): boolean {
  return /^[^/\\@~\s]+@[^/\\@~\s]+(~\d*)?$/u.test(ref);
}

/** Parses `S@E`, `S@E~N` (`S@E~` = `~1`) or `S@latest`; throws BAD_REF with the reason otherwise. */
export function parseRef(ref: string): CorpusRef {
  const match = /^([^@]+)@([^@~]+)(?:~(\d*))?$/u.exec(ref);
  if (!match) {
    throw new PlandiffError(
      'BAD_REF',
      `${ref}: not a corpus reference; write series@edition, series@edition~1 or series@latest`,
    );
  }
  const [, series = '', edition = '', back] = match;
  const badSeries = explainBadName(series, 'series');
  if (badSeries) throw new PlandiffError('BAD_REF', `${ref}: series name is not valid: ${badSeries}`);
  if (edition !== 'latest') {
    const badEdition = explainBadName(edition, 'edition');
    if (badEdition) throw new PlandiffError('BAD_REF', `${ref}: edition name is not valid: ${badEdition}`);
  }
  return { series, edition, back: back === undefined ? 0 : back === '' ? 1 : Number(back) };
}

/** Formats a reference back to text. */
export function formatRef(ref: CorpusRef): string {
  return `${ref.series}@${ref.edition}${ref.back > 0 ? `~${ref.back}` : ''}`;
}
