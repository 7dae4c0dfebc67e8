import { afterAll, describe, expect, it } from "@jest/globals";
import { createPoolAnalyzer } from "../../src/analysis/create-pool-analyzer.js";
import { createInlineAnalyzer, splitIntoBatches } from "../../src/analysis/file-analyzer.js";
import { buildSyntheticPull } from "../../src/bench/synthetic-pull.js";
import { buildLineIndex, type FileLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";

// The pool loads the built worker (npm test builds first): worker threads cannot load TypeScript sources.
const workerFile = new URL("../../lib/analysis/analysis-worker.js", import.meta.url);

const join = (...parts: string[]) => parts.join("");
const awsAccessKeyId = join("AKIA", "Z7QW3RT5", "YU8IO2PL");
const githubToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT", "5vX7zA9cE1gI3kM5");

function toIndex(path: string, patch: string): FileLineIndex {
  return buildLineIndex(path, parsePatch(patch));
}

function addedFile(path: string, lines: string[]): FileLineIndex {
  return toIndex(path, [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`)].join("\n"));
}

/** The benchmark's synthetic pull request, with files carrying secrets and detector hits spread through it. */
function buildFiles(count: number): FileLineIndex[] {
  const files = buildSyntheticPull({ count, seed: 7 }).map((file) => toIndex(file.filename, file.patch));
  const extra = [
    addedFile("src/config/aws.ts", [
      `export const accessKeyId = "${awsAccessKeyId}";`,
      "export const region = 'eu-west-1';",
    ]),
    addedFile("app/deploy.py", [`TOKEN = "${githubToken}"`, "import requests", "requests.get(url)"]),
    addedFile("src/db/users.ts", [
      "export async function find(db, req) {",
      '  return db.query("SELECT * FROM users WHERE id = " + req.params.id);',
      "}",
    ]),
  ];
  // Spread them so that they land in different batches (and so in different worker threads).
  return files.flatMap((file, i) =>
    i % 70 === 0 && extra[i / 70] ? [file, extra[i / 70] as FileLineIndex] : [file],
  );
}

describe("the worker-pool analyzer", () => {
  const pool = createPoolAnalyzer({ threads: 2, workerFile });
  afterAll(async () => {
    await pool.close();
  });

  it("gives the same files, findings and order as the main-thread analyzer on the benchmark's pull request", async () => {
    const files = buildFiles(300);
    expect(splitIntoBatches(files).length).toBeGreaterThan(2);
    const inline = await createInlineAnalyzer().analyse(files);
    const pooled = await pool.analyse(files);

    expect(inline.secretFindings.map((f) => f.path)).toEqual(["src/config/aws.ts", "app/deploy.py"]);
    expect(inline.ruleFindings.length).toBeGreaterThan(0);
    expect(pooled.secretFindings).toEqual(inline.secretFindings);
    expect(pooled.ruleFindings).toEqual(inline.ruleFindings);
    expect(pooled.errors).toEqual(inline.errors);
    expect(pooled.files).toEqual(inline.files);
  });

  it("sends no secret back unredacted: redacted files carry the redacted text", async () => {
    const files = buildFiles(80);
    const pooled = await pool.analyse(files);
    const text = JSON.stringify(pooled.files.map((file) => file.hunks));
    expect(text).not.toContain(awsAccessKeyId);
    expect(text).not.toContain(githubToken);
    // Files without a secret come back as the very objects given (nothing was copied).
    expect(pooled.files[0]).toBe(files[0]);
  });
});

describe("splitIntoBatches", () => {
  it("keeps every file once, in order, at most 50 a batch", () => {
    const files = buildFiles(130);
    const batches = splitIntoBatches(files);
    expect(batches.flat()).toEqual(files);
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(50);
  });

  it("starts a new batch when the characters would pass 400,000", () => {
    const big = addedFile(
      "src/big.ts",
      Array.from({ length: 1_200 }, (_, i) => `export const v${i} = "${"x".repeat(100)}";`),
    );
    const batches = splitIntoBatches([big, big, big]);
    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
  });
});
