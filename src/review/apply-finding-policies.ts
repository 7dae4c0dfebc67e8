import { isTestCode, type RepoConfig } from "../config/repo-config.js";
import { detectorRegistry } from "../detectors/registry.js";
import { type FileLineIndex, getNewLineText } from "../diff/line-index.js";
import { type Finding, getSeverityRank } from "../findings/finding.js";

/**
 * Step 7b, before the model sees them: the repository's `rules` (a detector turned off, or another
 * severity) and, in test code, `test_code.detectors` (by default only secrets that look real are kept:
 * known token formats — secretlint's rules and the known-format heuristics — not the high-entropy guesses,
 * which test fixtures are full of).
 */
export function selectRuleFindings<T extends Finding>(findings: readonly T[], config: RepoConfig): T[] {
  const selected: T[] = [];
  for (const finding of findings) {
    const setting = getRuleSetting(config, finding.ruleId);
    if (setting === "off") continue;
    if (isTestCode(config, finding.path)) {
      const mode = config.test_code.detectors;
      if (mode === "none") continue;
      if (mode === "secrets" && !isRealLookingSecret(finding.ruleId)) continue;
    }
    selected.push(setting === undefined ? finding : { ...finding, severity: setting });
  }
  return selected;
}

function isRealLookingSecret(ruleId: string | undefined): boolean {
  return ruleId?.startsWith("secret/") === true && !ruleId.startsWith("secret/high-entropy");
}

/**
 * Keys of `rules` that name no detector (a typo would otherwise do nothing): said in the check run and
 * on the CLI's stderr. `secret` and `secret/<kind>` are always accepted (secretlint's kinds vary).
 */
export function listUnknownRules(config: RepoConfig): string[] {
  const known = new Set(detectorRegistry.map((detector) => detector.id));
  return Object.keys(config.rules).filter(
    (id) => !known.has(id) && id !== "secret" && !id.startsWith("secret/"),
  );
}

/** `rules.<id>`, else `rules.<prefix>` for `secret/<kind>`. */
function getRuleSetting(config: RepoConfig, ruleId: string | undefined) {
  if (!ruleId) return undefined;
  return config.rules[ruleId] ?? config.rules[ruleId.split("/")[0]!];
}

export interface CodePolicyResult<T> {
  findings: T[];
  /** Findings an `architect-ignore:` comment suppressed. */
  suppressed: T[];
}

/**
 * Step 9a, after reconciliation: security findings in test code are capped at
 * `test_code.max_security_severity`, and findings an `architect-ignore:` comment names are dropped.
 */
export function applyCodePolicies<T extends Finding>(
  findings: readonly T[],
  params: { indexes: ReadonlyMap<string, FileLineIndex>; config: RepoConfig },
): CodePolicyResult<T> {
  const cap = params.config.test_code.max_security_severity;
  const result: CodePolicyResult<T> = { findings: [], suppressed: [] };
  for (const finding of findings) {
    const index = params.indexes.get(finding.path);
    if (index && isSuppressed(finding, (line) => getNewLineText(index, line))) {
      result.suppressed.push(finding);
      continue;
    }
    const capped =
      finding.category === "security" &&
      isTestCode(params.config, finding.path) &&
      getSeverityRank(finding.severity) < getSeverityRank(cap);
    result.findings.push(capped ? { ...finding, severity: cap } : finding);
  }
  return result;
}

/**
 * `architect-ignore: <names> [reason]` after a comment opener: `//`, `/*`, `#`, `--` (or a `*` line
 * inside a block comment). Names are comma-separated detector ids or categories, or `all`.
 */
const ignorePattern =
  /(?:\/\/|\/\*|#|--|^\s*\*)\s*architect-ignore:\s*([A-Za-z0-9_./-]+(?:\s*,\s*[A-Za-z0-9_./-]+)*)/;

/** The names an `architect-ignore:` comment on this line lists (lower-case), or none. */
export function parseIgnoreComment(line: string): string[] {
  const match = ignorePattern.exec(line);
  if (!match) return [];
  return match[1]!
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * Whether an `architect-ignore:` comment on the finding's lines, or on the line above them, names the
 * finding's detector (`sql-string-building`, `secret` or `secret/<kind>`), its category, or `all`.
 * `getLine` returns the new-file text of a line, or undefined when it is not known.
 */
export function isSuppressed(
  finding: Pick<Finding, "line" | "endLine" | "category" | "ruleId">,
  getLine: (line: number) => string | undefined,
): boolean {
  const names = new Set(["all", finding.category]);
  if (finding.ruleId) {
    names.add(finding.ruleId.toLowerCase());
    names.add(finding.ruleId.split("/")[0]!.toLowerCase());
  }
  const end = Math.min(finding.endLine ?? finding.line, finding.line + 50);
  for (let line = finding.line - 1; line <= end; line += 1) {
    const text = getLine(line);
    if (text === undefined) continue;
    for (const name of parseIgnoreComment(text)) {
      if (names.has(name)) return true;
      // The model's own report of a detector's problem (no rule id, same category) is the same finding.
      if (!finding.ruleId && ruleCategories.get(name) === finding.category) return true;
    }
  }
  return false;
}

/** The category of each detector id (and `secret`), to recognise the model's report of the same problem. */
const ruleCategories = new Map<string, string>([
  ...detectorRegistry.map((detector) => [detector.id, detector.category] as const),
  ["secret", "security"],
]);
