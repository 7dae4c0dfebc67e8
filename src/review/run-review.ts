import type { Logger } from "pino";
import { applyPatchAnalysis } from "../analysis/analyse-files.js";
import {
  createInlineAnalyzer,
  type FileAnalyzer,
  type PagedAnalysis,
  startPagedAnalysis,
} from "../analysis/file-analyzer.js";
import type { TokenCalibrator } from "../budget/estimate-tokens.js";
import { loadRepoConfig } from "../config/load-repo-config.js";
import {
  formatConfigErrors,
  getPathInstructions,
  type RepoConfig,
  shouldIgnorePull,
} from "../config/repo-config.js";
import type { RepositoryContext } from "../context/assemble-context.js";
import { renderContextSection } from "../context/render-context.js";
import {
  buildContractsCheckSection,
  type ContractReport,
  checkContracts,
  toImpactAdditions,
} from "../contracts/check-contracts.js";
import type { FileLineIndex } from "../diff/line-index.js";
import { buildLineIndex } from "../diff/line-index.js";
import type { Finding } from "../findings/finding.js";
import {
  buildFindingMarker,
  buildReviewMarker,
  createEphemeralMarkerKey,
  type MarkerAuth,
  type MarkerKey,
  parseFindingMarker,
  parseReviewMarker,
} from "../findings/markers.js";
import {
  type CheckConclusion,
  type CheckOutput,
  completeCheckRun,
  listCheckRunsForRef,
  rerunAction,
} from "../github/checks.js";
import { createIssueComment } from "../github/comments.js";
import { compareCommits } from "../github/compare.js";
import type { GitHubClient } from "../github/github-client.js";
import { githubLimits } from "../github/limits.js";
import { getPull, listPullFiles } from "../github/pulls.js";
import { createRepoConfigSource } from "../github/repo-config-source.js";
import { createReview, listReviewComments, listReviews } from "../github/reviews.js";
import { ModelOutputError } from "../model/model-errors.js";
import { estimateCostUsd } from "../model/prices.js";
import type { ModelUsage, ReviewModel } from "../model/review-model.js";
import { classifyError } from "../queue/classify-error.js";
import type { ReviewJob } from "../queue/review-job.js";
import { encodeCodeSpan, encodeInlineText } from "../security/encode-markdown.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";
import { redactPullText } from "../security/redact-pull-text.js";
import type { GetContextForLocation } from "../verify/run-second-look.js";
import { appendCheckSection } from "./append-check-section.js";
import { applyEarlierVerdicts } from "./apply-earlier-verdicts.js";
import { applyCodePolicies, listUnknownRules, selectRuleFindings } from "./apply-finding-policies.js";
import { askModel, type ModelReview } from "./ask-model.js";
import {
  buildAnnotations,
  buildCheckOutput,
  buildNoServerCodeOutput,
  buildReviewBodyPages,
  getConclusion,
  type ReviewReport,
} from "./build-report.js";
import { describeError } from "./describe-error.js";
import { describeImpact, selectImpactFiles, startImpactExtraction } from "./describe-impact.js";
import { buildPages } from "./fit-pages.js";
import {
  buildContextReport,
  type ContextDeps,
  type ContextReport,
  type GatheredContext,
  gatherContext,
  toModelContextParams,
} from "./gather-context.js";
import { type EarlierFindings, loadEarlierFindings } from "./load-earlier-findings.js";
import { placeFindings, toReviewComment } from "./place-findings.js";
import { createCandidateCollector, indexCandidates } from "./prepare-files.js";
import { type ReconciledFinding, reconcileFindings } from "./reconcile-findings.js";
import { renderCommentBody, renderFindingBody, renderTitle } from "./render-finding.js";
import { selectIncremental } from "./select-incremental.js";
import { startCheckRun } from "./start-check-run.js";
import { type SecondLookReport, takeSecondLook } from "./take-second-look.js";

/** Hooks for metrics; all optional. */
export interface ReviewMetricsHooks {
  onModelCalls?(calls: number, failed: number): void;
  onModelUsage?(usage: ModelUsage, costUsd: number): void;
  onAnchorDisagreements?(count: number): void;
  onFindingsPosted?(findings: Finding[]): void;
  /** The review's repository context report (when context is configured for the app). */
  onContext?(report: ContextReport): void;
  /** This app's earlier line comments on a pull request, with their 👍/👎 counts. */
  onEarlierFindingsSeen?(findings: EarlierFindings["findings"]): void;
  /** The second look: its calls and spend, and what it withdrew or lowered. */
  onSecondLook?(report: SecondLookReport): void;
}

export interface ReviewDeps {
  octokit: GitHubClient;
  /** null when no ANTHROPIC_API_KEY is configured: the detectors still run. */
  model: ReviewModel | null;
  settings: {
    defaultModel: string;
    tokenBudget: number;
    maxModelCalls: number;
    maxAttempts: number;
    /** Model of the second look (VERIFIER_MODEL); `second_look.model` overrides it. */
    verifierModel?: string;
  };
  /** Repository context for one place of the head commit (issue 10); the second look shows it when given. */
  getContextForLocation?: GetContextForLocation;
  log: Logger;
  metrics?: ReviewMetricsHooks;
  /** Counts tokens against the installation's daily budget. */
  onTokensUsed?(installationId: number, tokens: number): Promise<void>;
  /**
   * Who this app is: its bot login (`<slug>[bot]`) and app id. Markers in reviews, comments and check
   * runs by anyone else are ignored; without them, any bot's and any app's are trusted.
   */
  identity?: { botLogin?: string | undefined; appId?: number | undefined };
  /**
   * Authenticates the hidden markers the app writes and reads (`deriveMarkerKey` of the app's secret).
   * Without it, a random key of this process: markers then verify only until it restarts.
   */
  markerKey?: MarkerKey;
  /** Process-wide calibration of the local token estimate against the API's usage. */
  tokenCalibrator?: TokenCalibrator;
  /** Repository context beside the diff (blob cache and settings); absent: the model sees the diff only. */
  context?: ContextDeps;
  /** Whether the installation's daily token budget (0 = unlimited) still allows a model call. */
  checkBudget?(
    installationId: number,
    budget: number,
  ): Promise<{ ok: true } | { ok: false; resetsAt: Date; used: number }>;
  /** Runs the secret scan and the detectors; defaults to the main thread (`createInlineAnalyzer`). */
  analyzer?: FileAnalyzer;
}

const inlineAnalyzer = createInlineAnalyzer();

export interface ReviewRun {
  job: ReviewJob;
  attempt: number;
  signal?: AbortSignal;
  isSuperseded(): Promise<boolean>;
}

export type ReviewOutcome =
  | "posted"
  | "no-findings"
  | "skipped"
  | "superseded"
  | "already-posted"
  | "config-invalid"
  | "failed";

/**
 * Reviews one pull request head: the whole pipeline, as numbered steps. Whatever happens, the check run
 * ends `completed` with a message saying what happened — except when a transient error will be retried,
 * in which case the next attempt completes it.
 */
export async function runReview(run: ReviewRun, deps: ReviewDeps): Promise<ReviewOutcome> {
  const { job } = run;
  const { octokit, log } = deps;
  const repo = { owner: job.owner, repo: job.repo };
  const pullRef = { ...repo, pullNumber: job.pullNumber };
  const markerAuth: MarkerAuth = { key: deps.markerKey ?? getFallbackMarkerKey(), scope: pullRef };

  // 1. Start the check run "Backend Architect" on the head SHA (or take over an unfinished one).
  const started = await startCheckRun(octokit, {
    ...repo,
    job,
    appId: deps.identity?.appId,
    markerAuth,
  });
  if (started.alreadyReviewed) {
    log.info({ checkRunId: started.id }, "This review already completed; nothing to do");
    return "already-posted";
  }
  const checkRunId = started.id;
  const complete = (
    conclusion: CheckConclusion,
    output: CheckOutput,
    extra: Partial<Parameters<typeof completeCheckRun>[1]> = {},
  ) =>
    completeCheckRun(octokit, { ...repo, checkRunId, conclusion, output, actions: [rerunAction], ...extra });

  let paged: PagedAnalysis | undefined;
  try {
    // 2. Fetch the pull request; stop when it closed or moved on.
    const pull = await getPull(octokit, pullRef);
    if (pull.state !== "open") {
      await complete("skipped", {
        title: "Pull request is closed",
        summary: "The pull request was closed before the review ran.",
      });
      return "skipped";
    }
    if (pull.headSha !== job.headSha || (await run.isSuperseded())) {
      await complete("neutral", supersededOutput(pull.headSha));
      return "superseded";
    }

    // 3. Load and validate .github/architect.yml (default branch; organisation defaults).
    const configResult = await loadRepoConfig(createRepoConfigSource(octokit, repo));
    if (!configResult.ok) {
      await complete("failure", {
        title: "Invalid .github/architect.yml",
        summary: `The review did not run because the configuration is invalid:\n\n${formatConfigErrors(configResult.errors)}\n\nFix the file on the default branch, then comment \`/architect\` or re-run this check.`,
      });
      return "config-invalid";
    }
    const config = configResult.config;
    const ignored = shouldIgnorePull(config, pull, { trigger: job.trigger === "push" ? "auto" : "command" });
    if (ignored) {
      await complete("skipped", {
        title: "Review skipped",
        summary: `Not reviewed: ${encodeInlineText(ignored)}.`,
      });
      return "skipped";
    }

    // 4. Fetch the changed files; keep the server-side code; parse and index the commentable lines.
    // A first or full review analyses every candidate: the secret scan, the detectors and the architecture
    // impact (each file parsed once for all) start on each page of files as it arrives, in the worker pool,
    // and run while GitHub sends the next pages and this thread parses and reads the history; if the scope
    // turns out incremental, that work is dropped and the narrower scope analysed instead.
    const analyzer = deps.analyzer ?? inlineAnalyzer;
    const pagedRun =
      deps.analyzer && (job.scope === "full" || !job.previousSha)
        ? startPagedAnalysis(deps.analyzer, { impact: config.architecture_impact.enabled })
        : undefined;
    paged = pagedRun;
    const collector = createCandidateCollector(config);
    const changedFiles = await listPullFiles(octokit, pullRef, (page) => {
      const pageCandidates = collector.add(page);
      pagedRun?.addPage(pageCandidates, selectImpactFiles(config, page));
    });
    const candidates = collector.selection(changedFiles.length);
    const early = pagedRun && candidates.candidates.length > 0 ? pagedRun.finish() : undefined;
    if (!early) pagedRun?.cancel();
    const prepared = await indexCandidates(candidates);
    if (prepared.indexes.size === 0) {
      await complete(
        "skipped",
        buildNoServerCodeOutput({ total: changedFiles.length, leftOut: prepared.leftOut }),
      );
      return "skipped";
    }
    // 5. Learn from earlier reviews: what was posted, what is still open, and the last reviewed head.
    const history = await loadHistory(octokit, {
      ...pullRef,
      job,
      identity: deps.identity ?? {},
      markerAuth,
      pullAuthor: pull.author,
      log,
    });
    if (history.alreadyPostedForKey) {
      await complete("neutral", {
        title: "Already reviewed",
        summary: `This head (${job.headSha.slice(0, 7)}) was already reviewed for this request; the review was not posted again.`,
      });
      return "already-posted";
    }
    // The architecture impact reads every changed file: in the pool it runs beside the rest from here on.
    const impactExtraction =
      early?.impact ??
      (deps.analyzer
        ? startImpactExtraction({ config, files: changedFiles, analyzer: deps.analyzer, log })
        : undefined);

    // 6. Decide the scope: everything, or only what changed since the last reviewed head.
    const scope = await selectScope(octokit, {
      ...repo,
      job,
      prepared: prepared.indexes,
      changedFiles,
      lastReviewedSha: history.lastReviewedSha,
    });
    if (scope.indexes.size === 0) {
      await complete("success", {
        title: "Nothing new to review",
        summary: `No server-side code changed since the last review (${history.lastReviewedSha?.slice(0, 7)}).${buildReviewMarkerLine(job, markerAuth)}`,
      });
      return "no-findings";
    }

    // 7. Detect secrets (redacted before anything leaves) and run the deterministic detectors.
    const scopeFiles = [...scope.indexes.values()];
    const redacted =
      early && scope.indexes === prepared.indexes
        ? applyPatchAnalysis(scopeFiles, await early.result)
        : await analyzer.analyse(scopeFiles);
    for (const message of redacted.errors) log.warn({ err: message }, "A detector failed on a file; skipped");
    const ruleFindings = selectRuleFindings([...redacted.secretFindings, ...redacted.ruleFindings], config);
    // 7b. Compare the API descriptions the pull request changes (base vs head); breaks become findings.
    const contracts = await checkContracts({
      octokit,
      ...repo,
      baseSha: pull.baseSha,
      headSha: job.headSha,
      files: changedFiles,
      config,
      log,
    });

    // 8. Ask the model, within the token budget.
    const modelId = config.model ?? deps.settings.defaultModel;
    let modelReview: ModelReview | null = null;
    const budget = (await deps.checkBudget?.(job.installationId, config.limits.daily_token_budget)) ?? {
      ok: true,
    };
    const modelSkipped = !deps.model
      ? "No ANTHROPIC_API_KEY is configured: only the rule-based detectors ran."
      : !budget.ok
        ? `The installation's daily token budget is used up (${budget.used.toLocaleString("en")} of ${config.limits.daily_token_budget.toLocaleString("en")} tokens; resets at ${budget.resetsAt.toISOString()}): only the rule-based detectors ran.`
        : null;
    let gathered: GatheredContext | null = null;
    if (deps.model && !modelSkipped) {
      // The title and description are scanned and redacted like code before they reach the model.
      const { redacted: redactedLines, ...pullText } = await redactPullText({
        title: pull.title,
        body: pull.body,
      });
      if (redactedLines > 0)
        log.warn({ lines: redactedLines }, "Redacted secrets in the pull request's title or description");
      // 8a. Read the repository context the change needs (never fails the review; the check run says what).
      gathered = await gatherContext({
        octokit,
        ...repo,
        headSha: job.headSha,
        files: redacted.files.map((file) => ({ path: file.path, hunks: file.hunks })),
        config,
        deps: deps.context,
        log,
        ...(deps.analyzer ? { analyzer: deps.analyzer } : {}),
      });
      modelReview = await askModel({
        ...toModelContextParams(gathered),
        model: deps.model,
        modelId,
        repository: `${job.owner}/${job.repo}`,
        pull: { title: pullText.title, body: pullText.body ?? "" },
        files: redacted.files.map((file) => ({ path: file.path, hunks: file.hunks })),
        indexes: scope.indexes,
        hints: ruleFindings.filter((f) => !f.ruleId?.startsWith("secret/")),
        focus: job.focus.length > 0 ? job.focus : config.focus,
        repoInstructions: config.instructions,
        getPathInstructions: (path) => getPathInstructions(config, path),
        budgetTokens: deps.settings.tokenBudget,
        maxCalls: deps.settings.maxModelCalls,
        ...(run.signal ? { signal: run.signal } : {}),
        ...(deps.tokenCalibrator ? { calibrator: deps.tokenCalibrator } : {}),
      });
      const costUsd = estimateCostUsd(modelId, modelReview.usage);
      deps.metrics?.onModelCalls?.(modelReview.calls, modelReview.failedCalls);
      deps.metrics?.onModelUsage?.(modelReview.usage, costUsd);
      const tokens =
        modelReview.usage.input +
        modelReview.usage.output +
        modelReview.usage.cacheRead +
        modelReview.usage.cacheWrite;
      if (tokens > 0) await deps.onTokensUsed?.(job.installationId, tokens);
      for (const error of modelReview.errors) log.warn({ err: error }, "A model call failed");
    }

    // 9. Anchor, merge and fingerprint the findings; set aside those already posted.
    const reconciled = reconcileFindings({
      ruleFindings: [...ruleFindings, ...contracts.findings],
      modelFindings: modelReview?.findings ?? [],
      indexes: scope.indexes,
      repo,
      previousPaths: new Map(
        changedFiles.flatMap((f) =>
          f.previous_filename ? [[f.filename, f.previous_filename] as const] : [],
        ),
      ),
    });
    deps.metrics?.onAnchorDisagreements?.(reconciled.anchorDisagreements);
    if (reconciled.anchorDisagreements > 0) {
      log.info(
        { anchorDisagreements: reconciled.anchorDisagreements },
        "Model line numbers disagreed with the quoted code",
      );
    }
    const policed = applyCodePolicies(reconciled.findings, { indexes: scope.indexes, config });
    const verdicts = applyEarlierVerdicts(policed.findings, history.earlier);
    deps.metrics?.onEarlierFindingsSeen?.(history.earlier.findings);

    // 9b. A second look at the serious findings the model was unsure of: keep, lower or withdraw.
    const secondLook = await takeSecondLook({
      model: deps.model,
      modelSkipped,
      config,
      verifierModel: deps.settings.verifierModel,
      repository: `${job.owner}/${job.repo}`,
      findings: verdicts.fresh,
      files: redacted.files,
      getContextForLocation: deps.getContextForLocation ?? buildVerifierContext(gathered?.context ?? null),
      signal: run.signal,
      log,
      onUsage: (usage, costUsd, calls, failed) => {
        deps.metrics?.onModelCalls?.(calls, failed);
        deps.metrics?.onModelUsage?.(usage, costUsd);
      },
      onTokensUsed: (tokens) => deps.onTokensUsed?.(job.installationId, tokens) ?? Promise.resolve(),
    });
    deps.metrics?.onSecondLook?.(secondLook.report);
    const fresh = secondLook.apply(verdicts.fresh);
    const findings = secondLook.apply(verdicts.reported);

    // 10. Place every finding: inline on a valid line, in the review body, or in the low-confidence list.
    const placed = placeFindings(fresh, withContractIndexes(prepared.indexes, contracts), {
      minConfidence: config.min_confidence,
      maxInlineComments: config.max_inline_comments,
      minInlineSeverity: config.min_severity,
      contextPaths: new Set(modelReview?.context.sent.map((piece) => piece.path) ?? []),
    });
    const contextReport: ContextReport | undefined = deps.context
      ? gathered
        ? buildContextReport(gathered, modelReview?.context, modelReview?.exploration)
        : { status: "off", reason: "the model did not run" }
      : undefined;
    if (contextReport) deps.metrics?.onContext?.(contextReport);
    // 10b. What the change does to the system: the "Architecture impact" section.
    const impactSection = await describeImpact({
      config,
      files: changedFiles,
      summaries: modelReview?.impactSummaries ?? [],
      apiAdditions: toImpactAdditions(contracts.additions),
      log,
      // Without the pool, the impact is read now, by the analyzer (which remembers files already read).
      extraction: impactExtraction ?? startImpactExtraction({ config, files: changedFiles, analyzer, log }),
    });
    const report: ReviewReport = {
      headSha: job.headSha,
      scope: { mode: scope.mode, reason: scope.reason },
      reviewedPaths: [...scope.indexes.keys()],
      leftOut: prepared.leftOut,
      notShownToModel: modelReview
        ? modelReview.skipped.map((s) => ({ path: s.path, reason: s.reason }))
        : [],
      findings,
      placed,
      history: {
        stillOpen: history.stillOpen,
        resolved: history.resolved,
        alreadyPosted: verdicts.alreadyPosted,
        dismissed: verdicts.dismissed,
        suppressed: policed.suppressed,
        notes: [
          ...history.earlier.notes,
          ...listUnknownRules(config).map(
            (id) =>
              `${encodeCodeSpan(`rules.${id}`)} in .github/architect.yml names no detector, so it changed nothing`,
          ),
        ],
      },
      model: modelReview
        ? {
            status: "ran",
            id: modelId,
            calls: modelReview.calls,
            failedCalls: modelReview.failedCalls,
            usage: modelReview.usage,
            costUsd: estimateCostUsd(modelId, modelReview.usage),
            errors: modelReview.errors.map(describeError),
            incompleteReason: describeModelFailure(modelReview.errors),
          }
        : {
            status: "skipped",
            reason: modelSkipped ?? "The model was not asked: only the rule-based detectors ran.",
          },
      rejected: modelReview?.rejected ?? [],
      ...(contextReport ? { context: contextReport } : {}),
      secondLook: secondLook.report,
      ...(impactSection ? { impactSection } : {}),
      config,
      failOn: config.fail_on,
    };

    // 11. Post one review — unless a newer push superseded this one.
    if (await run.isSuperseded()) {
      await complete("neutral", supersededOutput("a newer commit"));
      return "superseded";
    }
    const conclusion = getConclusion(report);
    const modelComplete = !modelReview || modelReview.failedCalls === 0;
    const marker = modelComplete ? buildReviewMarker({ sha: job.headSha, key: job.key }, markerAuth) : "";
    let outcome: ReviewOutcome = "no-findings";
    if (placed.inline.length + placed.inBody.length > 0) {
      const summary = neutralizeModelText((modelReview?.summaries ?? []).join("\n\n"), {
        owner: job.owner,
        repo: job.repo,
        maxLength: 4_000,
      });
      await postReview(octokit, {
        ...pullRef,
        commitId: job.headSha,
        event:
          config.review_event === "REQUEST_CHANGES" && conclusion === "failure"
            ? "REQUEST_CHANGES"
            : "COMMENT",
        pages: buildReviewBodyPages({ report, summary, marker }),
        placed,
        log,
        markerAuth,
      });
      deps.metrics?.onFindingsPosted?.([
        ...placed.inline.map((p) => p.finding),
        ...placed.inBody.map((p) => p.finding),
      ]);
      outcome = "posted";
    }

    // 12. Complete the check run: conclusion, summary of what was read, skipped, found and spent.
    const output = appendCheckSection(buildCheckOutput(report), buildContractsCheckSection(contracts));
    await complete(
      conclusion,
      { ...output, summary: output.summary + (modelComplete ? buildReviewMarkerLine(job, markerAuth) : "") },
      {
        annotations: buildAnnotations(
          findings,
          new Set(withContractIndexes(prepared.indexes, contracts).keys()),
        ),
      },
    );
    return outcome;
  } catch (error) {
    // Stopped (shutdown past its grace period, or superseded): the job is handed back or dropped, and
    // whoever runs it next takes over this check run; do not report a failure that did not happen.
    if (run.signal?.aborted) throw error;
    const verdict = classifyError(error);
    const willRetry = verdict.kind === "retryable" && run.attempt < deps.settings.maxAttempts;
    log.error({ err: error, willRetry, attempt: run.attempt }, "Review failed");
    if (willRetry) throw error;
    await complete("failure", {
      title: "Review failed",
      summary: `The review of ${job.headSha.slice(0, 7)} could not finish.\n\n${describeError(error)}\n\nComment \`/architect\` or use “Re-run review” to try again.`,
    }).catch((completeError: unknown) =>
      log.error({ err: completeError }, "Could not complete the check run"),
    );
    throw error;
  } finally {
    // An early analysis the review did not use (it stopped first, or its scope was narrower) is dropped.
    paged?.cancel();
  }
}

/** Why the model's part of the review is missing, for the check run's title: a refusal is not an outage. */
function describeModelFailure(errors: readonly unknown[]): string {
  const messages = errors.map((error) => (error instanceof Error ? error.message : ""));
  if (messages.length > 0 && messages.every((m) => /stop reason: refusal/.test(m)))
    return "the model declined to review this change";
  if (errors.length > 0 && errors.every((error) => error instanceof ModelOutputError))
    return "the model's answers could not be used";
  return "the model was unavailable";
}

/** Tokens of repository context the second look gets per finding, at most (ranked pieces, whole). */
const verifierContextTokens = 2_000;

/** The repository context that bears on one finding, for the second look (the best-ranked pieces that fit). */
function buildVerifierContext(context: RepositoryContext | null): GetContextForLocation | undefined {
  if (!context) return undefined;
  return async (path, line) => {
    const pieces = [];
    let tokens = 0;
    for (const piece of context.getContextForLocation(path, line)) {
      tokens += piece.tokens;
      if (tokens > verifierContextTokens) break;
      pieces.push(piece);
    }
    return pieces.length > 0 ? renderContextSection(pieces) : undefined;
  };
}

/** The reviewed files' line indexes plus those of changed API descriptions the review does not read. */
function withContractIndexes(
  indexes: ReadonlyMap<string, FileLineIndex>,
  contracts: ContractReport,
): Map<string, FileLineIndex> {
  return new Map([...contracts.indexes, ...indexes]);
}

function supersededOutput(newHead: string): CheckOutput {
  return {
    title: "Superseded by a newer push",
    summary: `This commit is no longer the head of the pull request (now ${newHead.slice(0, 7)}); its review was not posted. The newer commit is reviewed instead.`,
  };
}

function buildReviewMarkerLine(job: ReviewJob, markerAuth: MarkerAuth): string {
  return `\n\n${buildReviewMarker({ sha: job.headSha, key: job.key }, markerAuth)}`;
}

let fallbackMarkerKey: MarkerKey | undefined;
function getFallbackMarkerKey(): MarkerKey {
  fallbackMarkerKey ??= createEphemeralMarkerKey();
  return fallbackMarkerKey;
}

interface History {
  alreadyPostedForKey: boolean;
  lastReviewedSha: string | undefined;
  stillOpen: number;
  resolved: number;
  /** Earlier line comments of this app, with what people said about them. */
  earlier: EarlierFindings;
}

async function loadHistory(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    pullNumber: number;
    job: ReviewJob;
    identity: { botLogin?: string | undefined; appId?: number | undefined };
    markerAuth: MarkerAuth;
    pullAuthor: string;
    log: Logger;
  },
): Promise<History> {
  const { botLogin, appId } = params.identity;
  const isOurs = (author: { authorLogin: string | undefined; authorIsBot: boolean }) =>
    botLogin ? author.authorLogin === botLogin : author.authorIsBot;
  const [reviews, comments] = await Promise.all([
    listReviews(octokit, params),
    listReviewComments(octokit, params),
  ]);
  const markers = reviews.filter(isOurs).flatMap((r) => parseReviewMarker(r.body, params.markerAuth) ?? []);
  let stillOpen = 0;
  let resolved = 0;
  for (const comment of comments) {
    if (!isOurs(comment)) continue;
    const marker = parseFindingMarker(comment.body, params.markerAuth);
    if (!marker) continue;
    if (comment.line === null) resolved += 1;
    else stillOpen += 1;
  }
  let lastReviewedSha = [...markers].reverse().find((m) => m.sha !== params.job.headSha)?.sha;
  if (params.job.previousSha && params.job.scope !== "full") {
    const runs = await listCheckRunsForRef(octokit, {
      owner: params.owner,
      repo: params.repo,
      ref: params.job.previousSha,
      appId,
    });
    const reviewed = runs.some(
      (run) =>
        run.status === "completed" &&
        parseReviewMarker(run.summary, params.markerAuth)?.sha === params.job.previousSha,
    );
    if (reviewed) lastReviewedSha = params.job.previousSha;
  }
  return {
    alreadyPostedForKey: markers.some((m) => m.key === params.job.key && m.sha === params.job.headSha),
    lastReviewedSha: params.job.scope === "full" ? undefined : lastReviewedSha,
    stillOpen,
    resolved,
    earlier: await loadEarlierFindings(octokit, { ...params, comments, isOurs }),
  };
}

async function selectScope(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    job: ReviewJob;
    prepared: Map<string, FileLineIndex>;
    changedFiles: { filename: string; patch?: string; status: string }[];
    lastReviewedSha: string | undefined;
  },
): Promise<{ mode: "full" | "incremental"; reason: string; indexes: Map<string, FileLineIndex> }> {
  if (params.job.scope === "full") {
    return { mode: "full", reason: "a full review was requested", indexes: params.prepared };
  }
  if (!params.lastReviewedSha) {
    return { mode: "full", reason: "first review of this pull request", indexes: params.prepared };
  }
  const compare = await compareCommits(octokit, {
    owner: params.owner,
    repo: params.repo,
    base: params.lastReviewedSha,
    head: params.job.headSha,
  });
  const selection = selectIncremental({
    currentFiles: params.changedFiles.filter((f) => params.prepared.has(f.filename)),
    compare,
  });
  if (selection.mode === "full") return { mode: "full", reason: selection.reason, indexes: params.prepared };
  const indexes = new Map<string, FileLineIndex>();
  for (const file of selection.files) {
    if (file.hunks.length > 0) indexes.set(file.filename, buildLineIndex(file.filename, file.hunks));
  }
  return {
    mode: "incremental",
    reason: `only what changed since the last reviewed commit ${params.lastReviewedSha.slice(0, 7)}`,
    indexes,
  };
}

async function postReview(
  octokit: GitHubClient,
  params: {
    owner: string;
    repo: string;
    pullNumber: number;
    commitId: string;
    event: "COMMENT" | "REQUEST_CHANGES";
    /** The review body, then follow-up comments (`buildReviewBodyPages`): each within GitHub's limit. */
    pages: string[];
    placed: ReturnType<typeof placeFindings>;
    log: Logger;
    markerAuth: MarkerAuth;
  },
): Promise<void> {
  const [body = "", ...followUps] = params.pages;
  const comments = params.placed.inline.map((placement) =>
    toReviewComment(
      placement,
      renderCommentBody(placement.finding, {
        suggestionApplies: placement.suggestionApplies,
        marker: buildFindingMarker((placement.finding as ReconciledFinding).identity.keys, params.markerAuth),
      }),
    ),
  );
  try {
    await createReview(octokit, { ...params, body, comments });
  } catch (error) {
    // Every anchor was validated; should GitHub still refuse one, post the findings as comments rather than lose them.
    if ((error as { status?: number }).status !== 422 || comments.length === 0) throw error;
    params.log.warn(
      { err: error },
      "GitHub refused the inline comments; posting every finding in the review body and follow-up comments",
    );
    await createReview(octokit, { ...params, body, comments: [] });
    followUps.push(
      ...buildPages({
        head: "### Backend Architect — findings GitHub did not accept as line comments",
        items: params.placed.inline.map(
          (p) =>
            `- ${encodeCodeSpan(`${p.finding.path}:${p.line}`)} — **${renderTitle(p.finding.title)}**\n  ${renderFindingBody(p.finding).split("\n").join("\n  ")}`,
        ),
        tail: "",
        maxChars: githubLimits.maxCommentChars - 64,
        movedNote: (count) => `- … and ${count} more in the next comment.`,
        continuedHeading: (page, pages) =>
          `### Backend Architect — findings GitHub did not accept as line comments (continued, ${page}/${pages})`,
      }),
    );
  }
  // Pages that did not fit the review body: one issue comment each, in order.
  for (const page of followUps) {
    await createIssueComment(octokit, {
      owner: params.owner,
      repo: params.repo,
      issueNumber: params.pullNumber,
      body: page,
    });
  }
}

export type { RepoConfig };
