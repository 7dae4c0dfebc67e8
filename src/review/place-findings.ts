import { type FileLineIndex, isCommentable, isCommentableRange } from "../diff/line-index.js";
import { type Finding, getSeverityRank, isAtLeast, type Severity } from "../findings/finding.js";
import type { ReviewCommentInput } from "../github/reviews.js";

export interface InlinePlacement {
  finding: Finding;
  /** Where the comment goes; `startLine` only for a multi-line range within one hunk. */
  line: number;
  startLine?: number;
  /** The suggestion still replaces exactly the lines it was written for. */
  suggestionApplies: boolean;
}

export type BodyReason =
  | "not a file of this pull request"
  | "in the repository context, outside the diff"
  | "line not in the diff"
  | "inline comment limit reached"
  | "below the inline severity threshold";

export interface BodyPlacement {
  finding: Finding;
  reason: BodyReason;
}

export interface PlacedFindings {
  inline: InlinePlacement[];
  inBody: BodyPlacement[];
  /** Below the confidence threshold: listed in a collapsed section of the check run. */
  lowConfidence: Finding[];
}

export interface PlacementOptions {
  minConfidence: number;
  maxInlineComments: number;
  minInlineSeverity: Severity;
  /** Files shown to the model as repository context: a finding there goes into the body, and says why. */
  contextPaths?: ReadonlySet<string>;
}

/**
 * Decides where every finding is shown. Invariant: each input finding appears exactly once in the
 * result, and every inline placement is accepted by GitHub (its line is commentable on the RIGHT
 * side; a range is within one hunk with start < end). One bad anchor never sinks the review.
 */
export function placeFindings(
  findings: Finding[],
  indexes: ReadonlyMap<string, FileLineIndex>,
  options: PlacementOptions,
): PlacedFindings {
  const placed: PlacedFindings = { inline: [], inBody: [], lowConfidence: [] };
  const candidates: InlinePlacement[] = [];
  for (const finding of findings) {
    if (finding.confidence < options.minConfidence) {
      placed.lowConfidence.push(finding);
      continue;
    }
    const index = indexes.get(finding.path);
    if (!index) {
      placed.inBody.push({
        finding,
        reason: options.contextPaths?.has(finding.path)
          ? "in the repository context, outside the diff"
          : "not a file of this pull request",
      });
      continue;
    }
    const anchor = findAnchor(finding, index);
    if (!anchor) {
      placed.inBody.push({ finding, reason: "line not in the diff" });
      continue;
    }
    if (!isAtLeast(finding.severity, options.minInlineSeverity)) {
      placed.inBody.push({ finding, reason: "below the inline severity threshold" });
      continue;
    }
    candidates.push(anchor);
  }
  // Most severe (then most confident) first when the inline cap cuts.
  candidates.sort(
    (a, b) =>
      getSeverityRank(a.finding.severity) - getSeverityRank(b.finding.severity) ||
      b.finding.confidence - a.finding.confidence,
  );
  candidates.forEach((candidate, i) => {
    if (i < options.maxInlineComments) placed.inline.push(candidate);
    else placed.inBody.push({ finding: candidate.finding, reason: "inline comment limit reached" });
  });
  return placed;
}

function findAnchor(finding: Finding, index: FileLineIndex): InlinePlacement | null {
  const { line, endLine } = finding;
  if (endLine !== undefined && endLine > line && isCommentableRange(index, line, endLine)) {
    return { finding, line: endLine, startLine: line, suggestionApplies: true };
  }
  if (isCommentable(index, line)) {
    return { finding, line, suggestionApplies: endLine === undefined || endLine === line };
  }
  if (endLine !== undefined && isCommentable(index, endLine)) {
    return { finding, line: endLine, suggestionApplies: false };
  }
  return null;
}

/** GitHub's review comment for a placement (single line: no start_line; range: start_line < line). */
export function toReviewComment(placement: InlinePlacement, body: string): ReviewCommentInput {
  return {
    path: placement.finding.path,
    line: placement.line,
    side: "RIGHT",
    ...(placement.startLine !== undefined
      ? { start_line: placement.startLine, start_side: "RIGHT" as const }
      : {}),
    body,
  };
}
