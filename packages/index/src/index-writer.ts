import type { Plan } from '@plandiff/model';
import type Database from 'better-sqlite3';
import { flattenUnits } from './flatten.ts';
import { tokenizeText, type UnitTokens } from './tokens.ts';

/** One edition to index: where it is stored, its plan, and the git blob id of its plan.json. */
export interface EditionRecord {
  series: string;
  edition: string;
  year?: number | undefined;
  plan: Plan;
  /** Git blob id of the stored plan.json: an edition whose blob is unchanged is not re-indexed. */
  blob: string;
}

/** Texts whose tokens are remembered by default: editions repeat most paragraphs year after year. */
const MEMO_LIMIT = 20_000;

/** Adds and removes editions in an index database; the caller owns the transaction. */
export class IndexWriter {
  private readonly insertEdition: Database.Statement;
  private readonly insertUnit: Database.Statement;
  private readonly insertTokens: Database.Statement;
  private readonly findEdition: Database.Statement;
  private readonly setRange: Database.Statement;
  private readonly unitIds: Database.Statement;
  private readonly deleteTokens: Database.Statement;
  private readonly deleteUnits: Database.Statement;
  private readonly deleteEdition: Database.Statement;
  private readonly memo = new Map<string, UnitTokens>();
  /** Units tokenised, and how many of those came from the memo. */
  readonly stats = { units: 0, memoHits: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly memoLimit = MEMO_LIMIT,
  ) {
    this.insertEdition = db.prepare(
      'INSERT INTO editions (series, edition, year, title, region, issuer, issued_on, plan_blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertUnit = db.prepare(
      'INSERT INTO units (edition_id, unit_id, parent_id, depth, number, heading, text, leaf) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertTokens = db.prepare('INSERT INTO fts (rowid, words, grams, chars) VALUES (?, ?, ?, ?)');
    this.findEdition = db.prepare('SELECT id FROM editions WHERE series = ? AND edition = ?');
    this.setRange = db.prepare('UPDATE editions SET first_unit = ?, last_unit = ? WHERE id = ?');
    this.unitIds = db.prepare('SELECT id FROM units WHERE edition_id = ?').pluck();
    this.deleteTokens = db.prepare('DELETE FROM fts WHERE rowid = ?');
    this.deleteUnits = db.prepare('DELETE FROM units WHERE edition_id = ?');
    this.deleteEdition = db.prepare('DELETE FROM editions WHERE id = ?');
  }

  /** Indexes one edition (replacing what the index held for it). */
  add(record: EditionRecord): void {
    this.remove(record.series, record.edition);
    const { plan } = record;
    const year = record.year ?? plan.year ?? null;
    const editionId = this.insertEdition.run(
      record.series,
      record.edition,
      year,
      plan.title,
      plan.region ?? null,
      plan.issuer ?? null,
      plan.issuedOn ?? null,
      record.blob,
    ).lastInsertRowid;
    let first: number | bigint | null = null;
    let last: number | bigint | null = null;
    for (const unit of flattenUnits(plan)) {
      const rowid = this.insertUnit.run(
        editionId,
        unit.unitId,
        unit.parentId,
        unit.depth,
        unit.number,
        unit.heading,
        unit.text,
        unit.leaf ? 1 : 0,
      ).lastInsertRowid;
      const tokens = this.tokens(unit.text);
      this.insertTokens.run(rowid, tokens.words, tokens.grams, tokens.chars);
      first ??= rowid;
      last = rowid;
    }
    // Units of one edition are inserted together, so their row ids are one contiguous range.
    this.setRange.run(first, last, editionId);
  }

  /** Removes one edition from the index; true when it was there. */
  remove(series: string, edition: string): boolean {
    const row = this.findEdition.get(series, edition) as { id: number } | undefined;
    if (!row) return false;
    for (const id of this.unitIds.all(row.id) as number[]) this.deleteTokens.run(id);
    this.deleteUnits.run(row.id);
    this.deleteEdition.run(row.id);
    return true;
  }

  private tokens(text: string): UnitTokens {
    this.stats.units++;
    const known = this.memo.get(text);
    if (known) {
      this.stats.memoHits++;
      return known;
    }
    const tokens = tokenizeText(text);
    if (this.memo.size >= this.memoLimit) this.memo.clear();
    this.memo.set(text, tokens);
    return tokens;
  }
}
