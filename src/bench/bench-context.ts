/**
 * Benchmark of repository context (issue 10): the review pipeline with context off and on, on the
 * synthetic pull requests of bench-review and on a realistic repository (src/bench/realistic-repo.ts:
 * ~365 files whose routes, services and repositories import each other; the pull request changes 100 of
 * them). GitHub and the model are stubbed at zero latency. Prints figures; asserts nothing.
 *
 *   npm run build && node lib/bench/bench-context.js      # also run first by `npm run bench:review`
 *
 * Each scenario × mode runs in a fresh child process (peak RSS is its own). Columns:
 * - pipeline_ms: wall time of runReview minus time inside the stub model (context on: a cold cache).
 * - warm_ms: the same review again with the blob cache warm (a re-review, or another PR of the repository).
 * - assembly_ms: context assembly alone (tree listing, reads, ranking) with a warm cache, median of 5.
 * - gh_requests / gh_context: GitHub requests of the first review, all / Git Data API (tree + blobs);
 *   warm_gh_context: Git Data requests of the warm review.
 * - prompt_tokens, context_tokens: estimated tokens of every prompt sent / of their repository-context
 *   sections; context_share = context_tokens ÷ prompt_tokens, max_share = the largest share in one prompt.
 * The last line is one JSON array of the rows.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { estimateTokens } from "../budget/estimate-tokens.js";
import { assembleContext } from "../context/assemble-context.js";
import { createMemoryBlobCache } from "../context/blob-cache.js";
import { loadRepoSnapshot } from "../context/repo-snapshot.js";
import { buildNewSideText } from "../diff/build-new-side-text.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { ModelAnswer, ReviewModel, ReviewPrompt } from "../model/review-model.js";
import type { ReviewJob } from "../queue/review-job.js";
import type { ContextDeps } from "../review/gather-context.js";
import { runReview } from "../review/run-review.js";
import { createFakeGitHubClient, type FakeGitHubFile } from "./fake-github-client.js";
import { buildRealisticRepo, describeTree } from "./realistic-repo.js";
import { buildSyntheticPull } from "./synthetic-pull.js";

const settings = { defaultModel: "claude-sonnet-5-5", tokenBudget: 60_000, maxModelCalls: 8, maxAttempts: 1 };
const repo = { owner: "acme", repo: "shop-api", installationId: 31337 };
const scenarios = ["synthetic-10", "synthetic-100", "realistic-100"] as const;
type Scenario = (typeof scenarios)[number];
const contextSectionPattern =
  /Repository context \([^)]*\)[\s\S]*?<\/untrusted_repository_context id="[0-9a-f]{24}">/;

interface Row {
  scenario: Scenario;
  context: "off" | "on";
  repo_files: number;
  pr_files: number;
  pipeline_ms: number;
  warm_ms: number | null;
  assembly_ms: number | null;
  rss_mb: number;
  gh_requests: number;
  gh_context: number;
  warm_gh_context: number | null;
  model_calls: number;
  prompt_tokens: number;
  context_tokens: number;
  context_share: number;
  max_share: number;
}

interface Stub extends ReviewModel {
  calls: { prompt: number; context: number }[];
  timeMs: number;
}

function createStub(): Stub {
  const stub: Stub = {
    model: settings.defaultModel,
    calls: [],
    timeMs: 0,
    async review(prompt: ReviewPrompt): Promise<ModelAnswer> {
      const started = performance.now();
      const system = prompt.system.reduce((n, b) => n + estimateTokens(b.text), 0);
      const total = system + estimateTokens(prompt.user);
      const section = contextSectionPattern.exec(prompt.user)?.[0];
      stub.calls.push({ prompt: total, context: section ? estimateTokens(section) : 0 });
      stub.timeMs += performance.now() - started;
      return {
        output: { summary: "ok", findings: [], rejected: [] },
        usage: { input: total, output: 100, cacheRead: 0, cacheWrite: 0 },
        model: settings.defaultModel,
      };
    },
  };
  return stub;
}

function buildScenario(scenario: Scenario): { tree: Record<string, string>; files: FakeGitHubFile[] } {
  if (scenario === "realistic-100") return buildRealisticRepo({ changedFiles: 100 });
  const count = scenario === "synthetic-10" ? 10 : 100;
  const files = buildSyntheticPull({ count, seed: 42 });
  // The head of each synthetic file as far as its patch shows it (the rest blank), plus a manifest.
  const tree: Record<string, string> = { "package.json": '{ "dependencies": { "express": "4.21.2" } }' };
  for (const file of files) tree[file.filename] = buildNewSideText(parsePatch(file.patch));
  return { tree, files };
}

function job(headSha: string, pullNumber: number): ReviewJob {
  return {
    ...repo,
    pullNumber,
    headSha,
    trigger: "push",
    deliveryId: `bench-${headSha.slice(0, 8)}`,
    key: `auto:${headSha}`,
    scope: "full",
    focus: [],
  };
}

async function review(
  scenario: { tree: Record<string, string>; files: FakeGitHubFile[] },
  context: ContextDeps | undefined,
  headSha: string,
) {
  const fake = createFakeGitHubClient({
    ...repo,
    number: 7,
    title: "Cursor pagination and soft deletes",
    body: "Adds a cursor to the list endpoints and hides soft-deleted rows.",
    headSha,
    files: scenario.files,
    tree: scenario.tree,
  });
  const model = createStub();
  const log = pino({ level: "silent" });
  const started = performance.now();
  await runReview(
    { job: job(headSha, 7), attempt: 1, isSuperseded: async () => false },
    { octokit: fake.client, model, settings, log, ...(context ? { context } : {}) },
  );
  const ms = performance.now() - started - model.timeMs;
  const gitRequests = (fake.requests.get("git.getTree") ?? 0) + (fake.requests.get("git.getBlob") ?? 0);
  return { ms, fake, model, gitRequests };
}

async function measure(scenarioName: Scenario, mode: "off" | "on"): Promise<Row> {
  const scenario = buildScenario(scenarioName);
  // Warm-up on a different head (JIT, ast-grep languages), with its own cache.
  const warmupDeps = mode === "on" ? createDeps() : undefined;
  await review(scenario, warmupDeps, "f".repeat(40));
  const deps = mode === "on" ? createDeps() : undefined;
  const first = await review(scenario, deps, "a".repeat(40));
  let warmMs: number | null = null;
  let warmGit: number | null = null;
  let assemblyMs: number | null = null;
  if (deps) {
    const warm = await review(scenario, deps, "b".repeat(40));
    warmMs = warm.ms;
    warmGit = warm.gitRequests;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const fake = createFakeGitHubClient({
        ...repo,
        number: 7,
        title: "",
        body: "",
        headSha: "c".repeat(40),
        files: [],
        tree: scenario.tree,
      });
      const started = performance.now();
      const snapshot = await loadRepoSnapshot({
        octokit: fake.client,
        ...repo,
        headSha: "c".repeat(40),
        cache: deps.cache,
        maxRequests: deps.settings.maxGitHubRequests,
        maxFileBytes: 256 * 1024,
        neededPaths: scenario.files.map((f) => f.filename),
      });
      await assembleContext({
        snapshot,
        files: scenario.files.map((f) => ({ path: f.filename, hunks: parsePatch(f.patch) })),
        budgetTokens: deps.settings.tokenBudget,
      });
      times.push(performance.now() - started);
    }
    assemblyMs = times.sort((a, b) => a - b)[2]!;
  }
  const prompt = first.model.calls.reduce((n, c) => n + c.prompt, 0);
  const context = first.model.calls.reduce((n, c) => n + c.context, 0);
  return {
    scenario: scenarioName,
    context: mode,
    repo_files: describeTree(scenario.tree).files,
    pr_files: scenario.files.length,
    pipeline_ms: round(first.ms),
    warm_ms: warmMs === null ? null : round(warmMs),
    assembly_ms: assemblyMs === null ? null : round(assemblyMs),
    rss_mb: round(process.resourceUsage().maxRSS / 1024),
    gh_requests: first.fake.countRequests(),
    gh_context: first.gitRequests,
    warm_gh_context: warmGit,
    model_calls: first.model.calls.length,
    prompt_tokens: prompt,
    context_tokens: context,
    context_share: prompt === 0 ? 0 : round(context / prompt, 3),
    max_share: round(
      Math.max(0, ...first.model.calls.map((c) => (c.prompt === 0 ? 0 : c.context / c.prompt))),
      3,
    ),
  };
}

function createDeps(): ContextDeps {
  return {
    cache: createMemoryBlobCache(),
    settings: {
      enabled: true,
      tokenBudget: Math.floor(settings.tokenBudget / 4),
      maxGitHubRequests: 200,
      agentic: false,
      agentMaxTurns: 6,
      agentMaxTokens: 150_000,
    },
  };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

const resultPrefix = "BENCH_CONTEXT_RESULT ";

function runChild(scenario: Scenario, mode: "off" | "on"): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), "--scenario", scenario, "--context", mode],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = stdout.split("\n").find((l) => l.startsWith(resultPrefix));
      if (code !== 0 || !line)
        reject(new Error(`${scenario} (context ${mode}) exited with ${code}:\n${stdout}`));
      else resolve(JSON.parse(line.slice(resultPrefix.length)) as Row);
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const flag = argv.indexOf("--scenario");
  if (flag !== -1) {
    const row = await measure(
      argv[flag + 1] as Scenario,
      argv[argv.indexOf("--context") + 1] === "on" ? "on" : "off",
    );
    process.stdout.write(`${resultPrefix}${JSON.stringify(row)}\n`, () => process.exit(0));
    return;
  }
  console.log(
    `Repository context benchmark: GitHub and model stubbed at zero latency; context budget ${settings.tokenBudget / 4} tokens, at most 40% of a prompt, 200 GitHub requests; Node ${process.version}`,
  );
  const rows: Row[] = [];
  for (const scenario of scenarios)
    for (const mode of ["off", "on"] as const) rows.push(await runChild(scenario, mode));
  const keys = Object.keys(rows[0]!) as (keyof Row)[];
  const table = [keys, ...rows.map((r) => keys.map((k) => String(r[k] ?? "-")))];
  const widths = keys.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
  console.log("");
  for (const row of table) console.log(row.map((cell, i) => String(cell).padStart(widths[i]!)).join("  "));
  console.log("");
  console.log(
    "Targets: assembly_ms ≤ 300 for a 100-file PR with a warm cache; context_share ≤ 0.40 by default.",
  );
  console.log(JSON.stringify(rows));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
