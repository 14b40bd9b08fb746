import { PlandiffError } from '@plandiff/model';

/** Longest series or edition name accepted (one path component, well under every filesystem limit). */
export const MAX_NAME_LENGTH = 100;

/** Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

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
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name)) {
    return 'only letters, digits, ".", "_" and "-" are allowed, starting with a letter or digit';
  }
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
