import { z } from "zod";
import { type Category, categories, type Severity, severities } from "./severity.js";

export {
  type Category,
  categories,
  getSeverityRank,
  isAtLeast,
  type Severity,
  severities,
} from "./severity.js";

export const severitySchema = z.enum(severities);
export const categorySchema = z.enum(categories);

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
