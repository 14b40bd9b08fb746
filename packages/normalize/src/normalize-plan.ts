import type { Diagnostic, Plan, Source, Unit } from '@plandiff/model';
import { buildSkeleton, type Node, type Skeleton } from './build-tree.ts';
import { checkEmptySections, checkQuotes } from './checks.ts';
import { parseChineseDate } from './chinese-date.ts';
import { extractFigures } from './figures.ts';
import { parseFrontMatter } from './front-matter.ts';
import { inferGenreTitle } from './genre-title.ts';
import { deriveHeading } from './heading.ts';
import { readMarker } from './markers.ts';
import { buildOutlineSkeleton, isOutline } from './outline-skeleton.ts';
import { splitParagraphs } from './paragraphs.ts';
import { deriveRegion } from './region.ts';

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
 * Turns the text of an annual plan into its canonical record: chrome removed, cover notice and
 * front matter separated, numbered units nested into a tree. Never throws: damage is reported as
 * diagnostics, and a text without any numbered unit yields zero units and a `no-structure` error.
 */
export function normalizePlan(text: string, options: NormalizeOptions): NormalizeResult {
  const diagnostics: Diagnostic[] = [];
  const paragraphs = splitParagraphs(text, diagnostics);
  const outline = isOutline(paragraphs);
  const skeleton: Skeleton & { title?: string } = outline
    ? buildOutlineSkeleton(paragraphs)
    : buildSkeleton(paragraphs, diagnostics);
  const front = parseFrontMatter(skeleton.front, diagnostics);
  const lines = new Map<Unit, number>();
  const units = skeleton.roots.map((node, index) => toUnit(node, `${index + 1}`, 1, lines));
  const lineOf = (unit: Unit): number => lines.get(unit) ?? 1;
  checkQuotes(units, lineOf, diagnostics);
  checkEmptySections(units, lineOf, diagnostics);
  if (units.length === 0) {
    diagnostics.push({
      reason: 'no numbered sections or items found (looked for 一、 （一） 1. 1、 （1） ① 第一章 …)',
      ruleId: 'no-structure',
      severity: 'error',
    });
  }
  const hints = options.hints ?? {};
  const title = skeleton.title ?? front.title ?? hints.title ?? inferGenreTitle(text) ?? '';
  const frontText = [title, front.notice?.recipients ?? '', front.notice?.body ?? '', front.preamble].join('\n');
  const plan: Plan = { title, source: options.source, preamble: front.preamble, units };
  const docNumber = front.docNumber ?? hints.docNumber;
  const issuedOn = front.issuedOn ?? (hints.issuedOn ? parseChineseDate(hints.issuedOn) : undefined);
  const year =
    yearOf(title) ??
    yearOf(docNumber ?? '') ??
    (issuedOn ? Number(issuedOn.slice(0, 4)) : undefined) ??
    // A file named by its bare year (`1980.txt`) is the user's statement; headings may name the next year.
    yearOfName(options.source.path ?? options.source.url ?? '') ??
    latestYear(units.map((unit) => unit.heading).join('\n'));
  if (year !== undefined) plan.year = year;
  const issuer = front.issuer ?? hints.issuer;
  if (issuer) plan.issuer = issuer;
  const region = deriveRegion(issuer, frontText.slice(0, FRONT_SCAN), units.length > 0 ? bodySample(units) : '');
  if (region) plan.region = region;
  if (issuedOn) plan.issuedOn = issuedOn;
  if (docNumber) plan.docNumber = docNumber;
  if (front.notice) plan.notice = front.notice;
  if (front.attachments.length > 0) plan.attachments = front.attachments;
  return { plan, diagnostics };
}

/** The latest year named in the top-level headings (`三、2019年政府工作任务` → 2019). */
function latestYear(text: string): number | undefined {
  let latest: number | undefined;
  for (const match of text.matchAll(/((?:19|20)\d{2})\s*年/gu)) latest = Math.max(latest ?? 0, Number(match[1]));
  return latest;
}

/** A year that names the file itself (`corpus/gwr/2013.txt`). */
function yearOfName(path: string): number | undefined {
  const match = /(?:^|[/\\])((?:19|20)\d{2})(?:\.[a-z]+)?$/iu.exec(path);
  return match ? Number(match[1]) : undefined;
}

function yearOf(text: string): number | undefined {
  const match = /((?:19|20)\d{2})\s*年/u.exec(text);
  return match ? Number(match[1]) : undefined;
}

function toUnit(node: Node, id: string, depth: number, lines: Map<Unit, number>): Unit {
  // The number is read again from the final text, so a parsed outline yields the same number.
  const marker = node.marker ? readMarker(node.text, 0) : undefined;
  const number = marker?.printed ?? '';
  const unit: Unit = {
    id,
    depth,
    number,
    ordinal: marker?.value ?? 0,
    heading: deriveHeading(node.text, number),
    text: node.text,
    figures: extractFigures(node.text),
    children: node.children.map((child, index) => toUnit(child, `${id}.${index + 1}`, depth + 1, lines)),
  };
  lines.set(unit, node.line);
  return unit;
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
