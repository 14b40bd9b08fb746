import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEchoes, openIndex } from '@plandiff/index';
import { renderEchoesHtml } from '@plandiff/report/echoes';
import { loadRef } from '@plandiff/store';

/**
 * The demo's echoes step: which of the seed's tasks echo the national report of the same year
 * (`plandiff echoes luzhou-edu@2012 --in gwr@2012`), as a page, plus one line naming the closest echo.
 */
export async function writeDemoEchoes(
  corpus: string,
  out: string,
): Promise<{ label: string; path: string; line: string }> {
  const opened = await openIndex(corpus);
  try {
    const { plan } = await loadRef(corpus, 'luzhou-edu@2012');
    const result = findEchoes(opened.db, plan, { in: [{ series: 'gwr', edition: '2012' }] });
    const path = join(out, 'luzhou-edu-2012-echoes-gwr-2012.html');
    const label = { ref: 'luzhou-edu@2012', title: plan.title, target: 'gwr@2012' };
    writeFileSync(path, renderEchoesHtml(result, label));
    const echoed = result.tasks.filter((t) => t.echoes.length > 0);
    const best = echoed.map((t) => ({ t, e: t.echoes[0]! })).sort((a, b) => b.e.similarity - a.e.similarity)[0];
    const line = best
      ? `${echoed.length} of ${result.tasks.length} seed tasks echo gwr@2012; closest: ${best.t.number}${best.t.heading} ↔ ${best.e.heading} (${best.e.similarity.toFixed(2)})`
      : `none of the ${result.tasks.length} seed tasks echo gwr@2012`;
    return { label: 'seed echoes in the 2012 report (HTML)', path, line };
  } finally {
    opened.db.close();
  }
}
