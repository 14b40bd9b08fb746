import type { PlanDiff } from '@plandiff/model';
import { escapeHtml } from './escape.ts';
import { computeFlows, type FlowLink, type FlowNode, type Flows } from './flows.ts';
import { fillLabel, type Labels } from './labels.ts';
import { clipLabel, openSvg, px, svgText } from './svg.ts';

const WIDTH = 720;
const NODE = 10;
const GAP = 6;
const LEFT_X = 190;
const RIGHT_X = WIDTH - LEFT_X - NODE;
const TOP = 22;
/** Colours of the old sections' bands (added and dropped bands take the kind colours). */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#76b7b2',
  '#b07aa1',
  '#edc948',
  '#9c755f',
  '#59a14f',
  '#ff9da7',
  '#bab0ac',
  '#e15759',
];

interface Placed extends FlowNode {
  y: number;
  h: number;
}

function place(nodes: readonly FlowNode[], scale: number): Placed[] {
  let y = TOP;
  return nodes.map((node) => {
    const h = Math.max(1.5, node.value * scale);
    const placed = { ...node, y, h };
    y += h + GAP;
    return placed;
  });
}

/** One band from an old node to a new node, as thick as its tasks. */
function band(x0: number, y0: number, x1: number, y1: number, h: number): string {
  const mid = (x0 + x1) / 2;
  return (
    `M${px(x0)},${px(y0)}C${px(mid)},${px(y0)} ${px(mid)},${px(y1)} ${px(x1)},${px(y1)}` +
    `L${px(x1)},${px(y1 + h)}C${px(mid)},${px(y1 + h)} ${px(mid)},${px(y0 + h)} ${px(x0)},${px(y0 + h)}Z`
  );
}

/** Draws flows as a two-column Sankey diagram: old sections left, new sections right. */
export function renderSankeySvg(flows: Flows, name: string): string {
  const total = Math.max(
    1,
    flows.left.reduce((s, n) => s + n.value, 0),
    flows.right.reduce((s, n) => s + n.value, 0),
  );
  const nodes = Math.max(flows.left.length, flows.right.length);
  // About 560 px of bands for a typical plan; a few px per task for small ones.
  const scale = Math.min(8, Math.max(0.6, (560 - nodes * GAP) / total));
  const left = place(flows.left, scale);
  const right = place(flows.right, scale);
  const height = Math.max(...[...left, ...right].map((n) => n.y + n.h), TOP) + 8;
  const outAt = new Map(left.map((n) => [n.key, n.y]));
  const inAt = new Map(right.map((n) => [n.key, n.y]));
  const colour = new Map(left.map((n, i) => [n.key, PALETTE[i % PALETTE.length]!]));
  const byKey = new Map([...left, ...right].map((n) => [n.key, n]));
  // Incoming bands stack in the order of their old nodes, outgoing in the order of their new nodes.
  const incoming = [...flows.links].sort(
    (x, y) => left.findIndex((n) => n.key === x.from) - left.findIndex((n) => n.key === y.from),
  );
  const inOffset = new Map<FlowLink, number>();
  for (const link of incoming) {
    const y = inAt.get(link.to) ?? TOP;
    inOffset.set(link, y);
    inAt.set(link.to, y + link.value * scale);
  }
  const bands = flows.links.map((link) => {
    const y0 = outAt.get(link.from) ?? TOP;
    outAt.set(link.from, y0 + link.value * scale);
    const y1 = inOffset.get(link) ?? TOP;
    const kind = link.from === 'added' ? ' k-added' : link.to === 'dropped' ? ' k-dropped' : '';
    const fill = kind ? '' : ` fill="${colour.get(link.from) ?? PALETTE[0]}"`;
    const tip = `${byKey.get(link.from)?.label ?? ''} → ${byKey.get(link.to)?.label ?? ''}: ${link.value}`;
    return `<path class="band${kind}"${fill} d="${band(LEFT_X + NODE, y0, RIGHT_X, y1, link.value * scale)}"><title>${escapeHtml(tip)}</title></path>`;
  });
  const label = (n: Placed, side: 'left' | 'right'): string => {
    const text = `${clipLabel(n.label, 13)} ${n.value}`;
    const x = side === 'left' ? LEFT_X - 5 : RIGHT_X + NODE + 5;
    const edge = n.key === 'added' ? ' k-added' : n.key === 'dropped' ? ' k-dropped' : '';
    return (
      `<g class="node${edge}"><rect x="${side === 'left' ? LEFT_X : RIGHT_X}" y="${px(n.y)}" width="${NODE}" height="${px(n.h)}">` +
      `<title>${escapeHtml(`${n.label}: ${n.value}`)}</title></rect>` +
      `${svgText(x, n.y + Math.min(n.h, 24) / 2 + 4, text, side === 'left' ? 'end' : 'start')}</g>`
    );
  };
  return [
    openSvg(WIDTH, height, name, 'sankey'),
    ...bands,
    ...left.map((n) => label(n, 'left')),
    ...right.map((n) => label(n, 'right')),
    '</svg>',
  ].join('');
}

/** The flows as a table: old section, new section, tasks. */
export function renderFlowTable(flows: Flows, labels: Labels): string {
  const name = new Map([...flows.left, ...flows.right].map((n) => [n.key, n.label]));
  const rows = flows.links.map(
    (link) =>
      `<tr><td>${escapeHtml(name.get(link.from) ?? link.from)}</td><td>${escapeHtml(name.get(link.to) ?? link.to)}</td>` +
      `<td class="n">${link.value}</td></tr>`,
  );
  return (
    `<table class="flows"><thead><tr><th>${escapeHtml(labels.fromSection)}</th><th>${escapeHtml(labels.toSection)}</th>` +
    `<th>${escapeHtml(labels.tasks)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Flows of one diff, with the labels of its edges. */
export function flowsOf(diff: PlanDiff, labels: Labels): Flows {
  return computeFlows(diff, { added: labels.addedEdge, dropped: labels.droppedEdge, annex: labels.annex });
}

/** The Sankey of one pair and its table, side by side (the body of a flow chart figure). */
export function renderSankeyBody(diff: PlanDiff, labels: Labels, pair: string): string {
  const flows = flowsOf(diff, labels);
  const name = fillLabel(labels.flowChartOf, { pair });
  return (
    `<div class="chart-body"><div class="chart-svg">${renderSankeySvg(flows, name)}</div>` +
    `<div class="chart-table">${renderFlowTable(flows, labels)}</div></div>`
  );
}
