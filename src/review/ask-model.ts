import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { estimateTokens, type TokenCalibrator } from "../budget/estimate-tokens.js";
import { type PackFile, packChunksInSlices, type SkippedFile } from "../budget/pack-chunks.js";
import type { ContextPiece } from "../context/context-piece.js";
import { renderContextSection, selectContextForPrompt } from "../context/render-context.js";
import type { FileLineIndex } from "../diff/line-index.js";
import type { Hunk } from "../diff/parse-patch.js";
import type { Category, Finding } from "../findings/finding.js";
import { buildPrompt, type PromptParams } from "../model/build-prompt.js";
import type { ExplorationStats, ExplorationTools } from "../model/exploration.js";
import type { ModelUsage, ReviewModel } from "../model/review-model.js";
import type { RejectedFinding } from "../model/review-output-schema.js";
import { sanitizeCodeLine } from "../security/sanitize-code-line.js";

export interface ModelReview {
  summaries: string[];
  /** The model's sentences on the change's architecture impact, one per call that gave them. */
  impactSummaries?: string[];
  findings: Finding[];
  rejected: RejectedFinding[];
  usage: ModelUsage;
  calls: number;
  failedCalls: number;
  /** Why a part of the review could not be done by the model, per failed call. */
  errors: Error[];
  /** Files and hunks the model did not see (budget). */
  skipped: SkippedFile[];
  /** Paths the model was shown. */
  reviewedPaths: string[];
  /** Repository context sent (each piece once, however many prompts carried it) and its estimated tokens over all prompts. */
  context: { tokens: number; sent: ContextPiece[]; leftOut: ContextPiece[] };
  /** Agentic mode: what the exploration did, summed over calls. */
  exploration?: ExplorationStats;
}

export interface AskModelParams {
  model: ReviewModel;
  modelId: string;
  repository: string;
  pull: { title: string; body: string };
  /** What to show the model: already redacted of secrets. */
  files: { path: string; hunks: Hunk[] }[];
  indexes: ReadonlyMap<string, FileLineIndex>;
  hints: Finding[];
  focus: Category[];
  repoInstructions?: string | undefined;
  getPathInstructions: (path: string) => string[];
  budgetTokens: number;
  maxCalls: number;
  signal?: AbortSignal;
  /** Learns from the API's `usage` how far the local token estimate is off (process-wide). */
  calibrator?: TokenCalibrator;
  /** Repository context (ranked pieces) and the largest share of each prompt it may take (0 < maxShare < 1). */
  context?: { pieces: readonly ContextPiece[]; maxShare: number };
  /** Agentic mode: read-only repository tools offered with every call, bounded per review. */
  exploration?: ExplorationTools;
}

/** Trojan-source characters are shown, not hidden, to the model. */
function toModelHunks(hunks: Hunk[]): Hunk[] {
  return hunks.map((hunk) => ({
    ...hunk,
    lines: hunk.lines.map((line) => ({ ...line, text: sanitizeCodeLine(line.text) })),
  }));
}

/**
 * Step 6: packs the files into chunks that fit the token budget (riskiest first, never cutting a hunk),
 * asks the model about each chunk (the process-wide cap on model calls bounds concurrency), and merges
 * the answers. A failed call costs its chunk, not the review.
 */
export async function askModel(params: AskModelParams): Promise<ModelReview> {
  // The budget is in real tokens; the estimate is scaled by what earlier calls' usage taught.
  const factor = params.calibrator?.getFactor() ?? 1;
  // Sanitising and packing thousands of files is main-thread work: done in slices, between which the event
  // loop answers webhooks.
  const files: PackFile[] = [];
  for (const [i, file] of params.files.entries()) {
    files.push({ path: file.path, hunks: toModelHunks(file.hunks) });
    if ((i + 1) % 200 === 0) await yieldToEventLoop();
  }
  const packed = await packChunksInSlices({
    files,
    budgetTokens: params.budgetTokens,
    maxCalls: params.maxCalls,
    estimate: (text) => Math.ceil(estimateTokens(text) * factor),
  });
  const review: ModelReview = {
    summaries: [],
    impactSummaries: [],
    findings: [],
    rejected: [],
    usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    calls: 0,
    failedCalls: 0,
    errors: [],
    skipped: packed.skipped,
    reviewedPaths: [...new Set(packed.chunks.flatMap((chunk) => chunk.files.map((file) => file.path)))],
    context: { tokens: 0, sent: [], leftOut: [] },
  };
  const sent = new Set<ContextPiece>();
  const leftOut = new Set<ContextPiece>();
  const estimates: number[] = [];
  const results = await Promise.allSettled(
    packed.chunks.map((chunk, index) => {
      const paths = new Set(chunk.files.map((file) => file.path));
      const promptParams: PromptParams = {
        repository: params.repository,
        pull: params.pull,
        files: chunk.files,
        hints: params.hints.filter((hint) => paths.has(hint.path)),
        focus: params.focus,
        repoInstructions: params.repoInstructions,
        pathInstructions: [...paths].map((path) => ({
          path,
          instructions: params.getPathInstructions(path),
        })),
        part: { index, count: packed.chunks.length },
      };
      let prompt = buildPrompt(promptParams);
      if (params.context && params.context.pieces.length > 0) {
        // Context is capped per prompt at maxShare of the whole: a one-line change does not get 15k tokens of it.
        const share = Math.min(Math.max(params.context.maxShare, 0), 0.9);
        const baseTokens =
          estimateTokens(prompt.user) + prompt.system.reduce((n, block) => n + estimateTokens(block.text), 0);
        const cap = Math.floor((baseTokens * share) / (1 - share));
        const selection = selectContextForPrompt(params.context.pieces, paths, cap);
        for (const piece of selection.leftOut) leftOut.add(piece);
        // The section's framing costs tokens too: drop the lowest-ranked pieces until the whole fits.
        let section = renderContextSection(selection.pieces);
        while (selection.pieces.length > 0 && estimateTokens(section) > cap) {
          leftOut.add(selection.pieces.pop()!);
          section = renderContextSection(selection.pieces);
        }
        if (selection.pieces.length > 0) {
          prompt = buildPrompt({ ...promptParams, context: section });
          for (const piece of selection.pieces) sent.add(piece);
          review.context.tokens += Math.ceil(estimateTokens(section) * factor);
        }
      }
      estimates[index] =
        estimateTokens(prompt.user) + prompt.system.reduce((n, block) => n + estimateTokens(block.text), 0);
      return params.model.review(prompt, {
        model: params.modelId,
        ...(params.signal ? { signal: params.signal } : {}),
        ...(params.exploration ? { exploration: params.exploration } : {}),
      });
    }),
  );
  review.context.sent = [...sent];
  review.context.leftOut = [...leftOut].filter((piece) => !sent.has(piece));
  if (params.exploration) review.exploration = params.exploration.getStats();
  results.forEach((result, index) => {
    review.calls += 1;
    if (result.status === "fulfilled") {
      const { output, usage } = result.value;
      addUsage(review.usage, usage);
      params.calibrator?.record(estimates[index] ?? 0, usage.input + usage.cacheRead + usage.cacheWrite);
      if (output.summary.trim()) review.summaries.push(output.summary.trim());
      if (output.impactSummary) review.impactSummaries?.push(output.impactSummary);
      review.findings.push(...output.findings);
      review.rejected.push(...output.rejected);
    } else {
      review.failedCalls += 1;
      const error = result.reason instanceof Error ? result.reason : new Error(String(result.reason));
      const usage = (error as Error & { usage?: ModelUsage }).usage;
      if (usage) addUsage(review.usage, usage);
      review.errors.push(error);
    }
  });
  return review;
}

function addUsage(total: ModelUsage, usage: ModelUsage): void {
  total.input += usage.input;
  total.output += usage.output;
  total.cacheRead += usage.cacheRead;
  total.cacheWrite += usage.cacheWrite;
}
