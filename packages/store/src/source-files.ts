/**
 * The archived source file of an edition, one per kind: a page as fetched, a text file, or a plan
 * published as a document (.docx, .pdf, .doc, .wps), always kept as its exact bytes.
 */
export const SOURCE_KINDS = ['html', 'txt', 'docx', 'pdf', 'doc', 'wps'] as const;

/** A kind of archived source. */
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The archived source's file name: `source.<kind>`. */
export type SourceFileName = `source.${SourceKind}`;

/** Every archived source file name, for the record's schema. */
export const SOURCE_FILE_NAMES = SOURCE_KINDS.map((k) => `source.${k}` as SourceFileName) as [
  SourceFileName,
  ...SourceFileName[],
];

/** File name of the archived source for a kind. */
export function sourceFileName(kind: SourceKind): SourceFileName {
  return `source.${kind}`;
}

/** The kind a `source.<kind>` file name was archived as. */
export function kindOfSourceFile(file: string): SourceKind {
  const kind = file.replace(/^source\./, '');
  return (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : 'txt';
}

/** Corpus-relative paths of every source file an edition directory may hold (only one at a time). */
export function sourcePaths(dir: string): string[] {
  return SOURCE_FILE_NAMES.map((name) => `${dir}/${name}`);
}
