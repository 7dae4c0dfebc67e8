import { detectorRegistry } from "../detectors/registry.js";
import {
  getRuleMetadata,
  type ProblemSeverity,
  type RulePrecision,
  toCweTag,
} from "../detectors/rule-metadata.js";
import { type Category, getSeverityRank, type Severity } from "../findings/finding.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import type { LocalReport } from "./build-local-report.js";

export type SarifLevel = "error" | "warning" | "note";

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties: {
    tags: string[];
    /** CodeQL's: how often a result of this rule is right. */
    precision?: RulePrecision;
    /** CodeQL's: how serious a true result is. */
    "problem.severity"?: ProblemSeverity;
    "security-severity"?: string;
  };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; endLine: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  properties: {
    severity: Severity;
    category: Category;
    confidence: number;
    source: "model" | "rule";
    /** Every identity key of the finding (see findings/finding-identity.ts): what `--baseline` reads. */
    identityKeys: string[];
    "security-severity"?: string;
  };
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: {
    tool: { driver: { name: string; informationUri: string; rules: SarifRule[] } };
    results: SarifResult[];
  }[];
}

export const sarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
export const toolInformationUri = "https://github.com/apps/backend-architect";
/** The partialFingerprints key: bump the version if the fingerprint's recipe changes. */
export const fingerprintKey = "backendArchitect/v2";

const levels: Record<Severity, SarifLevel> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** GitHub's scale: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const securitySeverities: Partial<Record<Severity, string>> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

/** For rules without metadata (the model's own): CodeQL's problem.severity from ours. */
const problemSeverities: Record<Severity, ProblemSeverity> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "recommendation",
  info: "recommendation",
};

const detectorsById = new Map(detectorRegistry.map((detector) => [detector.id, detector]));

/**
 * The findings as SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule per
 * detector id (`secret/…` for hard-coded credentials) and one per category for the model's own findings
 * (`model/security`); the finding's fingerprint (stable across line shifts) as a partial fingerprint, and
 * GitHub's `security-severity` on security rules and results.
 */
export function buildSarifLog(report: LocalReport): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndexes = new Map<string, number>();
  const results: SarifResult[] = [];
  for (const finding of report.findings) {
    const ruleId = getRuleId(finding);
    let ruleIndex = ruleIndexes.get(ruleId);
    if (ruleIndex === undefined) {
      ruleIndex = rules.length;
      ruleIndexes.set(ruleId, ruleIndex);
      rules.push(
        buildRule(
          ruleId,
          finding,
          report.findings.filter((f) => getRuleId(f) === ruleId),
        ),
      );
    }
    const securitySeverity =
      finding.category === "security" ? securitySeverities[finding.severity] : undefined;
    results.push({
      ruleId,
      ruleIndex,
      level: levels[finding.severity],
      message: { text: `${finding.title}\n\n${finding.body}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toArtifactUri(finding.path) },
            region: {
              startLine: finding.line,
              endLine:
                finding.endLine !== undefined && finding.endLine > finding.line
                  ? finding.endLine
                  : finding.line,
            },
          },
        },
      ],
      partialFingerprints: { [fingerprintKey]: finding.fingerprint },
      properties: {
        severity: finding.severity,
        category: finding.category,
        confidence: finding.confidence,
        source: finding.source,
        identityKeys: finding.identity.keys,
        ...(securitySeverity !== undefined ? { "security-severity": securitySeverity } : {}),
      },
    });
  }
  return {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Backend Architect", informationUri: toolInformationUri, rules } },
        results,
      },
    ],
  };
}

/** Detector findings (and model findings a detector confirmed) by detector id; the model's own by category. */
function getRuleId(finding: ReconciledFinding): string {
  return finding.ruleId ?? `model/${finding.category}`;
}

function buildRule(id: string, first: ReconciledFinding, findings: ReconciledFinding[]): SarifRule {
  const detector = detectorsById.get(id);
  // A rule's default severity: its detector's, else the most severe of its findings.
  const severity =
    detector?.severity ??
    findings.reduce<Severity>(
      (worst, f) => (getSeverityRank(f.severity) < getSeverityRank(worst) ? f.severity : worst),
      first.severity,
    );
  const category = detector?.category ?? first.category;
  let title: string;
  let help: string;
  let kind: string;
  if (detector) {
    title = detector.title;
    help = detector.body;
    kind = "rule-based";
  } else if (id.startsWith("model/")) {
    title = `${capitalize(category)} problem found by Claude`;
    help = `Claude, reviewing the change as a senior backend architect, found a ${category} problem. Each result explains the problem on its line and how to fix it; model findings are judgement calls, so read the reasoning before acting on it.`;
    kind = "model";
  } else {
    title = first.title;
    help = first.body;
    kind = "rule-based";
  }
  const securitySeverity = category === "security" ? securitySeverities[severity] : undefined;
  const metadata = getRuleMetadata(id);
  const tags = metadata
    ? [category, kind, metadata.problemClass, ...metadata.cwes.map(toCweTag)]
    : [category, kind];
  return {
    id,
    shortDescription: { text: title },
    help: { text: help, markdown: help },
    defaultConfiguration: { level: levels[severity] },
    properties: {
      tags,
      precision: metadata?.precision ?? "medium",
      "problem.severity": metadata?.problemSeverity ?? problemSeverities[severity],
      ...(securitySeverity !== undefined ? { "security-severity": securitySeverity } : {}),
    },
  };
}

/** Repository-relative, forward slashes, each segment percent-encoded as a URI reference requires. */
function toArtifactUri(path: string): string {
  return path.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
