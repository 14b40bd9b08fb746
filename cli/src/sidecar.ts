import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** Metadata a folder's `SOURCES.tsv` gives a file: title and source URL. */
export interface SidecarHints {
  title?: string;
  url?: string;
}

/**
 * Reads `SOURCES.tsv` beside a text file (columns: key, title, url; the key is the file's base name
 * without extension, e.g. `2019`). Plain-text plans often lack a title line; the folder that ships them
 * can still say what they are.
 */
export function readSidecarHints(path: string): SidecarHints {
  const tsv = join(dirname(path), 'SOURCES.tsv');
  if (!existsSync(tsv)) return {};
  const key = basename(path, extname(path));
  const [header, ...rows] = readFileSync(tsv, 'utf8').split(/\r?\n/u);
  const columns = (header ?? '').split('\t');
  const titleAt = columns.indexOf('title');
  const urlAt = columns.indexOf('url');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[0] !== key) continue;
    const hints: SidecarHints = {};
    const title = titleAt >= 0 ? cells[titleAt]?.trim() : undefined;
    const url = urlAt >= 0 ? cells[urlAt]?.trim() : undefined;
    if (title) hints.title = title;
    if (url) hints.url = url;
    return hints;
  }
  return {};
}
