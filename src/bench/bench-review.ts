/**
 * Benchmark of the review pipeline (`runReview`) on synthetic pull requests of 10, 100, 1,000 and 3,000
 * changed files, with GitHub and the model stubbed at zero latency. Prints figures; asserts nothing.
 *
 *   npm run build && npm run bench:review
 *   BENCH_SIZES=10,100 npm run bench:review            # other sizes
 *   BENCH_CPU_PROF_DIR=/tmp/prof npm run bench:review  # a V8 CPU profile per size (open in Chrome DevTools)
 *   BENCH_WARMUP_FILES=3000 BENCH_SIZES=3000 npm run bench:review   # warmed up with three 3,000-file PRs
 *
 * Each size runs in a fresh child process (so peak RSS is that size's alone): three warm-up reviews of
 * small, different pull requests (JIT, lazy module setup; 200 files each, or BENCH_WARMUP_FILES), then the
 * measured first review, then a one-line follow-up push reviewed incrementally. The last line of output is one JSON array of
 * `{ files, pipeline_ms, rss_mb, github_requests, model_calls, prompt_ratio, followup_ratio }`.
 *
 * Definitions:
 * - pipeline_ms: wall time of `runReview` minus the time spent inside the stub model.
 * - rss_mb: the child's peak resident set size (`process.resourceUsage().maxRSS`), warm-ups included.
 * - github_requests: requests to the fake GitHub during the first review (a page of a list = one request).
 * - prompt_ratio: (prompt tokens sent − system-prompt tokens × model calls) ÷ tokens of the added and
 *   deleted lines of the files the model was shown (all tokens by `estimateTokens`; a file's changed
 *   lines are measured as one text joined by newlines). 1.0 would mean the diff's changed lines and
 *   nothing else; the rest is line numbers, context lines, file headers, fences, the PR text and hints.
 * - followup_ratio: prompt tokens (system + user) of the follow-up review ÷ those of the first review.
 * Extra columns: cpu_ms (process CPU during runReview, steadier than wall time on a busy machine),
 * deferred_ms (event-loop work the review left queued: secretlint's PerformanceObserver, see the
 * benchmark's report), perf_marks (marks left in Node's performance timeline), analysed_ms (from the start
 * of runReview until the last analysis call it made to the pool settled: listing, parsing and analysing the
 * files), tail_ms (pipeline_ms − analysed_ms: what runs after the analysis on the main thread alone —
 * packing, prompts, findings, report, posting), and the follow-up's own time, requests, calls, files and
 * tokens (fu_*).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { createPoolAnalyzer } from "../analysis/create-pool-analyzer.js";
import type { FileAnalyzer } from "../analysis/file-analyzer.js";
import { estimateTokens } from "../budget/estimate-tokens.js";
import type { Finding } from "../findings/finding.js";
import type { ModelAnswer, ReviewModel, ReviewPrompt } from "../model/review-model.js";
import type { ReviewJob } from "../queue/review-job.js";
import { type ReviewOutcome, runReview } from "../review/run-review.js";
import { createFakeGitHubClient, type FakeGitHub, type FakeGitHubFile } from "./fake-github-client.js";
import { buildFollowUp, buildSyntheticPull, getChangedText, type SyntheticFile } from "./synthetic-pull.js";

const defaultSizes = [10, 100, 1_000, 3_000];
const seed = 42;
const settings = { defaultModel: "claude-sonnet-5-5", tokenBudget: 60_000, maxModelCalls: 8, maxAttempts: 3 };
/**
 * Above this many files the deferred event-loop work is not waited for (it grows with the square of the
 * files scanned so far: ~8 minutes at 3,000 files on a 2-core machine); the child exits without running it.
 */
const deferredMaxFiles = Number(process.env.BENCH_DEFERRED_MAX_FILES ?? 1_000);
/**
 * Files of each of the three warm-up pull requests. 200 by default; as large as the measured size, the
 * analysis threads have compiled (JIT) everything such a review runs: the steady state of a busy server.
 */
const warmUpFiles = Number(process.env.BENCH_WARMUP_FILES ?? 200);
const repo = { owner: "acme", repo: "shop-api", installationId: 31337 };

interface SizeResult {
  files: number;
  pipeline_ms: number;
  rss_mb: number;
  github_requests: number;
  model_calls: number;
  prompt_ratio: number;
  followup_ratio: number;
  // Extra figures for the table.
  outcome: ReviewOutcome;
  /** CPU time (user + system) of this process during runReview: less sensitive to a busy machine. */
  pipeline_cpu_ms: number;
  /**
   * Event-loop work the review left queued behind it (measured as the wait for the next setImmediate after
   * runReview resolved); null when not measured (see BENCH_DEFERRED_MAX_FILES).
   */
  deferred_ms: number | null;
  /** `performance` marks left in Node's global timeline after the review (nothing clears them). */
  perf_marks: number;
  /** From runReview's start until its last analysis call settled; null with the inline analyzer. */
  analysed_ms: number | null;
  shown_files: number;
  prompt_tokens: number;
  prefix_tokens: number;
  changed_tokens_shown: number;
  followup_outcome: ReviewOutcome;
  followup_ms: number;
  followup_requests: number;
  followup_calls: number;
  followup_prompt_tokens: number;
  followup_shown_files: number;
}

interface RecordedCall {
  systemTokens: number;
  userTokens: number;
  paths: string[];
}

interface StubModel extends ReviewModel {
  calls: RecordedCall[];
  /** Time spent inside `review`, ms. */
  timeMs: number;
  reset(): void;
}

const filePattern = /^<file path=(".*")>$/;
const addedLinePattern = /^\s*(\d+) \+ \|(.*)$/;
const suspiciousPattern = /SELECT .*["']\s*(\+|%)|DROP COLUMN|NOT NULL;$/;

/**
 * The model, answering at once: two findings on added lines it was shown (a suspicious one when there is
 * one), and `usage.input` = the estimated tokens of the whole prompt.
 */
function createStubModel(): StubModel {
  const stub: StubModel = {
    model: settings.defaultModel,
    calls: [],
    timeMs: 0,
    reset() {
      stub.calls = [];
      stub.timeMs = 0;
    },
    async review(prompt: ReviewPrompt, options = {}): Promise<ModelAnswer> {
      const started = performance.now();
      const systemTokens = prompt.system.reduce((sum, block) => sum + estimateTokens(block.text), 0);
      const userTokens = estimateTokens(prompt.user);
      const paths: string[] = [];
      const candidates: { path: string; line: number; text: string; suspicious: boolean }[] = [];
      let path: string | undefined;
      for (const line of prompt.user.split("\n")) {
        const file = filePattern.exec(line);
        if (file) {
          path = JSON.parse(file[1]!) as string;
          paths.push(path);
          continue;
        }
        const added = path === undefined ? null : addedLinePattern.exec(line);
        if (added && path !== undefined && (candidates.length < 2 || suspiciousPattern.test(added[2]!))) {
          candidates.push({
            path,
            line: Number(added[1]),
            text: added[2]!,
            suspicious: suspiciousPattern.test(added[2]!),
          });
        }
      }
      const chosen = [
        ...candidates.filter((c) => c.suspicious).slice(0, 2),
        ...candidates.filter((c) => !c.suspicious),
      ].slice(0, 2);
      const findings: Finding[] = chosen.map((c) => ({
        path: c.path,
        line: c.line,
        severity: c.suspicious ? "high" : "medium",
        category: c.suspicious ? "security" : "reliability",
        confidence: c.suspicious ? 0.9 : 0.7,
        title: c.suspicious ? "SQL built from request input" : "Missing timeout on a downstream call",
        body: c.suspicious
          ? "The query concatenates request input into SQL: use a parameterised query."
          : "This call has no deadline: pass a context or timeout so a slow dependency cannot hold the request.",
        evidence: c.text,
        source: "model",
      }));
      stub.calls.push({ systemTokens, userTokens, paths });
      stub.timeMs += performance.now() - started;
      return {
        output: { summary: `Reviewed ${paths.length} files.`, findings, rejected: [] },
        usage: { input: systemTokens + userTokens, output: 300, cacheRead: 0, cacheWrite: 0 },
        model: options.model ?? settings.defaultModel,
      };
    },
  };
  return stub;
}

function toSha(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

function buildJob(params: { pullNumber: number; headSha: string; previousSha?: string }): ReviewJob {
  return {
    installationId: repo.installationId,
    owner: repo.owner,
    repo: repo.repo,
    pullNumber: params.pullNumber,
    headSha: params.headSha,
    trigger: "push",
    deliveryId: `bench-${params.headSha.slice(0, 8)}`,
    key: `auto:${params.headSha}`,
    scope: "auto",
    focus: [],
    ...(params.previousSha ? { previousSha: params.previousSha } : {}),
  };
}

function createPullFake(files: FakeGitHubFile[], pullNumber: number, headSha: string): FakeGitHub {
  return createFakeGitHubClient({
    ...repo,
    number: pullNumber,
    title: `Add ${files.length} endpoints and migrations for the shop API`,
    body: "Adds the search, create and list endpoints for the new resources, with their migrations.\n\nTested locally against a staging database.",
    headSha,
    files,
    latencyMs: githubLatencyMs,
  });
}

// BENCH_GITHUB_LATENCY_MS: GitHub's round trip for every request (0: the pipeline's own time alone).
const githubLatencyMs = Number(process.env.BENCH_GITHUB_LATENCY_MS ?? 0);

async function timeReview(
  job: ReviewJob,
  fake: FakeGitHub,
  model: StubModel,
  log: pino.Logger,
  analyzer: FileAnalyzer | undefined,
): Promise<{ outcome: ReviewOutcome; pipelineMs: number; cpuMs: number; analysedMs: number | null }> {
  fake.resetRequests();
  model.reset();
  const settled: { last: number | null } = { last: null };
  const tracked = analyzer
    ? trackAnalyzer(analyzer, () => {
        settled.last = performance.now();
      })
    : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await runReview(
    { job, attempt: 1, isSuperseded: async () => false },
    { octokit: fake.client, model, settings, log, ...(tracked ? { analyzer: tracked } : {}) },
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    outcome,
    pipelineMs: wallMs - model.timeMs,
    cpuMs: (used.user + used.system) / 1000 - model.timeMs,
    analysedMs: settled.last === null ? null : settled.last - started,
  };
}

/** `analyzer`, calling `onSettled` whenever one of its analyses settles. */
function trackAnalyzer(analyzer: FileAnalyzer, onSettled: () => void): FileAnalyzer {
  const track = <T>(run: Promise<T>): Promise<T> => {
    run.then(onSettled, onSettled);
    return run;
  };
  return {
    analyse: (files) => track(analyzer.analyse(files)),
    analysePatches: (sources, signal) => track(analyzer.analysePatches(sources, signal)),
    analyseReview: (sources, signal) => track(analyzer.analyseReview(sources, signal)),
    findDeclarations: (files) => track(analyzer.findDeclarations(files)),
    extractImpact: (files) => track(analyzer.extractImpact(files)),
    close: () => analyzer.close(),
  };
}

/** Lets the event loop run what is queued (immediates and what they queue); returns how long that took. */
async function flushEventLoop(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  return performance.now() - started;
}

function sumPromptTokens(calls: readonly RecordedCall[]): number {
  return calls.reduce((sum, c) => sum + c.systemTokens + c.userTokens, 0);
}

async function measureSize(size: number): Promise<SizeResult> {
  const log = pino({ level: "warn" }, pino.destination(2));
  const model = createStubModel();
  // BENCH_ANALYZER=inline runs the secret scan and the detectors on the main thread, as before the pool.
  const analyzer = process.env.BENCH_ANALYZER === "inline" ? undefined : createPoolAnalyzer();

  // Warm-up: three different pull requests of `warmUpFiles` files, so that the measured run does not pay for
  // JIT (V8 optimises a function after many calls, in every worker thread of the pool too) and lazy setup — the
  // state of a server that has reviewed a few pull requests.
  for (let round = 1; round <= 3; round++) {
    const files = buildSyntheticPull({ count: warmUpFiles, seed: seed + round });
    const headSha = toSha(`warm-up-${round}`);
    await timeReview(
      buildJob({ pullNumber: round, headSha }),
      createPullFake(files, round, headSha),
      model,
      log,
      analyzer,
    );
    await flushEventLoop();
  }

  const { files, changedTokens, followUp } = prepareFixtures(size);
  const pullNumber = 100 + size;
  const headSha = toSha(`bench-${size}-head-1`);
  const fake = createPullFake(files, pullNumber, headSha);
  const first = await timeReview(buildJob({ pullNumber, headSha }), fake, model, log, analyzer);
  const firstCalls = model.calls;
  const githubRequests = fake.countRequests();
  const perfMarks = performance.getEntriesByType("mark").length;
  const deferredMs = size <= deferredMaxFiles ? await flushEventLoop() : null;

  const shown = new Set(firstCalls.flatMap((c) => c.paths));
  const changedTokensShown = [...shown].reduce((sum, path) => sum + (changedTokens.get(path) ?? 0), 0);
  const promptTokens = sumPromptTokens(firstCalls);
  const prefixTokens = firstCalls[0]?.systemTokens ?? 0;
  const promptRatio =
    changedTokensShown === 0 ? 0 : (promptTokens - prefixTokens * firstCalls.length) / changedTokensShown;

  // Follow-up: one line of the first file edited; the first review's check run carries the review marker.
  const nextSha = toSha(`bench-${size}-head-2`);
  fake.push({
    headSha: nextSha,
    files: followUp.files,
    compare: { base: headSha, head: nextSha, status: "ahead", files: [followUp.compareFile] },
  });
  const second = await timeReview(
    buildJob({ pullNumber, headSha: nextSha, previousSha: headSha }),
    fake,
    model,
    log,
    analyzer,
  );
  const followUpTokens = sumPromptTokens(model.calls);
  await analyzer?.close();

  return {
    files: size,
    pipeline_ms: round(first.pipelineMs, 1),
    rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
    github_requests: githubRequests,
    model_calls: firstCalls.length,
    prompt_ratio: round(promptRatio, 3),
    followup_ratio: round(promptTokens === 0 ? 0 : followUpTokens / promptTokens, 4),
    outcome: first.outcome,
    pipeline_cpu_ms: round(first.cpuMs, 1),
    deferred_ms: deferredMs === null ? null : round(deferredMs, 1),
    perf_marks: perfMarks,
    analysed_ms: first.analysedMs === null ? null : round(first.analysedMs, 1),
    shown_files: shown.size,
    prompt_tokens: promptTokens,
    prefix_tokens: prefixTokens,
    changed_tokens_shown: changedTokensShown,
    followup_outcome: second.outcome,
    followup_ms: round(second.pipelineMs, 1),
    followup_requests: fake.countRequests(),
    followup_calls: model.calls.length,
    followup_prompt_tokens: followUpTokens,
    followup_shown_files: new Set(model.calls.flatMap((c) => c.paths)).size,
  };
}

/**
 * The pull request of `size` files as GitHub lists them, with what the measurement needs of the generator's
 * output taken first (changed tokens per file, the follow-up push): the generator's per-line objects (25 MB
 * at 3,000 files) belong to the harness, so they are not kept alive during the measured reviews.
 */
function prepareFixtures(size: number): {
  files: FakeGitHubFile[];
  changedTokens: Map<string, number>;
  followUp: { files: FakeGitHubFile[]; compareFile: FakeGitHubFile };
} {
  const generated = buildSyntheticPull({ count: size, seed });
  const next = buildFollowUp(generated);
  const asListed = ({ hunks: _, ...file }: SyntheticFile): FakeGitHubFile => file;
  return {
    files: generated.map(asListed),
    changedTokens: new Map(generated.map((f) => [f.filename, estimateTokens(getChangedText(f))])),
    followUp: { files: next.files.map(asListed), compareFile: next.compareFile },
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const resultPrefix = "BENCH_RESULT ";

/** Runs one size in a fresh Node process and reads its result line. */
function runChild(size: number): Promise<SizeResult> {
  const script = fileURLToPath(import.meta.url);
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const nodeArgs = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=review-${size}.cpuprofile`]
    : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, "--size", String(size)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(resultPrefix));
      if (code !== 0 || !line) {
        reject(new Error(`The benchmark of ${size} files exited with ${code}:\n${stdout}`));
        return;
      }
      resolve(JSON.parse(line.slice(resultPrefix.length)) as SizeResult);
    });
  });
}

function printTable(results: readonly SizeResult[]): void {
  const columns: [string, (r: SizeResult) => string | number][] = [
    ["files", (r) => r.files],
    ["pipeline_ms", (r) => r.pipeline_ms],
    ["cpu_ms", (r) => r.pipeline_cpu_ms],
    ["deferred_ms", (r) => r.deferred_ms ?? "n/m"],
    ["perf_marks", (r) => r.perf_marks],
    ["analysed_ms", (r) => r.analysed_ms ?? "n/m"],
    ["tail_ms", (r) => (r.analysed_ms === null ? "n/m" : round(r.pipeline_ms - r.analysed_ms, 1))],
    ["rss_mb", (r) => r.rss_mb],
    ["gh_requests", (r) => r.github_requests],
    ["model_calls", (r) => r.model_calls],
    ["shown_files", (r) => r.shown_files],
    ["prompt_tokens", (r) => r.prompt_tokens],
    ["prefix_tokens", (r) => r.prefix_tokens],
    ["changed_tokens", (r) => r.changed_tokens_shown],
    ["prompt_ratio", (r) => r.prompt_ratio],
    ["outcome", (r) => r.outcome],
    ["fu_ms", (r) => r.followup_ms],
    ["fu_requests", (r) => r.followup_requests],
    ["fu_calls", (r) => r.followup_calls],
    ["fu_files", (r) => r.followup_shown_files],
    ["fu_tokens", (r) => r.followup_prompt_tokens],
    ["followup_ratio", (r) => r.followup_ratio],
    ["fu_outcome", (r) => r.followup_outcome],
  ];
  const rows = [
    columns.map(([name]) => name),
    ...results.map((r) => columns.map(([, get]) => String(get(r)))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
}

async function main(argv: string[]): Promise<void> {
  const sizeFlag = argv.indexOf("--size");
  if (sizeFlag !== -1) {
    const result = await measureSize(Number(argv[sizeFlag + 1]));
    // Exit at once: the deferred work of a large review (see deferred_ms) would otherwise run for minutes.
    process.stdout.write(`${resultPrefix}${JSON.stringify(result)}\n`, () => process.exit(0));
    return;
  }
  const sizes = process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(",").map((s) => Number(s.trim()))
    : defaultSizes;
  console.log(
    `Review pipeline benchmark: GitHub and model stubbed at zero latency${githubLatencyMs > 0 ? ` (GitHub: ${githubLatencyMs} ms a request)` : ""}; budget ${settings.tokenBudget} tokens × ${settings.maxModelCalls} calls; seed ${seed}; Node ${process.version}`,
  );
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await runChild(size));
  console.log("");
  printTable(results);
  console.log("");
  console.log(
    "deferred_ms: event-loop work left queued after runReview resolved (n/m: not measured above BENCH_DEFERRED_MAX_FILES files)",
  );
  console.log(
    "Targets: pipeline_ms ≤ 600 at 1,000 files and ≤ 1500 at 3,000; rss_mb ≤ 400; prompt_ratio ≤ 1.5; followup_ratio ≤ 0.10",
  );
  console.log(
    JSON.stringify(
      results.map((r) => ({
        files: r.files,
        pipeline_ms: r.pipeline_ms,
        rss_mb: r.rss_mb,
        github_requests: r.github_requests,
        model_calls: r.model_calls,
        prompt_ratio: r.prompt_ratio,
        followup_ratio: r.followup_ratio,
      })),
    ),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
