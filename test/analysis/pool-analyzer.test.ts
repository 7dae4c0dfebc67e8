import { afterAll, describe, expect, it } from "@jest/globals";
import { pino } from "pino";
import {
  applyPatchAnalysis,
  type DeclarationSource,
  type PatchSource,
} from "../../src/analysis/analyse-files.js";
import { createPoolAnalyzer } from "../../src/analysis/create-pool-analyzer.js";
import {
  createInlineAnalyzer,
  type FileAnalyzer,
  getIndexSize,
  mergeReviewSources,
  splitIntoBatches,
  startPagedAnalysis,
  startPatchAnalysis,
} from "../../src/analysis/file-analyzer.js";
import { createFakeGitHubClient, type FakeGitHubFile } from "../../src/bench/fake-github-client.js";
import { buildFollowUp, buildSyntheticPull } from "../../src/bench/synthetic-pull.js";
import { reviewLocalChange } from "../../src/cli/review-local-change.js";
import type { DiffFile } from "../../src/cli/split-git-diff.js";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { findDeclarations } from "../../src/context/find-declarations.js";
import { takeParsedChars } from "../../src/detectors/ast-grep-languages.js";
import { buildLineIndex, type FileLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import type { ReviewJob } from "../../src/queue/review-job.js";
import { runReview } from "../../src/review/run-review.js";

// The pool loads the built worker (npm test builds first): worker threads cannot load TypeScript sources.
const workerFile = new URL("../../lib/analysis/analysis-worker.js", import.meta.url);

const join = (...parts: string[]) => parts.join("");
const awsAccessKeyId = join("AKIA", "Z7QW3RT5", "YU8IO2PL");
const githubToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT", "5vX7zA9cE1gI3kM5");

function addedPatch(lines: string[]): string {
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n");
}

const extraFiles: PatchSource[] = [
  {
    path: "src/config/aws.ts",
    patch: addedPatch([
      `export const accessKeyId = "${awsAccessKeyId}";`,
      "export const region = 'eu-west-1';",
    ]),
  },
  {
    path: "app/deploy.py",
    patch: addedPatch([`TOKEN = "${githubToken}"`, "import requests", "requests.get(url)"]),
  },
  {
    path: "src/db/users.ts",
    patch: addedPatch([
      "export async function find(db, req) {",
      '  return db.query("SELECT * FROM users WHERE id = " + req.params.id);',
      "}",
    ]),
  },
  // A patch that parses to nothing is skipped, as the pipeline skips it.
  { path: "src/broken.ts", patch: "not a patch" },
];

/** The benchmark's synthetic pull request, with files carrying secrets and detector hits spread through it. */
function buildSources(count: number): PatchSource[] {
  const files = buildSyntheticPull({ count, seed: 7 }).map((file) => ({
    path: file.filename,
    patch: file.patch,
  }));
  return files.flatMap((file, i) => {
    const extra = i % 70 === 0 ? extraFiles[i / 70] : undefined;
    return extra ? [file, extra] : [file];
  });
}

function toIndexes(sources: PatchSource[]): FileLineIndex[] {
  return sources
    .map((source) => buildLineIndex(source.path, parsePatch(source.patch)))
    .filter((index) => index.hunks.length > 0);
}

describe("the worker-pool analyzer", () => {
  const pool = createPoolAnalyzer({ threads: 2, workerFile });
  const inline = createInlineAnalyzer();
  afterAll(async () => {
    await pool.close();
  });

  it("gives the same files, findings and order as the main-thread analyzer on the benchmark's pull request", async () => {
    const files = toIndexes(buildSources(300));
    expect(splitIntoBatches(files, getIndexSize).length).toBeGreaterThan(2);
    const expected = await inline.analyse(files);
    const pooled = await pool.analyse(files);

    expect(expected.secretFindings.map((f) => f.path)).toEqual(["src/config/aws.ts", "app/deploy.py"]);
    expect(expected.ruleFindings.length).toBeGreaterThan(0);
    expect(pooled).toEqual(expected);
  });

  it("analyses patches (parsed in the workers) exactly as parsed files", async () => {
    const sources = buildSources(300);
    const files = toIndexes(sources);
    const expected = await inline.analyse(files);
    const fromPool = applyPatchAnalysis(files, await pool.analysePatches(sources));
    const fromInline = applyPatchAnalysis(files, await inline.analysePatches(sources));
    expect(fromPool).toEqual(expected);
    expect(fromInline).toEqual(expected);
  });

  it("reads the analysis and the architecture impact in one pass exactly as in two", async () => {
    const sources = buildSources(300);
    // Impact over every file but the Go ones (as a `paths` exclusion would leave out), plus a manifest and a
    // migration that are no server-code candidates.
    const manifest = { filename: "requirements.txt", patch: addedPatch(["psycopg2==2.9.9"]) };
    const migration = {
      filename: "db/migrations/002_drop.sql",
      patch: addedPatch(["ALTER TABLE users DROP COLUMN email;"]),
    };
    const impactFiles = [
      manifest,
      ...sources
        .filter((source) => !source.path.endsWith(".go"))
        .map((source) => ({ filename: source.path, patch: source.patch })),
      migration,
    ];
    const merged = mergeReviewSources(sources, impactFiles);
    expect(merged.filter((s) => s.analyse).map((s) => s.path)).toEqual(sources.map((s) => s.path));
    expect(merged.filter((s) => s.impact).map((s) => s.path)).toEqual(impactFiles.map((f) => f.filename));

    const analysis = await inline.analysePatches(sources);
    const impact = await inline.extractImpact(impactFiles);
    expect(impact.impact.endpoints.length).toBeGreaterThan(0);
    expect(impact.impact.dependencies.map((d) => d.name)).toContain("psycopg2");
    for (const analyzer of [inline, pool]) {
      const run = startPatchAnalysis(analyzer, sources, impactFiles);
      expect(await run.result).toEqual(analysis);
      expect(await run.impact).toEqual(impact);
    }
  });

  it("remembers each file's impact: a follow-up's equals a fresh reading of the new files", async () => {
    const pull = buildSyntheticPull({ count: 150, seed: 31 });
    const first = pull.map((f) => ({ filename: f.filename, patch: f.patch }));
    const sources = pull.map((f) => ({ path: f.filename, patch: f.patch }));
    // The first review reads the impact with the detectors, page by page; the follow-up asks for it alone.
    await startPatchAnalysis(pool, sources, first).impact;
    const followUp = buildFollowUp(pull).files.map((f) => ({ filename: f.filename, patch: f.patch }));
    expect(await pool.extractImpact(followUp)).toEqual(await createInlineAnalyzer().extractImpact(followUp));
  });

  it("gives, fed page by page, what one call over every file gives", async () => {
    const sources = buildSources(260);
    const impactFiles = sources
      .filter((_, i) => i % 4 !== 0)
      .map((source) => ({ filename: source.path, patch: source.patch }));
    const whole = startPatchAnalysis(pool, sources, impactFiles);
    const paged = startPagedAnalysis(pool, { impact: true });
    for (let i = 0; i < sources.length; i += 100) {
      const page = sources.slice(i, i + 100);
      const paths = new Set(page.map((source) => source.path));
      paged.addPage(
        page,
        impactFiles.filter((f) => paths.has(f.filename)),
      );
    }
    const run = paged.finish();
    expect(await run.result).toEqual(await whole.result);
    expect(await run.impact).toEqual(await whole.impact);
    // Without the impact, the pages are analysed alone and no impact is promised.
    const noImpact = startPagedAnalysis(inline, { impact: false });
    noImpact.addPage(sources.slice(0, 130), null);
    noImpact.addPage(sources.slice(130), null);
    const alone = noImpact.finish();
    expect(alone.impact).toBeNull();
    expect(await alone.result).toEqual(await whole.result);
  });

  it("finds repository files' declarations as the main thread does", async () => {
    const files: DeclarationSource[] = [
      { language: "typescript", text: "export function a() { return 1; }\nclass B { m() {} }\n" },
      { language: "python", text: "def f(x):\n    return x\n\nclass K:\n    pass\n" },
      { language: "go", text: "package m\n\nfunc G() int { return 1 }\n" },
      { language: "java", text: "class J { void run() {} }\n" },
      { language: "sql", text: "select 1;" },
    ];
    const expected = files.map((file) => findDeclarations(file.text, file.language));
    expect(expected[0]!.map((d) => d.name)).toEqual(expect.arrayContaining(["a", "B"]));
    expect(await pool.findDeclarations(files)).toEqual(expected);
    expect(await inline.findDeclarations(files)).toEqual(expected);
  });

  it("sends no secret back unredacted, and copies no file that had none", async () => {
    const files = toIndexes(buildSources(80));
    const pooled = await pool.analyse(files);
    const text = JSON.stringify(pooled.files.map((file) => file.hunks));
    expect(text).not.toContain(awsAccessKeyId);
    expect(text).not.toContain(githubToken);
    expect(pooled.files[0]).toBe(files[0]);
  });

  it("stops between batches when aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("dropped"));
    await expect(pool.analysePatches(buildSources(200), controller.signal)).rejects.toThrow("dropped");
    // The pool still works afterwards.
    expect((await pool.analysePatches(extraFiles)).secretFindings).toHaveLength(2);
  });
});

function toChangedFile(source: PatchSource): FakeGitHubFile {
  return {
    filename: source.path,
    status: "added",
    additions: 3,
    deletions: 0,
    changes: 3,
    patch: source.patch,
  };
}

describe("a review with the pool", () => {
  const owner = "acme";
  const repo = "shop-api";
  const log = pino({ level: "silent" });
  const settings = {
    defaultModel: "claude-sonnet-5-5",
    tokenBudget: 60_000,
    maxModelCalls: 8,
    maxAttempts: 3,
  };
  const toFile = toChangedFile;
  const job = (headSha: string, previousSha?: string): ReviewJob => ({
    installationId: 1,
    owner,
    repo,
    pullNumber: 7,
    headSha,
    trigger: "push",
    deliveryId: `d-${headSha.slice(0, 4)}`,
    key: `auto:${headSha}`,
    scope: "auto",
    focus: [],
    ...(previousSha ? { previousSha } : {}),
  });

  /** A first review and an incremental follow-up of the benchmark's pull request; what GitHub was sent. */
  async function reviewTwice(analyzer: FileAnalyzer | undefined, afterReview?: () => void) {
    const synthetic = buildSyntheticPull({ count: 200, seed: 11 });
    const files = [...synthetic, ...extraFiles.map(toFile)];
    const first = "a".repeat(40);
    const second = "b".repeat(40);
    const fake = createFakeGitHubClient({
      owner,
      repo,
      number: 7,
      title: "Bench",
      body: "",
      headSha: first,
      files,
    });
    const deps = { octokit: fake.client, model: null, settings, log, ...(analyzer ? { analyzer } : {}) };
    const outcomes = [
      await runReview({ job: job(first), attempt: 1, isSuperseded: async () => false }, deps),
    ];
    afterReview?.();
    const followUp = buildFollowUp(synthetic);
    fake.push({
      headSha: second,
      files: [...followUp.files, ...extraFiles.map(toFile)],
      compare: { base: first, head: second, status: "ahead", files: [followUp.compareFile] },
    });
    outcomes.push(
      await runReview({ job: job(second, first), attempt: 1, isSuperseded: async () => false }, deps),
    );
    afterReview?.();
    return { outcomes, reviews: fake.reviews, checkRuns: fake.checkRuns, requests: [...fake.requests] };
  }

  it("parses again, on a one-line push, only the file that changed (the impact of the others is remembered)", async () => {
    takeParsedChars();
    const parsed: number[] = [];
    const outcomes = await reviewTwice(createInlineAnalyzer(), () => parsed.push(takeParsedChars()));
    expect(outcomes.outcomes).toEqual(["posted", "no-findings"]);
    const [first = 0, followUp = 0] = parsed;
    expect(first).toBeGreaterThan(100_000);
    // The follow-up's detectors and impact read the one changed file: a few thousand characters at most.
    expect(followUp).toBeGreaterThan(0);
    expect(followUp).toBeLessThan(first / 50);
  });

  it("posts exactly what the main-thread review posts, first review and incremental follow-up", async () => {
    const pool = createPoolAnalyzer({ threads: 2, workerFile });
    try {
      const expected = await reviewTwice(undefined);
      const pooled = await reviewTwice(pool);
      expect(expected.outcomes).toEqual(["posted", "no-findings"]);
      expect(expected.reviews.length).toBe(1);
      expect(JSON.stringify(expected.reviews)).toContain("(2 critical,");
      // The architecture impact, read in the workers for the pool, is the same section.
      expect(JSON.stringify(expected.reviews)).toContain("Architecture impact");
      expect(pooled).toEqual(expected);
    } finally {
      await pool.close();
    }
  });
});

describe("the local review command with the pool", () => {
  it("reports exactly what the main-thread run reports", async () => {
    const files = [...buildSyntheticPull({ count: 220, seed: 5 }), ...extraFiles.map(toChangedFile)].map(
      (file): DiffFile => ({
        ...file,
        status: file.status === "added" ? "added" : "modified",
        binary: false,
      }),
    );
    const params = {
      files,
      config: defaultRepoConfig,
      model: null,
      modelId: "",
      settings: { tokenBudget: 60_000, maxModelCalls: 8 },
      repo: { owner: "local", repo: "shop" },
      title: "Local review",
    };
    const pool = createPoolAnalyzer({ threads: 2, workerFile });
    try {
      const expected = await reviewLocalChange(params);
      expect(expected.findings.some((f) => f.ruleId?.startsWith("secret/"))).toBe(true);
      expect(await reviewLocalChange({ ...params, analyzer: pool })).toEqual(expected);
    } finally {
      await pool.close();
    }
  });
});

describe("splitIntoBatches", () => {
  it("keeps every file once, in order, at most 50 a batch", () => {
    const files = toIndexes(buildSources(130));
    const batches = splitIntoBatches(files, getIndexSize);
    expect(batches.flat()).toEqual(files);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(50);
  });

  it("starts a new batch when the characters would pass 400,000", () => {
    const line = `export const v = "${"x".repeat(100)}";`;
    const [big] = toIndexes([
      { path: "src/big.ts", patch: addedPatch(Array.from({ length: 1_200 }, () => line)) },
    ]);
    if (!big) throw new Error("the sample did not parse");
    const batches = splitIntoBatches([big, big, big], getIndexSize);
    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
  });
});
