import type { Logger } from "pino";
import type { RepoConfig } from "../config/repo-config.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import type { ModelUsage, ReviewModel } from "../model/review-model.js";
import { type GetContextForLocation, runSecondLook, type SecondLook } from "../verify/run-second-look.js";

/** The default verifier model when neither the environment nor architect.yml names one. */
export const defaultVerifierModel = "claude-haiku-5-5";

/** What the check run says about the second look. */
export type SecondLookReport = Omit<SecondLook<Finding>, "apply"> | { status: "off"; reason: string };

export interface TakeSecondLookParams<T extends Finding> {
  model: ReviewModel | null;
  /** Why the review model did not run (no key, budget): the second look does not run either. */
  modelSkipped: string | null;
  config: RepoConfig;
  verifierModel?: string | undefined;
  repository: string;
  findings: readonly T[];
  files: readonly { path: string; hunks: Hunk[] }[];
  getContextForLocation?: GetContextForLocation | undefined;
  signal?: AbortSignal | undefined;
  log: Logger;
  onUsage?(usage: ModelUsage, costUsd: number, calls: number, failedCalls: number): void;
  onTokensUsed?(tokens: number): Promise<void>;
}

/**
 * Step 9b of the pipeline: runs the second look when it is on and the model is there, accounts for its
 * tokens, and says in words why it did not run otherwise.
 */
export async function takeSecondLook<T extends Finding>(
  params: TakeSecondLookParams<T>,
): Promise<{ report: SecondLookReport; apply(list: readonly T[]): T[] }> {
  const unchanged = { apply: (list: readonly T[]) => [...list] };
  if (!params.config.second_look.enabled) {
    return { ...unchanged, report: { status: "off", reason: "turned off (`second_look.enabled: false`)" } };
  }
  if (!params.model?.verify || params.modelSkipped) {
    return { ...unchanged, report: { status: "off", reason: "not run: the model did not run" } };
  }
  const modelId = params.config.second_look.model ?? params.verifierModel ?? defaultVerifierModel;
  const result = await runSecondLook({
    model: params.model,
    modelId,
    repository: params.repository,
    findings: params.findings,
    hunksByPath: new Map(params.files.map((file) => [file.path, file.hunks])),
    confidenceBelow: params.config.second_look.confidence_below,
    getContextForLocation: params.getContextForLocation,
    signal: params.signal,
    onContextError: (error) =>
      params.log.warn({ err: error }, "Repository context for the second look failed; checked without it"),
  });
  if (result.calls > 0) {
    params.onUsage?.(result.usage, result.costUsd, result.calls, result.failedCalls);
    const { input, output, cacheRead, cacheWrite } = result.usage;
    if (input + output + cacheRead + cacheWrite > 0)
      await params.onTokensUsed?.(input + output + cacheRead + cacheWrite);
    for (const error of result.errors)
      params.log.warn({ error }, "A second-look call failed; its findings were kept");
    params.log.info(
      { checked: result.checked, withdrawn: result.withdrawn.length, lowered: result.lowered.length },
      "Second look done",
    );
  }
  const { apply, ...report } = result;
  return { report, apply };
}

/** What became of the findings given a second look, for metrics. */
export function countSecondLookOutcomes(report: SecondLookReport): {
  outcomes: Record<"kept" | "lowered" | "withdrawn" | "unverified", number>;
  withdrawnBySeverity: Partial<Record<Finding["severity"], number>>;
} {
  const outcomes = { kept: 0, lowered: 0, withdrawn: 0, unverified: 0 };
  const withdrawnBySeverity: Partial<Record<Finding["severity"], number>> = {};
  if (report.status !== "ran") return { outcomes, withdrawnBySeverity };
  outcomes.withdrawn = report.withdrawn.length;
  outcomes.lowered = report.lowered.length;
  outcomes.unverified = report.keptUnverified;
  outcomes.kept = report.checked - outcomes.withdrawn - outcomes.lowered - outcomes.unverified;
  for (const { finding } of report.withdrawn) {
    withdrawnBySeverity[finding.severity] = (withdrawnBySeverity[finding.severity] ?? 0) + 1;
  }
  return { outcomes, withdrawnBySeverity };
}
