import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { cliEnv } from './io.ts';

/**
 * The per-user default corpus: `$XDG_DATA_HOME/plandiff/corpus`, else `~/.local/share/plandiff/corpus`
 * (on Windows `%LOCALAPPDATA%\plandiff\corpus`).
 */
export function defaultCorpusDir(env: NodeJS.ProcessEnv = cliEnv()): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'plandiff', 'corpus');
  const data = env.XDG_DATA_HOME && env.XDG_DATA_HOME !== '' ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(data, 'plandiff', 'corpus');
}

/** The corpus to use: `--corpus DIR`, else `$PLANDIFF_CORPUS`, else the per-user default. */
export function resolveCorpusDir(given?: string, env: NodeJS.ProcessEnv = cliEnv()): string {
  if (given) return resolve(given);
  if (env.PLANDIFF_CORPUS) return resolve(env.PLANDIFF_CORPUS);
  return defaultCorpusDir(env);
}

/** Adds the shared `--corpus DIR` option to a command. */
export function withCorpusOption<T>(y: Argv<T>) {
  return y.option('corpus', {
    type: 'string',
    describe: 'Corpus directory (default: $PLANDIFF_CORPUS, else ~/.local/share/plandiff/corpus)',
    requiresArg: true,
  });
}
