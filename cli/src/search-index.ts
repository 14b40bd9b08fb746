import { type OpenedIndex, type OpenIndexOptions, openIndex } from '@plandiff/index';
import { createProgress } from './progress.ts';

/**
 * Opens the corpus's search index for a command, building or updating it first: a progress bar on a
 * terminal while editions are indexed, and one line on stderr saying what was done.
 */
export async function openSearchIndex(
  corpusDir: string,
  options: Pick<OpenIndexOptions, 'rebuild'> = {},
): Promise<OpenedIndex> {
  let progress: ReturnType<typeof createProgress> | undefined;
  let opened: OpenedIndex;
  try {
    opened = await openIndex(corpusDir, {
      ...options,
      onProgress: (done, total, label) => {
        progress ??= createProgress(total);
        progress.update(done, `indexing ${label}`);
      },
    });
  } finally {
    progress?.done();
  }
  const { sync } = opened;
  const seconds = `${(sync.ms / 1000).toFixed(1)} s`;
  if (sync.status === 'built') {
    process.stderr.write(
      `plandiff: built the search index (${sync.editions} editions, ${seconds}) because ${sync.reason}\n`,
    );
  } else if (sync.status === 'updated') {
    const parts = [`${sync.added} added`, `${sync.updated} changed`, `${sync.removed} removed`];
    process.stderr.write(`plandiff: updated the search index to the corpus HEAD (${parts.join(', ')}, ${seconds})\n`);
  }
  return opened;
}
