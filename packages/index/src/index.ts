export { segmentWords } from '@plandiff/diff';
export {
  type Echo,
  type EchoesResult,
  type EchoOptions,
  type EchoTarget,
  findEchoes,
  SCORE_ALL_LIMIT,
  type TaskEchoes,
  tasksOf,
} from './echoes.ts';
export { exportPassim, type PassimRecord } from './export-jsonl.ts';
export { EXPORT_DDL, type ExportOptions, type ExportSummary, exportSqlite } from './export-sqlite.ts';
export { type FlatUnit, flattenUnits, PREAMBLE_ID } from './flatten.ts';
export { foldText } from './fold.ts';
export { indexPath } from './index-file.ts';
export { type EditionRecord, IndexWriter } from './index-writer.ts';
export { type OpenedIndex, type OpenIndexOptions, openIndex, requireEditions, type SyncResult } from './open-index.ts';
export { type ParsedQuery, parseQuery, type QueryTerm } from './query.ts';
export { createSchema, INDEX_VERSION } from './schema.ts';
export { RANK_WINDOW, type SearchHit, type SearchOptions, type SearchResult, searchIndex } from './search.ts';
export { makeSnippet, markSnippet, type Snippet } from './snippet.ts';
export { tokenizeText, type UnitTokens } from './tokens.ts';
