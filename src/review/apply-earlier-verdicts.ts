import { matchFindings } from "../findings/finding-identity.js";
import type { EarlierFindings } from "./load-earlier-findings.js";
import type { ReconciledFinding } from "./reconcile-findings.js";

export interface EarlierVerdicts<T extends ReconciledFinding> {
  /** Findings no earlier comment is about: to be placed and posted. */
  fresh: T[];
  /** What this review reports (fresh and still-open ones): dismissed findings are left out. */
  reported: T[];
  /** Findings an earlier, still open comment already says. */
  alreadyPosted: number;
  /** Findings a person dismissed on an earlier review. */
  dismissed: T[];
}

/**
 * Step 9b: sets aside the findings earlier reviews already posted (comments still on the diff) and those
 * people dismissed (whether or not their comment is still on the diff). Each earlier comment accounts for
 * at most one current finding; ties go to the most similar title.
 */
export function applyEarlierVerdicts<T extends ReconciledFinding>(
  findings: readonly T[],
  earlier: EarlierFindings,
): EarlierVerdicts<T> {
  const candidates = earlier.findings.filter((finding) => finding.open || finding.dismissed);
  const matches = matchFindings(
    findings.map((finding) => finding.identity),
    candidates,
  );
  const result: EarlierVerdicts<T> = { fresh: [], reported: [], alreadyPosted: 0, dismissed: [] };
  findings.forEach((finding, i) => {
    const match = candidates[matches[i] ?? -1];
    if (!match) {
      result.fresh.push(finding);
      result.reported.push(finding);
    } else if (match.dismissed) {
      result.dismissed.push(finding);
    } else {
      result.alreadyPosted += 1;
      result.reported.push(finding);
    }
  });
  return result;
}
