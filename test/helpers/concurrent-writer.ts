/**
 * One of the concurrent writers of test/faults-concurrency.test.ts, as its own process:
 *   node --import tsx test/helpers/concurrent-writer.ts CORPUS WRITER COUNT
 * Imports COUNT distinct editions (`w<WRITER>-<k>`) one import at a time through the real store
 * (lock, journal, git), printing one JSON line per acknowledged import: {edition, sha256, commit}.
 */
import { createHash } from 'node:crypto';
import { storeNormalizer } from '../../cli/src/store-normalizer.ts';
import { importSources } from '../../packages/store/src/index.ts';
import { planText } from './bad-inputs.ts';

const [corpus, writer, count] = process.argv.slice(2);
if (!corpus || writer === undefined || !count) throw new Error('usage: concurrent-writer.ts CORPUS WRITER COUNT');
for (let k = 0; k < Number(count); k++) {
  const edition = `w${writer}-${k}`;
  const bytes = Buffer.from(
    planText({ year: 2000 + k, sections: 2 + (Number(writer) % 3) }).replace('总体要求', `总体要求（${edition}）`),
  );
  const report = await importSources(
    corpus,
    [{ bytes, kind: 'txt', series: 'edu', edition, label: `${edition}.txt`, fileName: `${edition}.txt` }],
    {
      normalizer: storeNormalizer,
      command: 'import',
      lockTimeoutMs: 300_000,
      // Every writer also touches corpus.json (series metadata), the one file all writers share.
      seriesInfo: { edu: { notes: `last written by writer ${writer}` } },
    },
  );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  process.stdout.write(`${JSON.stringify({ edition, sha256, commit: report.commit })}\n`);
}
