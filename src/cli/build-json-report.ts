import type { LeftOutFile } from "../diff/select-server-files.js";
import type { ModelUsage } from "../model/review-model.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import type { LocalReport } from "./build-local-report.js";
import type { FailOn } from "./parse-review-args.js";

/** The `--format json` document. Stable: scripts read it. */
export interface JsonReport {
  source: string;
  /** Each finding with `identityKeys` (what `--baseline` reads) in place of the internal identity. */
  findings: JsonFinding[];
  files: { reviewed: string[]; leftOut: LeftOutFile[] };
  /** null when the model was not asked. */
  model: {
    used: string;
    calls: number;
    failedCalls: number;
    usage: ModelUsage;
    costUsd: number;
    errors: string[];
    summary: string;
  } | null;
  failOn: { threshold: FailOn; reached: number };
  minConfidence: { threshold: number; belowThreshold: number };
}

export type JsonFinding = Omit<ReconciledFinding, "identity"> & { identityKeys: string[] };

export function buildJsonReport(report: LocalReport): JsonReport {
  const { model } = report;
  return {
    source: report.source,
    findings: report.findings.map(({ identity, ...finding }) => ({
      ...finding,
      identityKeys: identity.keys,
    })),
    files: { reviewed: report.reviewedPaths, leftOut: report.leftOut },
    model: model
      ? {
          used: model.id,
          calls: model.calls,
          failedCalls: model.failedCalls,
          usage: model.usage,
          costUsd: model.costUsd,
          errors: model.errors,
          summary: model.summaries.join("\n\n"),
        }
      : null,
    failOn: { threshold: report.failOn, reached: report.failing },
    minConfidence: { threshold: report.minConfidence, belowThreshold: report.belowConfidence },
  };
}
