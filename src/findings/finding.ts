import { z } from "zod";

export const severities = ["critical", "high", "medium", "low", "info"] as const;
export const categories = [
  "architecture",
  "security",
  "performance",
  "reliability",
  "maintainability",
] as const;

export const severitySchema = z.enum(severities);
export const categorySchema = z.enum(categories);
export type Severity = z.infer<typeof severitySchema>;
export type Category = z.infer<typeof categorySchema>;

/** Lower rank = more severe. */
export function getSeverityRank(severity: Severity): number {
  return severities.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return getSeverityRank(severity) <= getSeverityRank(threshold);
}

/**
 * One critique of the change. `line`/`endLine` are new-file (RIGHT side) line numbers as the
 * source claimed them; placement decides where the finding is actually shown.
 */
export interface Finding {
  path: string;
  line: number;
  endLine?: number;
  severity: Severity;
  category: Category;
  /** 0..1 */
  confidence: number;
  title: string;
  body: string;
  /** Replacement text for line..endLine, rendered as a ```suggestion block. */
  suggestion?: string;
  /** The exact code line the finding refers to, quoted by its source (used to anchor by evidence). */
  evidence?: string;
  /** "model" for Claude's findings, "rule" for deterministic detectors. */
  source: "model" | "rule";
  /** Detector id for rule-based findings. */
  ruleId?: string;
}
