import type { Annex, Diagnostic, Plan, Source, Unit } from '@plandiff/model';
import { splitAnnexes } from './annexes.ts';
import { buildSkeleton, type Node, type Skeleton } from './build-tree.ts';
import { checkEmptySections, checkQuotes } from './checks.ts';
import { parseChineseDate } from './chinese-date.ts';
import { extractFigures } from './figures.ts';
import { parseFrontMatter } from './front-matter.ts';
import { inferGenreTitle } from './genre-title.ts';
import { deriveHeading } from './heading.ts';
import { checkAccount, Ledger } from './ledger.ts';
import { readLines, removeClutter, unwrapLines } from './lines.ts';
import { readBareNumeral, readEnumeration, readMarker } from './markers.ts';
import { buildOutlineSkeleton, isOutline, readOutlineFront } from './outline-skeleton.ts';
import { splitParagraphs } from './paragraphs.ts';
import { deriveRegion } from './region.ts';
import { inferYear } from './year.ts';

/** Options for normalizePlan. */
export interface NormalizeOptions {
  /** Provenance recorded in the plan; sha256 and encoding of the bytes the text came from. */
  source: Source;
  /** Metadata found outside the text (e.g. by the scraper), used when the text lacks it. */
  hints?: { title?: string; issuedOn?: string; docNumber?: string; issuer?: string };
}

/** The normalizer's result: the plan plus what it noticed on the way. */
export interface NormalizeResult {
  plan: Plan;
  diagnostics: Diagnostic[];
}

/** How much of the body is searched for the region's place name. */
const REGION_SCAN = 200_000;
/** How much of the title, notice and preamble is searched for it. */
const FRONT_SCAN = 20_000;

/**
 * Turns the text of an annual plan into its canonical record: page clutter removed, layout repaired,
 * cover notice and front matter separated, numbered units nested into a tree, annexes apart. Never
 * throws: damage is reported as diagnostics; every character of the input lands in the plan or is
 * named by a diagnostic; a text without any unit yields zero units and a `no-structure` error.
 */
export function normalizePlan(text: string, options: NormalizeOptions): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const ledger = new Ledger();
  const raw = readLines(text);
  const input = raw.map((l) => l.text);
  // An outline is plandiff's own rendering, one paragraph per block: no wraps to rejoin, no page clutter.
  const outline = isOutline(raw);
  const lines = outline ? raw : unwrapLines(raw);
  if (!outline) removeClutter(lines, ledger);
  const paragraphs = splitParagraphs(lines, ledger, { joins: !outline });
  const parts = outline ? { body: paragraphs, annexes: [] } : splitAnnexes(paragraphs, ledger);
  const skeleton: Skeleton & { title?: string } = outline
    ? buildOutlineSkeleton(parts.body, ledger)
    : buildSkeleton(parts.body, diagnostics, ledger);
  // An outline is plandiff's own rendering: its front is the preamble as written, its title only the `#` line.
  const front = outline
    ? readOutlineFront(skeleton.front, ledger)
    : parseFrontMatter(skeleton.front, diagnostics, ledger);
  const lineOf = new Map<Unit, number>();
  const units = skeleton.roots.map((node, index) => toUnit(node, `${index + 1}`, 1, lineOf, ledger));
  const annexes = parts.annexes.map((part, k): Annex => {
    const tree = buildSkeleton(part.paragraphs, diagnostics, ledger, { annex: true });
    const nodes: Node[] = [...tree.front.map((p) => ({ ...p, children: [] })), ...tree.roots];
    const prefix = `A${k + 1}.`;
    return {
      label: part.label,
      title: part.title,
      kind: part.kind,
      units: nodes.map((node, i) => toUnit(node, `${prefix}${i + 1}`, 1, lineOf, ledger)),
    };
  });
  const lineFor = (unit: Unit): number => lineOf.get(unit) ?? 1;
  const allUnits = [...units, ...annexes.flatMap((a) => a.units)];
  checkQuotes(allUnits, lineFor, diagnostics);
  checkEmptySections(allUnits, lineFor, diagnostics);
  if (units.length === 0) {
    diagnostics.push({
      reason: 'no numbered sections or items found (looked for 一、 （一） 1. 1、 （1） ① 第一章 …)',
      ruleId: 'no-structure',
      severity: 'error',
    });
  }
  const hints = options.hints ?? {};
  const title =
    skeleton.title ??
    front.title ??
    hints.title ??
    (outline ? undefined : inferGenreTitle(skeleton.front.map((p) => p.text).join('\n'))) ??
    '';
  const plan: Plan = { title, source: options.source, preamble: front.preamble, units };
  if (front.subtitle) plan.subtitle = front.subtitle;
  const docNumber = front.docNumber ?? hints.docNumber;
  const issuedOn = front.issuedOn ?? (hints.issuedOn ? parseChineseDate(hints.issuedOn) : undefined);
  const year = inferYear({
    title,
    subtitle: front.subtitle,
    docNumber,
    issuedOn,
    fileName: options.source.path ?? options.source.url,
    text: yearHeadings(units).join('\n'),
  });
  if (year !== undefined) plan.year = year;
  const issuer = front.issuer ?? hints.issuer;
  if (issuer) plan.issuer = issuer;
  if (front.speaker) plan.speaker = front.speaker;
  const frontText = [title, front.notice?.recipients ?? '', front.notice?.body ?? '', front.preamble].join('\n');
  const region = deriveRegion({
    block: front.block,
    title,
    issuer,
    front: frontText.slice(0, FRONT_SCAN),
    body: units.length > 0 ? bodySample(units) : '',
  });
  if (region) plan.region = region;
  if (issuedOn) plan.issuedOn = issuedOn;
  if (docNumber) plan.docNumber = docNumber;
  if (front.notice) plan.notice = front.notice;
  if (front.attachments.length > 0) plan.attachments = front.attachments;
  if (annexes.length > 0) plan.annexes = annexes;
  // The duplicate notice has its own warning.
  ledger.report(diagnostics, new Set(['duplicate-notice']));
  const lost = checkAccount(input, ledger);
  if (lost !== undefined) {
    diagnostics.push({
      reason: `text at line ${lost} lands in no unit, preamble, notice or annex and no rule removed it`,
      ruleId: 'unaccounted-text',
      severity: 'warning',
      place: { line: lost },
    });
  }
  return { plan, diagnostics };
}

/**
 * Headings that name the year a report plans: the top-level ones (`三、2019年政府工作任务`), and those
 * of the next level that open with a year (`2000年是世纪交替之年`, after `一、1999年国内工作回顾`).
 */
function yearHeadings(units: readonly Unit[]): string[] {
  return units.flatMap((unit) => [
    unit.heading,
    ...unit.children.map((child) => child.heading).filter((h) => /^[0-9０-９〇零一二三四五六七八九]{4}\s*年/u.test(h)),
  ]);
}

function toUnit(node: Node, id: string, depth: number, lines: Map<Unit, number>, ledger: Ledger): Unit {
  ledger.keep(node.line, node.offset, node.text);
  // The number is read again from the final text, so a parsed outline yields the same number.
  const marker = node.marker ? markerOf(node) : undefined;
  const number = marker?.printed ?? '';
  const unit: Unit = {
    id,
    depth,
    number,
    ordinal: marker?.value ?? 0,
    heading: deriveHeading(node.text, number),
    text: node.text,
    figures: extractFigures(node.text),
    children: node.children.map((child, index) => toUnit(child, `${id}.${index + 1}`, depth + 1, lines, ledger)),
  };
  lines.set(unit, node.line);
  return unit;
}

function markerOf(node: Node): ReturnType<typeof readMarker> {
  const style = node.marker?.style;
  if (style === 'cn-bare') return readBareNumeral(node.text);
  if (style === 'enum-shi' || style === 'enum-yao' || style === 'enum-di') return readEnumeration(node.text);
  return readMarker(node.text, 0);
}

function bodySample(units: readonly Unit[]): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (unit: Unit): void => {
    if (length > REGION_SCAN) return;
    parts.push(unit.text);
    length += unit.text.length;
    for (const child of unit.children) visit(child);
  };
  for (const unit of units) visit(unit);
  return parts.join('\n');
}
