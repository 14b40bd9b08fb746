import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import type { SimpleGit } from 'simple-git';
import { z } from 'zod';
import { openGit, readHead } from './git.ts';
import { acquireLock } from './lock.ts';
import { commitFiles, recoverCorpus } from './transaction.ts';
import { formatZodIssue } from './validate.ts';

/** What `corpus.json` says about one series. */
export const SeriesInfoSchema = z.object({
  issuer: z.string().optional(),
  region: z.string().optional(),
  notes: z.string().optional(),
});

/** The marker file at the top of every plandiff corpus. */
export const CorpusConfigSchema = z.object({
  plandiff: z.literal(1),
  series: z.record(z.string(), SeriesInfoSchema),
});

/** Metadata of one series. */
export type SeriesInfo = z.infer<typeof SeriesInfoSchema>;
/** Contents of `corpus.json`. */
export type CorpusConfig = z.infer<typeof CorpusConfigSchema>;

/** An opened corpus: its directory, git handle and marker. */
export interface Corpus {
  dir: string;
  git: SimpleGit;
  config: CorpusConfig;
}

/** Options for opening a corpus to write into it. */
export interface OpenOptions {
  /** Accept a git repository without `corpus.json` (it gets one on the next write). */
  force?: boolean;
}

/** Name of the marker file. */
export const CORPUS_FILE = 'corpus.json';
/** Files every corpus carries besides the marker: plandiff's scratch space stays out of git, bytes stay exact. */
export const SCAFFOLD: Record<string, string> = {
  '.gitignore': '# plandiff scratch space (lock, temporary files, journal)\n/.plandiff/\n',
  '.gitattributes': '# Archived sources are kept byte-for-byte: no line-ending or text conversion.\n* -text\n',
};

/** Serialises a corpus marker the way plandiff writes it (stable key order, trailing newline). */
export function renderCorpusConfig(config: CorpusConfig): string {
  const series: Record<string, SeriesInfo> = {};
  for (const name of Object.keys(config.series).sort()) series[name] = config.series[name] ?? {};
  return `${JSON.stringify({ plandiff: 1, series }, null, 2)}\n`;
}

/** Reads and validates `corpus.json`; undefined when the file is absent. */
export function readCorpusConfig(dir: string): CorpusConfig | undefined {
  const path = join(dir, CORPUS_FILE);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PlandiffError('STORE_INVALID', `${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = CorpusConfigSchema.safeParse(data);
  if (!result.success) {
    throw new PlandiffError('STORE_INVALID', `${path}: ${formatZodIssue(result.error.issues[0])}`);
  }
  return result.data;
}

/** True when `dir` is the top of its own git repository (not merely inside another one). */
export function isGitTop(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

/**
 * Opens the corpus at `dir`. Refuses (STORE_NOT_FOUND / STORE_NOT_CORPUS) a missing directory, a
 * directory that is not the top of a git repository, or a repository without `corpus.json`
 * unless `force` is set — so plandiff never commits into someone else's repository by accident.
 */
export function openCorpus(dir: string, options: OpenOptions = {}): Corpus {
  const abs = resolve(dir);
  if (!existsSync(abs)) {
    throw new PlandiffError(
      'STORE_NOT_FOUND',
      `${abs}: no corpus here; create one with \`plandiff init --corpus ${dir}\``,
    );
  }
  if (!statSync(abs).isDirectory())
    throw new PlandiffError('STORE_NOT_CORPUS', `${abs}: is a file, not a corpus directory`);
  if (!isGitTop(abs)) {
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: not a plandiff corpus (no git repository at its top); create one with \`plandiff init --corpus ${dir}\``,
    );
  }
  const config = readCorpusConfig(abs);
  if (!config && !options.force) {
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: a git repository but not a plandiff corpus (no ${CORPUS_FILE}); use --force to turn it into one`,
    );
  }
  excludeScratch(abs);
  return { dir: abs, git: openGit(abs), config: config ?? { plandiff: 1, series: {} } };
}

/** Keeps `.plandiff/` out of `git status` even in a repository whose own .gitignore lacks it. */
function excludeScratch(dir: string): void {
  const exclude = join(dir, '.git', 'info', 'exclude');
  try {
    const text = existsSync(exclude) ? readFileSync(exclude, 'utf8') : '';
    if (text.split('\n').includes('/.plandiff/')) return;
    mkdirSync(dirname(exclude), { recursive: true });
    appendFileSync(exclude, `${text === '' || text.endsWith('\n') ? '' : '\n'}/.plandiff/\n`);
  } catch {
    // .git may be a file (worktree); the committed .gitignore still covers it
  }
}

/** What `initCorpus` did. */
export interface InitResult {
  dir: string;
  /** False when the directory already was a corpus. */
  created: boolean;
  commit?: string;
}

/**
 * Creates a corpus at `dir`: a git repository with `corpus.json`, `.gitignore` and `.gitattributes`,
 * committed. An existing corpus is left alone; a non-empty directory that is not one is refused
 * unless `force`.
 */
export async function initCorpus(dir: string, options: OpenOptions = {}): Promise<InitResult> {
  const abs = resolve(dir);
  if (existsSync(abs) && !statSync(abs).isDirectory()) {
    throw new PlandiffError('STORE_NOT_CORPUS', `${abs}: is a file, not a directory`);
  }
  if (existsSync(abs) && isGitTop(abs) && readCorpusConfig(abs)) return { dir: abs, created: false };
  const nonEmpty = existsSync(abs) && readdirSync(abs).length > 0;
  if (nonEmpty && !options.force) {
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: directory is not empty and not a plandiff corpus; choose an empty directory, or use --force to make it one`,
    );
  }
  mkdirSync(abs, { recursive: true });
  const git = openGit(abs);
  if (!isGitTop(abs)) await git.raw(['init', '-q']);
  excludeScratch(abs);
  const lock = await acquireLock(abs, { command: 'init' });
  try {
    await recoverCorpus({ dir: abs, git });
    const files: Record<string, string> = {
      ...SCAFFOLD,
      [CORPUS_FILE]: renderCorpusConfig({ plandiff: 1, series: {} }),
    };
    const writes = Object.entries(files)
      .filter(([name]) => name !== CORPUS_FILE || !existsSync(join(abs, CORPUS_FILE)))
      .filter(([name]) => name === CORPUS_FILE || !existsSync(join(abs, name)))
      .map(([path, text]) => ({ path, bytes: Buffer.from(text) }));
    const commit = await commitFiles({ dir: abs, git }, writes, 'Initialise plandiff corpus');
    const head = commit ?? (await readHead(git));
    return head ? { dir: abs, created: true, commit: head } : { dir: abs, created: true };
  } finally {
    lock.release();
  }
}
