/**
 * What other tools read about each rule in SARIF, the way CodeQL publishes it: the class of problem and its
 * CWE as `tags` (`external/cwe/cwe-089`), how often a result is right (`precision`: very-high, high, medium,
 * low — from the labelled corpora, see `npm run eval:detectors`) and how serious a true result is
 * (`problem.severity`: error, warning, recommendation).
 */
export type RulePrecision = "very-high" | "high" | "medium" | "low";
export type ProblemSeverity = "error" | "warning" | "recommendation";

export interface RuleMetadata {
  /** The class of problem, as the field names it (`sql-injection`, `hardcoded-secret`…). */
  problemClass: string;
  cwes: readonly number[];
  precision: RulePrecision;
  problemSeverity: ProblemSeverity;
}

const byDetectorId: Record<string, RuleMetadata> = {
  "sql-string-building": {
    problemClass: "sql-injection",
    cwes: [89],
    precision: "high",
    problemSeverity: "error",
  },
  "eval-or-shell-injection": {
    problemClass: "command-injection",
    cwes: [78, 94],
    precision: "high",
    problemSeverity: "error",
  },
  "jwt-without-verification": {
    problemClass: "jwt",
    cwes: [347, 321],
    precision: "high",
    problemSeverity: "error",
  },
  "tls-verification-disabled": {
    problemClass: "tls-verify-disabled",
    cwes: [295],
    precision: "very-high",
    problemSeverity: "error",
  },
  "cors-any-origin-with-credentials": {
    problemClass: "cors",
    cwes: [942, 346],
    precision: "high",
    problemSeverity: "warning",
  },
  "weak-randomness-for-secrets": {
    problemClass: "weak-random",
    cwes: [338, 330],
    precision: "medium",
    problemSeverity: "warning",
  },
  "sensitive-data-in-logs": {
    problemClass: "secrets-in-logs",
    cwes: [532],
    precision: "medium",
    problemSeverity: "warning",
  },
  "n-plus-one": {
    problemClass: "n-plus-one",
    cwes: [1073],
    precision: "medium",
    problemSeverity: "recommendation",
  },
  "unbounded-query": {
    problemClass: "unbounded-query",
    cwes: [770],
    precision: "medium",
    problemSeverity: "warning",
  },
  "sync-io-in-handler": {
    problemClass: "blocking-io",
    cwes: [400],
    precision: "medium",
    problemSeverity: "recommendation",
  },
  "http-client-without-timeout": {
    problemClass: "http-timeout",
    cwes: [1088, 400],
    precision: "high",
    problemSeverity: "warning",
  },
  "unsafe-migration": {
    problemClass: "risky-migration",
    cwes: [667],
    precision: "high",
    problemSeverity: "warning",
  },
};

const secretMetadata: RuleMetadata = {
  problemClass: "hardcoded-secret",
  cwes: [798],
  precision: "high",
  problemSeverity: "error",
};

/** The metadata of a rule id: a detector id, or `secret/…` for the secret scan; undefined for model rules. */
export function getRuleMetadata(ruleId: string): RuleMetadata | undefined {
  if (ruleId.startsWith("secret/")) return secretMetadata;
  return byDetectorId[ruleId];
}

/** CodeQL's CWE tag spelling: `external/cwe/cwe-089` (three digits at least). */
export function toCweTag(cwe: number): string {
  return `external/cwe/cwe-${String(cwe).padStart(3, "0")}`;
}
