import type { Rule, SgNode } from "@ast-grep/napi";
import type { Category, Severity } from "../findings/finding.js";

/** The languages the detectors understand; `sql` covers `.sql` files (migrations and queries). */
export const detectorLanguages = ["javascript", "typescript", "tsx", "python", "go", "java", "sql"] as const;
export type DetectorLanguage = (typeof detectorLanguages)[number];

/** What a detector sees of one file: the new side as far as the patch shows it. */
export interface DetectorInput {
  path: string;
  language: DetectorLanguage;
  /** The new file as far as the patch shows it; unseen lines are empty, so line numbers are the file's own. */
  text: string;
  /** True for files under a migrations folder (or named like one); `.sql` files are always checked. */
  isMigration: boolean;
  /** The parsed tree, shared by every detector of the file; undefined for `sql` or when parsing failed. */
  getRoot(): SgNode | undefined;
  /** The nodes of the parsed tree that match `rule` (ast-grep rule semantics); [] when there is no tree. */
  findNodes(rule: Rule): SgNode[];
}

/** One match, in 1-based new-file line numbers. */
export interface DetectorHit {
  startLine: number;
  endLine: number;
  /** A sentence that makes the detector's body specific to this hit (e.g. which migration operation). */
  detail?: string;
  /** Lower than the detector's when the context that makes it severe is not visible (no credentials, unknown origin). */
  severity?: Severity;
  /** Lower than the detector's when the hit rests on an inference (a value whose origin is not shown). */
  confidence?: number;
}

/**
 * A deterministic, rule-based check. `body` is the finding body: why it matters and how to fix it.
 * Invariant: `prefilter` accepts every text `detect` could report on, so the files it rejects are never parsed.
 */
export interface Detector {
  id: string;
  languages: readonly DetectorLanguage[];
  category: Category;
  severity: Severity;
  confidence: number;
  title: string;
  body: string;
  prefilter(text: string): boolean;
  detect(input: DetectorInput): DetectorHit[];
}
