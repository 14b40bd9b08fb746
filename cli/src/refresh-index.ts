import { existsSync } from 'node:fs';
import { indexPath } from '@plandiff/index/location';

/**
 * After import/fetch committed: brings an existing search index up to date (a corpus nobody searched
 * has none, and gets one on its first search). A failure here never fails the import; the next search
 * retries.
 */
export async function refreshSearchIndex(corpusDir: string): Promise<void> {
  try {
    if (!existsSync(indexPath(corpusDir))) return;
    const { openSearchIndex } = await import('./search-index.ts');
    const opened = await openSearchIndex(corpusDir);
    opened.db.close();
  } catch (error) {
    process.stderr.write(
      `plandiff: warning: the search index was not updated (${(error as Error).message.split('\n')[0]}); the next search updates it\n`,
    );
  }
}
