import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlandiffError } from '@plandiff/model';
import { z } from 'zod';
import { type Git, openGit } from './git.ts';
import { acquireLock } from './lock.ts';
import { assertNoLinks, makeDirs, symlinkError } from './safe-path.ts';
import { checkGitDir } from './scratch.ts';
import { commitFiles, recoverCorpus } from './transaction.ts';
import { headCommit, lsTree, readObjects } from './tree.ts';
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
  git: Git;
  config: CorpusConfig;
  /** The commit `config` was read from (undefined: none yet), and whether it held a corpus.json. */
  readAt?: { head: string | undefined; committed: boolean };
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

/** Parses and validates the text of `corpus.json`, naming `file` in errors. */
export function parseCorpusConfig(text: string, file: string): CorpusConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlandiffError('STORE_INVALID', `${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = CorpusConfigSchema.safeParse(data);
  if (!result.success) {
    throw new PlandiffError('STORE_INVALID', `${file}: ${formatZodIssue(result.error.issues[0])}`);
  }
  return result.data;
}

/**
 * Reads and validates `corpus.json` as committed in HEAD (a user's uncommitted edit is theirs, never
 * read into plandiff's next commit); undefined when HEAD has none (or there is no commit yet).
 */
export function readCorpusConfig(
  dir: string,
  git: Git = openGit(resolve(dir)),
  head: string | undefined = headCommit(git),
): CorpusConfig | undefined {
  if (!head) return undefined;
  const entry = lsTree(git, head, [CORPUS_FILE], false).find((e) => e.path === CORPUS_FILE);
  if (!entry) return undefined;
  if (entry.mode !== '100644' && entry.mode !== '100755') throw symlinkError(join(dir, CORPUS_FILE));
  const bytes = readObjects(git, [entry.id])[0];
  return parseCorpusConfig(bytes?.toString('utf8') ?? '', `${join(dir, CORPUS_FILE)} (in HEAD)`);
}

/** True when `dir` is the top of its own git repository (a real `.git` folder, not merely inside another one). */
export function isGitTop(dir: string): boolean {
  try {
    return lstatSync(join(dir, '.git')).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Opens the corpus at `dir` without writing anything. Refuses (STORE_NOT_FOUND / STORE_NOT_CORPUS) a
 * missing directory, a directory that is not the top of a git repository, or a repository whose
 * HEAD has no `corpus.json` unless `force` is set — so plandiff never commits into someone else's
 * repository by accident.
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
  if (!existsSync(join(abs, '.git'))) {
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: not a plandiff corpus (no git repository at its top); create one with \`plandiff init --corpus ${dir}\``,
    );
  }
  checkGitDir(abs);
  const git = openGit(abs);
  const head = headCommit(git);
  const config = readCorpusConfig(abs, git, head);
  if (!config && !options.force) {
    throw new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: a git repository but not a plandiff corpus (no ${CORPUS_FILE}); use --force to turn it into one`,
    );
  }
  return { dir: abs, git, config: config ?? { plandiff: 1, series: {} }, readAt: { head, committed: !!config } };
}

/** Keeps `.plandiff/` out of `git status` even in a repository whose own .gitignore lacks it (writers only). */
export function excludeScratch(dir: string): void {
  const exclude = join(dir, '.git', 'info', 'exclude');
  try {
    assertNoLinks(dir, '.git/info/exclude');
    const text = existsSync(exclude) ? readFileSync(exclude, 'utf8') : '';
    if (text.split('\n').includes('/.plandiff/')) return;
    makeDirs(dir, '.git/info');
    appendFileSync(exclude, `${text === '' || text.endsWith('\n') ? '' : '\n'}/.plandiff/\n`);
  } catch {
    // a link or odd file there: leave it; the committed .gitignore still covers .plandiff/
  }
}

/** What `initCorpus` did. */
export interface InitResult {
  dir: string;
  /** False when the directory already was a corpus. */
  created: boolean;
  commit?: string;
}

/** Options for initCorpus. */
export interface InitOptions extends OpenOptions {
  lockTimeoutMs?: number;
}

/** Entries that do not make a directory "someone else's": our scratch folder, a repository with no commit yet. */
function foreignEntries(abs: string): string[] {
  if (!existsSync(abs)) return [];
  const unborn = isGitTop(abs) && !headCommit(openGit(abs));
  return readdirSync(abs).filter((name) => name !== '.plandiff' && !(name === '.git' && unborn));
}

/**
 * Creates a corpus at `dir`: a git repository with `corpus.json`, `.gitignore` and `.gitattributes`,
 * committed. An existing corpus is left alone; a non-empty directory that is not one is refused
 * unless `force`. Safe to run from many processes at once: `git init` and the first commit happen
 * under the corpus lock, and whoever comes second finds the corpus made.
 */
export async function initCorpus(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const abs = resolve(dir);
  if (existsSync(abs) && !statSync(abs).isDirectory()) {
    throw new PlandiffError('STORE_NOT_CORPUS', `${abs}: is a file, not a directory`);
  }
  if (existsSync(abs) && isGitTop(abs) && readCorpusConfig(abs)) return { dir: abs, created: false };
  const notCorpus = () =>
    new PlandiffError(
      'STORE_NOT_CORPUS',
      `${abs}: directory is not empty and not a plandiff corpus; choose an empty directory, or use --force to make it one`,
    );
  // Another plandiff may be creating this corpus right now (its files are there, its commit not yet):
  // only then wait for its lock and look again; any other non-empty directory is refused untouched.
  const creating = existsSync(join(abs, '.plandiff'));
  if (!creating && foreignEntries(abs).length > 0 && !options.force) throw notCorpus();
  mkdirSync(abs, { recursive: true });
  const lock = await acquireLock(abs, {
    command: 'init',
    ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
  });
  try {
    if (!existsSync(join(abs, '.git'))) openGit(abs).run(['init', '-q']);
    checkGitDir(abs);
    const git = openGit(abs);
    if (readCorpusConfig(abs, git)) return { dir: abs, created: false }; // another process made it meanwhile
    if (creating && !options.force && foreignEntries(abs).length > 0) throw notCorpus();
    excludeScratch(abs);
    await recoverCorpus({ dir: abs, git });
    const head = headCommit(git);
    const present = new Set(lsTree(git, head, undefined, false).map((e) => e.path));
    const files: Record<string, string> = {
      ...SCAFFOLD,
      [CORPUS_FILE]: renderCorpusConfig({ plandiff: 1, series: {} }),
    };
    const writes = Object.entries(files)
      .filter(([name]) => !present.has(name))
      .map(([path, text]) => ({ path, bytes: Buffer.from(text) }));
    const commit = await commitFiles({ dir: abs, git }, writes, 'Initialise plandiff corpus');
    const now = commit ?? headCommit(git);
    return now ? { dir: abs, created: true, commit: now } : { dir: abs, created: true };
  } finally {
    lock.release();
  }
}
