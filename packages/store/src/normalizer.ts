import type { Diagnostic, Plan } from '@plandiff/model';
import type { SourceKind } from './layout.ts';

/** What a normalizer is given to turn archived bytes into a plan. */
export interface ParseInput {
  bytes: Uint8Array;
  kind: SourceKind;
  /** sha256 of `bytes` (hex). */
  sha256: string;
  /** Encoding already known for the bytes (from the fetch), if any. */
  encoding?: string;
  /** Where the bytes came from, for the plan's provenance and the parser's hints. */
  url?: string;
  /** A label for messages: the file name or URL. */
  label: string;
  /**
   * Set when the plan is published as an attachment of the page in `bytes`: the plan is read from
   * this document and the page becomes its cover notice.
   */
  planFrom?: PlanAttachment;
}

/** The attachment a plan is read from (see ParseInput.planFrom). */
export interface PlanAttachment {
  bytes: Uint8Array;
  kind: 'docx' | 'pdf' | 'doc' | 'wps';
  sha256: string;
  url?: string;
  label: string;
}

/** A plan and the diagnostics produced while deriving it. */
export interface ParseOutput {
  plan: Plan;
  diagnostics: Diagnostic[];
}

/**
 * How the store derives `plan.json` and `plan.md` from an archived source. The store takes it as
 * a parameter, so it can be tested without the real normalizer and `rebuild` reruns whatever the
 * current one is.
 */
export interface Normalizer {
  parse(input: ParseInput): ParseOutput | Promise<ParseOutput>;
  render(plan: Plan): string;
}
