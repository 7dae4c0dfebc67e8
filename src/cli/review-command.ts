import { realpathSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPoolAnalyzer } from "../analysis/create-pool-analyzer.js";
import { EnvConfigError, loadEnv } from "../config/env.js";
import { getModelProviderConfig } from "../model/model-provider-config.js";
import type { ReviewModel } from "../model/review-model.js";
import { useEnvProxy } from "../ops/use-env-proxy.js";
import { createConcurrencyLimiter } from "../queue/concurrency-limiter.js";
import { listUnknownRules } from "../review/apply-finding-policies.js";
import { buildJsonReport } from "./build-json-report.js";
import { buildLocalReport, type LocalReport } from "./build-local-report.js";
import { buildMarkdownReport } from "./build-markdown-report.js";
import { buildSarifLog } from "./build-sarif-log.js";
import { buildTextReport } from "./build-text-report.js";
import { CliError } from "./cli-error.js";
import { filterBaseline, loadBaseline } from "./load-baseline.js";
import { loadGitDiff } from "./load-git-diff.js";
import { loadLocalRepoConfig } from "./load-local-repo-config.js";
import { type OutputFormat, parseReviewArgs, type ReviewArgs, reviewUsage } from "./parse-review-args.js";
import { reviewLocalChange } from "./review-local-change.js";
import { splitGitDiff } from "./split-git-diff.js";

/** Where the command reads and writes: the process's own streams, or a test's. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: no finding reached --fail-on / one did / usage, configuration or input error. */
export const exitCodes = { ok: 0, findings: 1, error: 2, modelFailed: 3 } as const;

/** Changed files from which the secret scan and the detectors run in a pool of worker threads. */
const poolMinFiles = 200;

/** The app's defaults for a run without ANTHROPIC_* settings (never used to ask the model). */
const detectorOnlySettings = { tokenBudget: 60_000, maxModelCalls: 8 };

/**
 * `backend-architect review`: reviews a local change (git, or a diff file) with the app's pipeline and
 * prints the findings. Resolves to the exit code; never throws.
 *
 * @example
 * const code = await runReviewCommand(["--diff", "change.diff", "--no-model", "--format", "json"], {
 *   stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(),
 * }); // 1 when a finding is high or worse
 */
export async function runReviewCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    return await runReview(argv, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof EnvConfigError) {
      io.stderr.write(`backend-architect review: ${error.message}\n`);
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr.write(`backend-architect review failed unexpectedly: ${detail}\n`);
    }
    return exitCodes.error;
  }
}

async function runReview(argv: string[], io: CommandIo): Promise<number> {
  const args = parseReviewArgs(argv);
  if (args.help) {
    io.stdout.write(reviewUsage);
    return exitCodes.ok;
  }
  const progress = io.stderr.isTTY ? (message: string) => io.stderr.write(`› ${message}…\n`) : undefined;

  // The change: a diff file (or stdin), else git.
  const input = await loadInput(args, io, progress);
  const files = splitGitDiff(input.diff);
  if (files.length === 0 && input.diff.trim() !== "") {
    throw new CliError(
      `${input.source} does not look like a unified diff: no file header (\`diff --git\` or \`---\`/\`+++\`) was found.`,
    );
  }

  // The repository's configuration, from the working tree.
  const local = await loadLocalRepoConfig(input.root);
  for (const note of local.notes) io.stderr.write(`${note}\n`);
  const { config } = local;
  for (const id of listUnknownRules(config)) {
    io.stderr.write(
      `Warning: rules.${id} in .github/architect.yml names no detector, so it changes nothing.\n`,
    );
  }

  // The model, set up as the app sets it up.
  const setup = await createModel(args, io, config.model);
  // Worker threads pay for themselves on large diffs only (each loads the parsers and rules anew).
  const analyzer = files.length >= poolMinFiles ? createPoolAnalyzer() : undefined;
  const review = await reviewLocalChange({
    files,
    config,
    model: setup.model,
    modelId: setup.modelId,
    settings: setup.settings,
    repo: { owner: "local", repo: basename(input.root) || "repository" },
    title: `Local review of ${input.source}`,
    ...(progress ? { onProgress: progress } : {}),
    ...(analyzer ? { analyzer } : {}),
  }).finally(() => analyzer?.close());
  for (const error of review.model?.errors ?? []) io.stderr.write(`Warning: a model call failed: ${error}\n`);
  if (review.suppressed) {
    io.stderr.write(`${review.suppressed} finding(s) suppressed by architect-ignore comments.\n`);
  }
  if (args.baseline !== undefined) {
    const baseline = filterBaseline(review.findings, await loadBaseline(resolve(io.cwd, args.baseline)));
    review.findings = baseline.findings;
    io.stderr.write(
      `${baseline.inBaseline} finding(s) already in the baseline ${args.baseline}: not reported.\n`,
    );
  }

  const report = buildLocalReport({
    review,
    source: input.source,
    minConfidence: args.minConfidence ?? config.min_confidence,
    failOn: args.failOn ?? config.fail_on,
    modelSkippedReason:
      review.reviewedPaths.length === 0 ? "no server-side code to review" : setup.skippedReason,
  });
  io.stdout.write(formatReport(report, args.format));
  if (args.failOnModelError && args.useModel && review.reviewedPaths.length > 0) {
    const failedCalls = review.model?.errors.length ?? 0;
    const reason = setup.skippedReason ?? (failedCalls > 0 ? `${failedCalls} model call(s) failed` : null);
    if (reason !== null) {
      io.stderr.write(`backend-architect review: the model could not review the change (${reason}).\n`);
      return exitCodes.modelFailed;
    }
  }
  return report.failing > 0 ? exitCodes.findings : exitCodes.ok;
}

async function loadInput(
  args: ReviewArgs,
  io: CommandIo,
  progress: ((message: string) => void) | undefined,
): Promise<{ diff: string; source: string; root: string }> {
  if (args.diff === "-") return { diff: await readStream(io.stdin), source: "stdin", root: io.cwd };
  if (args.diff !== undefined) {
    const path = resolve(io.cwd, args.diff);
    try {
      return { diff: await readFile(path, "utf8"), source: args.diff, root: io.cwd };
    } catch (error) {
      throw new CliError(`Could not read the diff ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  progress?.(`Reading the change since ${args.base ?? "the default branch"}`);
  const git = await loadGitDiff({ cwd: io.cwd, base: args.base });
  const untracked =
    git.untrackedLeftOut > 0 ? `; ${git.untrackedLeftOut} untracked files beyond the first 500 left out` : "";
  return {
    diff: git.diff,
    source: `changes since ${git.baseRef} (merge base ${git.mergeBase.slice(0, 7)}${untracked})`,
    root: git.root,
  };
}

async function createModel(
  args: ReviewArgs,
  io: CommandIo,
  configModel: string | undefined,
): Promise<{
  model: ReviewModel | null;
  modelId: string;
  settings: { tokenBudget: number; maxModelCalls: number };
  skippedReason: string | null;
}> {
  if (!args.useModel) {
    return { model: null, modelId: "", settings: detectorOnlySettings, skippedReason: "--no-model" };
  }
  const env = loadEnv(io.env);
  const modelId = args.model ?? configModel ?? env.ANTHROPIC_MODEL;
  const settings = { tokenBudget: env.REVIEW_TOKEN_BUDGET, maxModelCalls: env.REVIEW_MAX_MODEL_CALLS };
  const provider = getModelProviderConfig(env);
  if ("missing" in provider) {
    io.stderr.write(`${provider.missing}: running the rule-based detectors alone.\n`);
    return { model: null, modelId, settings, skippedReason: provider.missing };
  }
  const modelCalls = createConcurrencyLimiter(env.MODEL_CONCURRENCY);
  // Loaded only when the model is asked: the SDK is the slowest module to load, and detectors-only runs
  // (and CI) should not pay for it.
  const { createReviewModel } = await import("../model/review-model.js");
  const model = createReviewModel({
    provider: provider.config,
    model: modelId,
    maxTokens: env.MODEL_MAX_TOKENS,
    timeoutMs: env.MODEL_TIMEOUT_MS,
    maxRetries: env.MODEL_MAX_RETRIES,
    limit: (fn) => modelCalls.run(fn),
  });
  return { model, modelId, settings, skippedReason: null };
}

function formatReport(report: LocalReport, format: OutputFormat): string {
  switch (format) {
    case "text":
      return buildTextReport(report);
    case "markdown":
      return buildMarkdownReport(report);
    case "json":
      return `${JSON.stringify(buildJsonReport(report), null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(buildSarifLog(report), null, 2)}\n`;
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Runs the command on this process's arguments and streams; sets the exit code. */
export async function runFromProcess(argv: string[]): Promise<void> {
  await useEnvProxy(process.env);
  // `… | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await runReviewCommand(argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) await runFromProcess(process.argv.slice(2));
