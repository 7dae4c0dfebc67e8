import { type Finding, isAtLeast } from "../findings/finding.js";

/**
 * The findings that get a second look: the model's own findings of severity `medium` or worse whose
 * confidence is below `confidenceBelow`, and every `critical` one. Findings of the deterministic detectors
 * (and model findings a detector confirmed) are not second-guessed by a model that reads untrusted text:
 * their precision is measured by `npm run eval:detectors` and reproducible.
 *
 * @example selectForSecondLook([{ severity: "high", confidence: 0.5, source: "model", … }], { confidenceBelow: 0.8 }) // [that finding]
 */
export function selectForSecondLook<T extends Finding>(
  findings: readonly T[],
  options: { confidenceBelow: number },
): T[] {
  return findings.filter(
    (f) =>
      f.source === "model" &&
      f.ruleId === undefined &&
      (f.severity === "critical" ||
        (isAtLeast(f.severity, "medium") && f.confidence < options.confidenceBelow)),
  );
}
