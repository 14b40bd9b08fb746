import { type SimpleGit, simpleGit } from 'simple-git';

/** Identity used when the environment gives none, so commits work without any global git config. */
const IDENTITY = { name: 'plandiff', email: 'plandiff@localhost' };

/** Environment variables passed through to git. */
const KEPT_ENV = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'SYSTEMROOT',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LC_ALL',
  'XDG_CONFIG_HOME',
];

/** Git variables we pass on (simple-git strips every other GIT_* variable): identity and dates only. */
const IDENTITY_ENV = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
  'GIT_TERMINAL_PROMPT',
];

/**
 * Opens `dir` with simple-git, configured so plandiff's commits are reproducible and safe:
 * explicit author/committer, no signing, no line-ending or filter conversion (sources stay byte-exact).
 */
export function openGit(dir: string): SimpleGit {
  // A minimal environment: nothing like GIT_DIR or GIT_INDEX_FILE inherited from a hook can redirect
  // our writes elsewhere (and simple-git refuses editor/askpass variables anyway).
  const env: Record<string, string> = {};
  for (const key of [...KEPT_ENV, ...IDENTITY_ENV]) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  env.GIT_AUTHOR_NAME ??= IDENTITY.name;
  env.GIT_AUTHOR_EMAIL ??= IDENTITY.email;
  env.GIT_COMMITTER_NAME ??= IDENTITY.name;
  env.GIT_COMMITTER_EMAIL ??= IDENTITY.email;
  env.GIT_TERMINAL_PROMPT = '0';
  return simpleGit({
    baseDir: dir,
    maxConcurrentProcesses: 4,
    allowEnvironment: IDENTITY_ENV,
    config: ['commit.gpgsign=false', 'core.autocrlf=false', 'core.safecrlf=false', 'core.quotePath=false'],
  }).env(env);
}

/** Runs git with an argument array and returns stdout. */
export async function runGit(git: SimpleGit, args: string[]): Promise<string> {
  return git.raw(args);
}

/** The commit HEAD points at, or undefined in a repository with no commits yet. */
export async function readHead(git: SimpleGit): Promise<string | undefined> {
  try {
    return (await git.raw(['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim() || undefined;
  } catch {
    return undefined;
  }
}
