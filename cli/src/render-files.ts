import type { EditionVersion } from '@plandiff/store';

/** One archived file of a version, as `log` and `show --files` list it. */
export interface ArchivedFile {
  file: string;
  /** What the page called it (attachments only). */
  name?: string;
  kind: string;
  sha256: string;
  size: number;
  url?: string;
  /** True for the file the plan was read from. */
  plan: boolean;
}

/** The files a version archived: the source itself, then its attachments in page order. */
export function archivedFiles(version: EditionVersion): ArchivedFile[] {
  const source: ArchivedFile = {
    file: version.file ?? 'source',
    kind: (version.file ?? '').replace(/^source\./, ''),
    sha256: version.sha256,
    size: version.size,
    plan: version.planFrom === undefined,
  };
  if (version.url !== undefined) source.url = version.url;
  return [
    source,
    ...(version.attachments ?? []).map((a) => ({
      file: a.file,
      name: a.name,
      kind: a.kind,
      sha256: a.sha256,
      size: a.size,
      url: a.finalUrl ?? a.url,
      plan: a.file === version.planFrom,
    })),
  ];
}

/** `attachment-1.docx  docx  12.3 KB  sha256 0123456789abcdef  "2012年全市教育工作要点"  (plan)` */
export function formatArchivedFile(f: ArchivedFile): string {
  // JSON quoting: a name from a page (or a cloned corpus) cannot break the line with a newline.
  const name = f.name === undefined ? '' : `  ${JSON.stringify(f.name)}`;
  return `${f.file.padEnd(18)} ${f.kind.padEnd(5)} ${formatSize(f.size).padStart(9)}  sha256 ${f.sha256.slice(0, 16)}${name}${f.plan ? '  (plan)' : ''}`;
}

function formatSize(n: number): string {
  if (n >= 1048576) return `${(n / 1048576).toFixed(1)} MB`;
  return n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
}
