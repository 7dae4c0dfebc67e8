/**
 * The severities and categories of findings as plain values, with no schema library behind them: the
 * command line's argument parser (and its `--help`) loads this alone, so that it starts fast.
 */
export const severities = ["critical", "high", "medium", "low", "info"] as const;
export const categories = [
  "architecture",
  "security",
  "performance",
  "reliability",
  "maintainability",
] as const;

export type Severity = (typeof severities)[number];
export type Category = (typeof categories)[number];

/** Lower rank = more severe. */
export function getSeverityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return getSeverityRank(severity) <= getSeverityRank(threshold);
}
