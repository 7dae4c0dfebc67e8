import { type FileLineIndex, getNewLineText } from "../diff/line-index.js";
import { type Finding, getSeverityRank } from "../findings/finding.js";
import {
  buildFindingIdentity,
  type FindingIdentity,
  getTitleSimilarity,
} from "../findings/finding-identity.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";
import { anchorByEvidence } from "./anchor-by-evidence.js";

export interface ReconciledFinding extends Finding {
  /** The primary key of `identity` (what older code and SARIF call the fingerprint). */
  fingerprint: string;
  /** How later reviews recognise this finding (see findings/finding-identity.ts). */
  identity: FindingIdentity;
}

export interface Reconciliation {
  findings: ReconciledFinding[];
  /** Model findings whose quoted evidence pointed at another line than the one the model gave. */
  anchorDisagreements: number;
  /** Rule-based findings the model confirmed (merged into one). */
  confirmedByModel: number;
}

const maxBodyChars = 6_000;
const maxTitleChars = 200;
const maxSuggestionChars = 8_000;

/**
 * Step 7 (before placement): turns raw findings into what may be posted.
 * - Model findings are anchored by the code they quote (the model's line number only as a fallback),
 *   and their text is neutralised: capped, no @mentions, no links outside this repository, no markers.
 * - A model finding on the same line and problem as a rule-based one is merged into it: one comment.
 * - Each finding gets a fingerprint that survives line shifts.
 */
export function reconcileFindings(params: {
  ruleFindings: Finding[];
  modelFindings: Finding[];
  indexes: ReadonlyMap<string, FileLineIndex>;
  repo: { owner: string; repo: string };
  /** Earlier names of renamed files (`previous_filename`), by current path: a rename keeps identities. */
  previousPaths?: ReadonlyMap<string, string>;
}): Reconciliation {
  let anchorDisagreements = 0;
  const neutralize = (text: string, maxLength: number) =>
    neutralizeModelText(text, { owner: params.repo.owner, repo: params.repo.repo, maxLength });

  const modelFindings = params.modelFindings.map((raw): Finding => {
    const finding: Finding = {
      ...raw,
      title: toSafeTitle(raw.title, neutralize),
      body: neutralize(raw.body, maxBodyChars),
      ...(raw.suggestion !== undefined ? { suggestion: raw.suggestion.slice(0, maxSuggestionChars) } : {}),
    };
    const index = params.indexes.get(finding.path);
    if (!index) return finding;
    const anchor = anchorByEvidence(finding, index);
    if (anchor.disagreed) anchorDisagreements += 1;
    if (anchor.method !== "evidence") return finding;
    const { endLine: _dropped, ...rest } = finding;
    const moved = anchor.line !== finding.line;
    const anchored: Finding = {
      ...rest,
      line: anchor.line,
      ...(anchor.endLine !== undefined ? { endLine: anchor.endLine } : {}),
      // A suggestion written for other lines would replace the wrong code.
      ...(moved ? { suggestion: undefined } : {}),
    };
    return anchored;
  });

  const merged: Finding[] = [];
  /** The detector finding each confirmed finding absorbed: its code is an anchor of the identity too. */
  const absorbed = new Map<Finding, Finding>();
  const remainingRules = [...params.ruleFindings];
  let confirmedByModel = 0;
  for (const finding of modelFindings) {
    const match = remainingRules.findIndex((rule) => isSameProblem(rule, finding));
    if (match === -1) {
      merged.push(finding);
      continue;
    }
    const [rule] = remainingRules.splice(match, 1);
    confirmedByModel += 1;
    const confirmed: Finding = {
      ...finding,
      severity:
        getSeverityRank(rule!.severity) < getSeverityRank(finding.severity)
          ? rule!.severity
          : finding.severity,
      confidence: Math.max(rule!.confidence, finding.confidence),
      ...(rule!.ruleId ? { ruleId: rule!.ruleId } : {}),
    };
    absorbed.set(confirmed, rule!);
    merged.push(confirmed);
  }
  merged.push(...remainingRules);

  const findings: ReconciledFinding[] = [];
  for (const finding of merged) {
    const cleaned = Object.fromEntries(Object.entries(finding).filter(([, v]) => v !== undefined)) as Finding;
    const index = params.indexes.get(finding.path);
    const anchorOf = (f: Finding) => (index ? getAnchorLines(index, f) : f.evidence ? [f.evidence] : []);
    const rule = absorbed.get(finding);
    const previousPath = params.previousPaths?.get(finding.path);
    // A span's first line is an anchor of its own too: a later report of the same problem with a
    // shorter or longer span is still recognised.
    const anchors = (rule ? [anchorOf(finding), anchorOf(rule)] : [anchorOf(finding)]).flatMap((lines) =>
      lines.length > 1 ? [lines, lines.slice(0, 1)] : [lines],
    );
    const identity = buildFindingIdentity(finding, anchors, previousPath ? [previousPath] : []);
    const fingerprint = identity.keys[0]!;
    // The same problem reported twice (overlapping chunks): same identity, line and a similar title.
    const duplicate = findings.some(
      (f) =>
        f.fingerprint === fingerprint &&
        f.line === finding.line &&
        f.ruleId === finding.ruleId &&
        getTitleSimilarity(f.title, finding.title) >= 0.5,
    );
    if (duplicate) continue;
    findings.push({ ...cleaned, fingerprint, identity });
  }
  return { findings, anchorDisagreements, confirmedByModel };
}

/**
 * A title safe to post. When neutralising would change it (a mention, a link, HTML), the whole title
 * becomes one code span instead: nothing in it renders or notifies, and it still reads as written.
 */
function toSafeTitle(title: string, neutralize: (text: string, maxLength: number) => string): string {
  const plain = title
    .replace(/[\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxTitleChars);
  if (neutralize(plain, maxTitleChars) === plain) return plain;
  const longestTicks = Math.max(0, ...[...plain.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestTicks + 1);
  return `${fence} ${plain} ${fence}`;
}

function getAnchorLines(index: FileLineIndex, finding: Finding): string[] {
  const lines: string[] = [];
  const end = Math.min(finding.endLine ?? finding.line, finding.line + 50);
  for (let line = finding.line; line <= end; line += 1) {
    const text = getNewLineText(index, line);
    if (text !== undefined) lines.push(text);
  }
  return lines.length > 0 ? lines : finding.evidence ? [finding.evidence] : [];
}

/**
 * Same file and category, and the model's line within two lines of the rule's span (a detector's span runs
 * from where a value is built to the sink that uses it; the model may name either end).
 */
function isSameProblem(rule: Finding, model: Finding): boolean {
  const end = rule.endLine ?? rule.line;
  return (
    rule.path === model.path &&
    model.line >= rule.line - 2 &&
    model.line <= end + 2 &&
    rule.category === model.category
  );
}
