import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage: string;
};

/** The plandiff version, from cli/package.json. */
export const VERSION: string = pkg.version;
/** Where users learn about plandiff (also named in the scraper's User-Agent). */
export const HOMEPAGE: string = pkg.homepage;
