import type { SimpleGit } from 'simple-git';

/** Blob ids of the files under `dirs` in HEAD, by path (empty before the first commit). */
export async function listHeadBlobs(git: SimpleGit, dirs: string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (dirs.length === 0) return blobs;
  let out = '';
  // In chunks, to stay under command-line length limits for very large imports.
  for (let i = 0; i < dirs.length; i += 200) {
    try {
      out += await git.raw(['ls-tree', '-r', '-z', 'HEAD', '--', ...dirs.slice(i, i + 200)]);
    } catch {
      return blobs; // no HEAD yet
    }
  }
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, id] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && id) blobs.set(entry.slice(tab + 1), id);
  }
  return blobs;
}

/** Reads a file as it is in commit `rev` (e.g. `HEAD`, `abc123^`), or undefined if absent there. */
export async function readAtRevision(git: SimpleGit, rev: string, path: string): Promise<Buffer | undefined> {
  try {
    // simple-git's raw() decodes as text; binaryCatFile keeps bytes exact.
    return await git.binaryCatFile(['blob', `${rev}:${path}`]);
  } catch {
    return undefined;
  }
}
