import { PlandiffError } from '@plandiff/model/errors';

/** Longest series or edition name accepted (one path component, well under every filesystem limit). */
export const MAX_NAME_LENGTH = 100;

/** Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Names of files plandiff keeps in a corpus: a series or edition of that name would be confused with them. */
const RESERVED_FILES = new Set([
  'corpus.json',
  'source.html',
  'source.txt',
  'source.docx',
  'source.pdf',
  'source.doc',
  'source.wps',
  'source.json',
  'plan.json',
  'plan.md',
  'fetch-log.jsonl',
  'readme.md',
]);

/**
 * The safe alphabet: a–z, 0–9, ".", "_", "-" and CJK ideographs (Han script, incl. 〇). No other
 * scripts (Cyrillic "а" looks like Latin "a"), no full-width forms, no radicals that look like
 * ideographs, nothing Unicode normalisation would change — so two names that look alike or that a
 * case- or normalisation-insensitive filesystem would merge can never both exist.
 */
const SAFE_CHAR = /^[a-z0-9._-]$|^\p{Script=Han}$/u;

/** Words that have a meaning in references (`S@latest`), so cannot name an edition. */
const RESERVED_EDITIONS = new Set(['latest']);

/** Why `name` cannot name a series or edition directory, or undefined when it can. */
export function explainBadName(name: string, kind: 'series' | 'edition' = 'series'): string | undefined {
  if (name === '') return 'it is empty';
  if ([...name].length > MAX_NAME_LENGTH)
    return `it is ${[...name].length} characters long (at most ${MAX_NAME_LENGTH})`;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return 'it contains control characters';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  if (name.includes('..')) return 'it contains ".."';
  if (name.startsWith('.')) return 'it starts with a dot';
  if (WINDOWS_RESERVED.test(name)) return `"${name.split('.')[0]}" is a reserved device name on Windows`;
  if (kind === 'edition' && RESERVED_EDITIONS.has(name.toLowerCase()))
    return `"${name}" is a reserved word in references`;
  if (/\p{Lu}/u.test(name))
    return 'it has upper-case letters (use lower case, so names stay distinct on every filesystem)';
  if (RESERVED_FILES.has(name.toLowerCase())) return `"${name}" is the name of a file plandiff keeps in a corpus`;
  const bad = [...name].find((c) => !SAFE_CHAR.test(c) || (c >= '\u2e80' && c <= '\u2fdf'));
  if (bad !== undefined || name.normalize('NFKC') !== name) {
    const shown =
      bad === undefined
        ? ''
        : ` (${JSON.stringify(bad)} U+${(bad.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')})`;
    return `only letters, digits, ".", "_" and "-" are allowed: a–z, 0–9 and Chinese characters${shown}`;
  }
  if (!/^[a-z0-9\p{Script=Han}]/u.test(name)) return 'it must start with a letter, digit or Chinese character';
  if (name.endsWith('.')) return 'it ends with a dot';
  return undefined;
}

/** Throws BAD_NAME with a clear reason unless `name` is a valid series or edition slug. */
export function validateName(name: string, kind: 'series' | 'edition' = 'series'): string {
  const reason = explainBadName(name, kind);
  if (reason) {
    const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
    throw new PlandiffError('BAD_NAME', `${kind} name ${shown} is not allowed: ${reason}`);
  }
  return name;
}
