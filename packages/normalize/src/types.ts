import type { Marker } from './markers.ts';

/** A unit while the tree is being built: its marker (none for unnumbered paragraphs), text and children. */
export interface Node {
  marker?: Marker;
  text: string;
  /** Source line where the unit's text starts. */
  line: number;
  /** Offset of the text in its paragraph (orders pieces that start on the same line). */
  offset: number;
  children: Node[];
}

/** A piece of text before the first numbered unit: title, notice, preamble material. */
export interface FrontPiece {
  text: string;
  line: number;
  /** Last source line the piece covers. */
  endLine?: number;
  offset: number;
}

/** The document split into front matter and a tree of units. */
export interface Skeleton {
  front: FrontPiece[];
  roots: Node[];
}

/** A whitespace-separated piece of the front matter, with where it came from. */
export interface Segment {
  text: string;
  piece: number;
  start: number;
  end: number;
  line: number;
  /** Last source line of the piece the segment comes from. */
  endLine: number;
  /** Offset of the segment in its paragraph. */
  offset: number;
}
