import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans } from '../packages/diff/src/index.ts';
import type { Plan } from '../packages/model/src/index.ts';
import { normalizePlan } from '../packages/normalize/src/index.ts';
import { renderKindsChart } from '../packages/report/src/chart-kinds.ts';
import { renderSankeySvg } from '../packages/report/src/chart-sankey.ts';
import { buildFigureTracks, chartableTracks } from '../packages/report/src/figure-tracks.ts';
import { figureLabel } from '../packages/report/src/figure-values.ts';
import { computeFlows } from '../packages/report/src/flows.ts';
import { KINDS, labelsFor } from '../packages/report/src/labels.ts';
import { decodeWording, encodeWording, joinTexts } from '../packages/report/src/series-data.ts';
import { loadPairFixture, loadSeriesFixture } from './helpers/report-fixtures.ts';
import { ROOT } from './helpers/run-cli.ts';

function loadReport(year: number): Plan {
  const path = `corpus/gwr/${year}.txt`;
  const bytes = readFileSync(join(ROOT, path));
  const source = { path, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8' };
  return normalizePlan(bytes.toString('utf8'), { source }).plan;
}

describe('flows between the sections of two editions (the Sankey diagram)', () => {
  const flows = computeFlows(loadPairFixture(), { added: '(added)', dropped: '(dropped)' });
  const links = Object.fromEntries(flows.links.map((l) => [`${l.from}>${l.to}`, l.value]));

  it('counts each new task by the old section it came from, added and dropped tasks at the edges', () => {
    // By hand from test/fixtures/report/pair/diff.json: 1.1, 1.2 stay in 一; 2.1, the merge 2.2+2.3 and
    // the two halves of the split 2.4 stay in 二; 3.1 moves from 三 to 二 (2.5); 3.2 → 3.1; 2.6 and
    // 3.1.1 are added; 2.5 and 3.3 are dropped.
    expect(links).toEqual({
      'a1>b1': 2,
      'a2>b2': 4,
      'a2>dropped': 1,
      'a3>b2': 1,
      'a3>b3': 1,
      'a3>dropped': 1,
      'added>b2': 1,
      'added>b3': 1,
    });
    expect(flows.left.map((n) => `${n.label} ${n.value}`)).toEqual([
      '一、总体要求 2',
      '二、重点任务 5',
      '三、保障措施 3',
      '(added) 2',
    ]);
    expect(flows.right.map((n) => `${n.label} ${n.value}`)).toEqual([
      '一、总体要求 2',
      '二、主要任务 6',
      '三、保障措施 2',
      '(dropped) 2',
    ]);
  });

  it('draws one band per flow and one bar per node, each named for screen readers and tooltips', () => {
    const svg = renderSankeySvg(flows, 'flows');
    expect(svg.match(/<path class="band/g)).toHaveLength(flows.links.length);
    expect(svg.match(/<g class="node/g)).toHaveLength(flows.left.length + flows.right.length);
    expect(svg).toContain('<title>三、保障措施 → 二、主要任务: 1</title>');
    expect(svg).toContain('role="img" aria-label="flows"');
  });
});

describe('changes per pair by kind (the stacked bars)', () => {
  const { diffs } = loadSeriesFixture();
  const html = renderKindsChart(diffs, labelsFor('en'), 'en');
  it('has a bar per pair whose segments are the summary counts, and the same counts in the table beside it', () => {
    expect(html.match(/<g class="pair-bar"/g)).toHaveLength(diffs.length);
    for (const diff of diffs) {
      const pair = `${diff.a.year} → ${diff.b.year}`;
      for (const kind of KINDS) {
        const n = diff.summary[kind] ?? 0;
        const label = {
          added: 'Added',
          dropped: 'Dropped',
          reworded: 'Reworded',
          merged: 'Merged',
          split: 'Split',
          unchanged: 'Unchanged',
        }[kind];
        expect(html.includes(`<title>${pair} ${label} ${n}</title>`), `${pair} ${kind}`).toBe(n > 0);
      }
    }
    expect(html).toContain('<table class="pairs">');
  });
});

describe('the series page stores each text once and points into it', () => {
  it('decodes every wording of the fixture and of a real Government Work Report pair exactly', () => {
    const real = diffPlans(loadReport(2018), loadReport(2019));
    const changes = [...loadPairFixture().changes, ...real.changes];
    let pointers = 0;
    let parts = 0;
    for (const change of changes) {
      const [oldText, newText] = [joinTexts(change.from), joinTexts(change.to)];
      const codes = encodeWording(change.wording, oldText, newText);
      expect(decodeWording(codes, oldText, newText)).toEqual(change.wording);
      pointers += codes.filter((c) => typeof c[1] === 'number').length;
      parts += codes.length;
    }
    // Nearly every part is a pointer rather than a copy of the text (which is what keeps pages small).
    expect(pointers / parts).toBeGreaterThan(0.9);
  }, 60_000);
});

describe('the GDP growth target followed through real Government Work Reports', () => {
  it('shows the qualifiers the engine read (左右, 以上) and the 2019 range, year by year', () => {
    const years = [2018, 2019, 2021, 2022, 2023, 2024, 2025];
    const plans = years.map(loadReport);
    const diffs = plans
      .slice(1)
      .map((b, i) => diffPlans({ ...plans[i]!, year: years[i]! }, { ...b, year: years[i + 1]! }));
    const tracks = chartableTracks(buildFigureTracks(diffs));
    const gdp = tracks.find((t) => t.unit === '%' && t.points.at(-1)!.context.includes('国内生产总值增长'));
    expect(gdp, 'a track of the GDP growth target').toBeDefined();
    const shown = gdp!.points.map((p) => `${p.year} ${figureLabel(p.text, p.modifier, p.context)}`);
    expect(shown).toEqual([
      '2018 6.5%左右',
      '2019 6%－6.5%',
      '2021 6%以上',
      '2022 5.5%左右',
      '2023 5%左右',
      '2024 5%左右',
      '2025 5%左右',
    ]);
    // Each qualifier is the one the engine recorded for that side of its pairing.
    const engine = diffs.flatMap((d) =>
      d.changes
        .flatMap((c) => [...c.figures, ...(c.figuresKept ?? [])])
        .filter((f) => f.context.startsWith('国内生产总值增长')),
    );
    expect(gdp!.points.slice(1).map((p) => p.modifier)).toEqual(engine.map((f) => f.toModifier));
  }, 60_000);
});
