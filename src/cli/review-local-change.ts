import { applyPatchAnalysis } from "../analysis/analyse-files.js";
import { createInlineAnalyzer, type FileAnalyzer, startPatchAnalysis } from "../analysis/file-analyzer.js";
import { getPathInstructions, type RepoConfig } from "../config/repo-config.js";
import { type FileLineIndex, getNewLineText } from "../diff/line-index.js";
import type { LeftOutFile } from "../diff/select-server-files.js";
import { type Finding, getSeverityRank } from "../findings/finding.js";
import { estimateCostUsd } from "../model/prices.js";
import type { ModelUsage, ReviewModel } from "../model/review-model.js";
import { applyCodePolicies, selectRuleFindings } from "../review/apply-finding-policies.js";
import { askModel } from "../review/ask-model.js";
import { describeError } from "../review/describe-error.js";
import { indexCandidates, selectCandidates } from "../review/prepare-files.js";
import { type ReconciledFinding, reconcileFindings } from "../review/reconcile-findings.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";
import type { DiffFile } from "./split-git-diff.js";

/** What the model did in a local review. */
export interface LocalModelRun {
  id: string;
  calls: number;
  failedCalls: number;
  usage: ModelUsage;
  costUsd: number;
  /** Why calls failed, in the words the check run uses. */
  errors: string[];
  summaries: string[];
  /** Files or hunks the token budget kept from the model (the detectors still saw them). */
  notShown: { path: string; reason: string }[];
  /** Model findings that did not pass the output schema. */
  rejected: number;
}

export interface LocalReview {
  /** Every finding, reconciled and fingerprinted like the app's, ordered by path, line, severity. */
  findings: ReconciledFinding[];
  reviewedPaths: string[];
  leftOut: LeftOutFile[];
  /** null when the model was not asked. */
  model: LocalModelRun | null;
  /** Findings silenced by `architect-ignore:` comments. */
  suppressed?: number;
}

export interface ReviewLocalChangeParams {
  files: DiffFile[];
  config: RepoConfig;
  /** null: the rule-based detectors only. */
  model: ReviewModel | null;
  modelId: string;
  settings: { tokenBudget: number; maxModelCalls: number };
  /** Owner and name, for the links model text may keep; "local" when unknown. */
  repo: { owner: string; repo: string };
  /** Stands in for the pull request's title in the prompt. */
  title: string;
  onProgress?: (message: string) => void;
  /**
   * Runs the secret scan and the detectors; the main thread when absent. With a worker pool the analysis
   * starts before this thread parses the diff, and runs beside it.
   */
  analyzer?: FileAnalyzer;
}

/**
 * The app's review pipeline (`runReview`, steps 4 and 7–9) on a local change, without GitHub: keep the
 * server-side code, redact secrets, run the detectors, ask the model, then anchor, merge and
 * fingerprint. No history, scope or placement: a local run reports every finding.
 */
export async function reviewLocalChange(params: ReviewLocalChangeParams): Promise<LocalReview> {
  const { config } = params;

  // 4. Keep the server-side code; parse and index the commentable lines.
  const candidates = selectCandidates({ files: params.files, config });
  const early =
    params.analyzer && candidates.candidates.length > 0
      ? startPatchAnalysis(params.analyzer, candidates.candidates)
      : undefined;
  const prepared = await indexCandidates(candidates);
  const binaryPaths = new Set(params.files.filter((f) => f.binary).map((f) => f.filename));
  const leftOut = prepared.leftOut.map((file) =>
    binaryPaths.has(file.path) && file.reason.startsWith("no ")
      ? { path: file.path, reason: "binary file" }
      : file,
  );
  const reviewedPaths = [...prepared.indexes.keys()];
  if (reviewedPaths.length === 0) return { findings: [], reviewedPaths, leftOut, model: null };
  params.onProgress?.(
    `Reviewing ${reviewedPaths.length} server-side file${reviewedPaths.length === 1 ? "" : "s"}` +
      (leftOut.length > 0 ? ` (${leftOut.length} left out)` : ""),
  );

  // 7. Detect secrets (redacted before anything leaves) and run the deterministic detectors.
  const preparedFiles = [...prepared.indexes.values()];
  const redacted = early
    ? applyPatchAnalysis(preparedFiles, await early.result)
    : await createInlineAnalyzer().analyse(preparedFiles);
  const ruleFindings = selectRuleFindings([...redacted.secretFindings, ...redacted.ruleFindings], config);

  // 8. Ask the model, within the token budget.
  let model: LocalModelRun | null = null;
  let modelFindings: Finding[] = [];
  if (params.model) {
    params.onProgress?.(`Asking ${params.modelId}`);
    const review = await askModel({
      model: params.model,
      modelId: params.modelId,
      repository: `${params.repo.owner}/${params.repo.repo}`,
      pull: { title: params.title, body: "" },
      files: redacted.files.map((file) => ({ path: file.path, hunks: file.hunks })),
      indexes: prepared.indexes,
      hints: ruleFindings.filter((f) => !f.ruleId?.startsWith("secret/")),
      focus: config.focus,
      repoInstructions: config.instructions,
      getPathInstructions: (path) => getPathInstructions(config, path),
      budgetTokens: params.settings.tokenBudget,
      maxCalls: params.settings.maxModelCalls,
    });
    model = {
      id: params.modelId,
      calls: review.calls,
      failedCalls: review.failedCalls,
      usage: review.usage,
      costUsd: estimateCostUsd(params.modelId, review.usage),
      errors: review.errors.map(describeError),
      // As the app posts it: no @mentions, no links out of the repository, no raw HTML, bounded length.
      summaries: review.summaries.map((summary) =>
        neutralizeModelText(summary, { owner: params.repo.owner, repo: params.repo.repo, maxLength: 4_000 }),
      ),
      notShown: review.skipped.map((s) => ({ path: s.path, reason: s.reason })),
      rejected: review.rejected.length,
    };
    modelFindings = review.findings;
  }

  // 9. Anchor, merge and fingerprint the findings.
  const reconciled = reconcileFindings({
    ruleFindings,
    modelFindings,
    indexes: prepared.indexes,
    repo: params.repo,
  });
  const policed = applyCodePolicies(reconciled.findings, { indexes: prepared.indexes, config });
  const findings = dropFindingsOffFile(policed.findings, params.files, prepared.indexes).sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.line - b.line ||
      getSeverityRank(a.severity) - getSeverityRank(b.severity) ||
      a.title.localeCompare(b.title),
  );
  return { findings, reviewedPaths, leftOut, model, suppressed: policed.suppressed.length };
}

/**
 * Model findings on lines the file does not have: below line 1, or, in a file the change adds (whose
 * every line is in the diff), past its last line. The app lists such findings in the review body; a
 * local report has no body, and a line that does not exist helps nobody.
 */
function dropFindingsOffFile<T extends Finding>(
  findings: readonly T[],
  files: readonly DiffFile[],
  indexes: ReadonlyMap<string, FileLineIndex>,
): T[] {
  const added = new Set(files.filter((file) => file.status === "added").map((file) => file.filename));
  return findings.filter((finding) => {
    if (finding.source !== "model") return true;
    if (finding.line < 1) return false;
    const index = indexes.get(finding.path);
    if (!added.has(finding.path) || !index) return true;
    return getNewLineText(index, finding.endLine ?? finding.line) !== undefined;
  });
}
