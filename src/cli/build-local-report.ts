import type { LeftOutFile } from "../diff/select-server-files.js";
import { isAtLeast } from "../findings/finding.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import type { FailOn } from "./parse-review-args.js";
import type { LocalModelRun, LocalReview } from "./review-local-change.js";

/** What every output format shows: the findings that pass --min-confidence and what was read. */
export interface LocalReport {
  /** What was reviewed, in words: `changes since origin/main (merge base 1a2b3c4)`, `sample.diff`. */
  source: string;
  /** Findings with confidence >= minConfidence, ordered by path, line and severity. */
  findings: ReconciledFinding[];
  minConfidence: number;
  /** Findings not reported because their confidence is below minConfidence. */
  belowConfidence: number;
  failOn: FailOn;
  /** Reported findings at least as severe as failOn: the command exits 1 when there is one. */
  failing: number;
  reviewedPaths: string[];
  leftOut: LeftOutFile[];
  model: LocalModelRun | null;
  /** Why the model was not asked; null when it was. */
  modelSkippedReason: string | null;
}

export function buildLocalReport(params: {
  review: LocalReview;
  source: string;
  minConfidence: number;
  failOn: FailOn;
  modelSkippedReason: string | null;
}): LocalReport {
  const { review, minConfidence, failOn } = params;
  const findings = review.findings.filter((f) => f.confidence >= minConfidence);
  return {
    source: params.source,
    findings,
    minConfidence,
    belowConfidence: review.findings.length - findings.length,
    failOn,
    failing: failOn === "never" ? 0 : findings.filter((f) => isAtLeast(f.severity, failOn)).length,
    reviewedPaths: review.reviewedPaths,
    leftOut: review.leftOut,
    model: review.model,
    modelSkippedReason: review.model ? null : params.modelSkippedReason,
  };
}
