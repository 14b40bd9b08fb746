import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PlandiffError } from '@plandiff/model';

/** Identity used when the environment gives none, so commits work without any global git config. */
const IDENTITY = { name: 'plandiff', email: 'plandiff@localhost' };

/** Environment variables passed through to git. */
const KEPT_ENV = ['PATH', 'HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'LC_ALL'];

/** Git variables we pass on: identity and dates only (never GIT_DIR, GIT_INDEX_FILE, GIT_CONFIG_*…). */
const IDENTITY_ENV = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
];

/**
 * Settings forced on every git call, overriding the corpus's own `.git/config` (a corpus is untrusted:
 * a shared one may carry hooks, an fsmonitor program, an external diff or pager). Content filters and
 * textconv cannot be switched off by name, so plandiff only runs commands that never apply them
 * (hash-object --no-filters, cat-file without --filters/--textconv, log without patches).
 */
export const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  'core.attributesFile=/dev/null',
  'core.autocrlf=false',
  'core.safecrlf=false',
  'core.quotePath=false',
  'core.pager=cat',
  'core.sshCommand=',
  'core.editor=:',
  'commit.gpgsign=false',
  'log.showSignature=false',
  'diff.external=',
  'gc.auto=0',
  'maintenance.auto=false',
  'submodule.recurse=false',
  'color.ui=false',
  'i18n.logOutputEncoding=UTF-8',
];

/** A git repository plandiff runs plumbing commands in (synchronously: a CLI does one thing at a time). */
export interface Git {
  /** The work tree (the corpus directory). */
  dir: string;
  /** Runs git and returns stdout as bytes; throws an Error carrying git's stderr. */
  run(args: string[], input?: string | Uint8Array): Buffer;
  /** Like run, decoded as UTF-8. */
  text(args: string[], input?: string | Uint8Array): string;
  /** Async form of `text`, for callers written against simple-git's `raw`. */
  raw(args: string[]): Promise<string>;
  /** Runs git in a child process alongside the caller's work; resolves when it ends (rejects on failure). */
  start(args: string[]): Promise<void>;
}

/** The environment every git call gets: minimal, system config and attributes off, no prompts. */
function gitEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of [...KEPT_ENV, ...IDENTITY_ENV]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.GIT_AUTHOR_NAME ??= IDENTITY.name;
  env.GIT_AUTHOR_EMAIL ??= IDENTITY.email;
  env.GIT_COMMITTER_NAME ??= IDENTITY.name;
  env.GIT_COMMITTER_EMAIL ??= IDENTITY.email;
  // The repository is named explicitly: a core.worktree or gitfile in the corpus cannot redirect us.
  env.GIT_DIR = join(dir, '.git');
  env.GIT_WORK_TREE = dir;
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.GIT_ATTR_NOSYSTEM = '1';
  env.GIT_NO_REPLACE_OBJECTS = '1';
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_PAGER = 'cat';
  env.LC_ALL ??= 'C';
  return env;
}

/** Opens `dir` (the top of a corpus's work tree) for git plumbing with every safety setting on. */
export function openGit(dir: string): Git {
  const env = gitEnv(dir);
  const config = SAFE_CONFIG.flatMap((c) => ['-c', c]);
  const run = (args: string[], input?: string | Uint8Array): Buffer => {
    try {
      return execFileSync('git', [...config, ...args], {
        cwd: dir,
        env,
        input: input ?? '',
        maxBuffer: 1 << 30,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw gitMissing();
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
      throw new Error(`git ${args[0]} failed: ${stderr || (error as Error).message}`, { cause: error });
    }
  };
  const text = (args: string[], input?: string | Uint8Array) => run(args, input).toString('utf8');
  const start = (args: string[]) =>
    new Promise<void>((done, fail) => {
      execFile('git', [...config, ...args], { cwd: dir, env }, (error) => (error ? fail(error) : done()));
    });
  return { dir, run, text, raw: async (args) => text(args), start };
}

/** Runs git with an argument array and returns stdout. */
export async function runGit(git: Git, args: string[]): Promise<string> {
  return git.text(args);
}

/** The commit HEAD points at, or undefined in a repository with no commits yet. */
export function readHead(git: Git): string | undefined {
  try {
    return git.text(['rev-parse', '--verify', '-q', 'HEAD^{commit}']).trim() || undefined;
  } catch (error) {
    rethrowOwn(error);
    return undefined;
  }
}

/** git itself is missing: one clear line, exit 4 (never mistaken for "not a corpus"). */
export function gitMissing(): PlandiffError {
  return new PlandiffError(
    'STORE_NOT_CORPUS',
    'git was not found on PATH; the corpus is a git repository, so install git first',
  );
}

/** Rethrows plandiff's own errors (git missing) from a catch that otherwise means "no such revision". */
export function rethrowOwn(error: unknown): void {
  if (error instanceof PlandiffError) throw error;
}
