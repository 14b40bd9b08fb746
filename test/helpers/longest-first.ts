/**
 * vitest sequencer: the files that take longest start first, whatever their project, so the run does not
 * end with one worker busy on a long file the others could have overlapped. vitest's own order puts the
 * projects one after another by name and, without a cache of earlier runs (a fresh clone, CI), larger files
 * first, so the fault tests of the `slow` project started last. The list comes from the whole-suite runs
 * in docs/testing.md; files not in it keep vitest's order after them.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured (docs/testing.md, "Where the suite's time goes"). */
const LONGEST = [
  'test/release/package-install.test.ts',
  'test/faults-concurrency.test.ts',
  'test/faults-kill.test.ts',
  'test/faults-fetch.test.ts',
  'test/fetch-attachments.test.ts',
  'test/store-red-team.test.ts',
  'test/search-cli.test.ts',
  'test/browser-series-full.test.ts',
  'test/reliability-parse-0.test.ts',
  'test/scrape-cli.test.ts',
  'test/faults-env.test.ts',
  'test/echoes-export-cli.test.ts',
  'test/demo-cli.test.ts',
  'test/store-fetch.test.ts',
];

/** Puts the files of LONGEST first, in its order; the rest follow in vitest's order. */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return at < 0 ? LONGEST.length : at;
    };
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map((x) => x.spec);
  }
}
