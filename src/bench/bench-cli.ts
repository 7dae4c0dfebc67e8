/**
 * Benchmark of the local review command as a user runs it (`node bin/backend-architect.js review …`, a
 * fresh process each time): `review --help`, a 10-file diff and a ~5 MB diff of 1,500 files, both
 * detectors only (`--no-model`, JSON to a pipe). Diffs are the review benchmark's synthetic pull
 * requests. Prints figures; asserts nothing.
 *
 *   npm run build && npm run bench:cli
 *   BENCH_RUNS=9 npm run bench:cli
 *
 * Each case runs BENCH_RUNS times (default 5) after one unreported warm-up (disk cache); the last line of
 * output is one JSON array of `{ case, files, diff_mb, median_ms, min_ms, max_ms }`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSyntheticPull, toPatch } from "./synthetic-pull.js";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const launcher = fileURLToPath(new URL("../../bin/backend-architect.js", import.meta.url));

/**
 * A `git diff` of `count` files. With `parts` > 1 each modified file carries the hunks of `parts`
 * synthetic files of its language, placed 2,000 lines apart (a larger change per file, as in a real large
 * diff: the synthetic files alone average 1.7 KB).
 */
function buildGitDiff(count: number, seed: number, parts = 1): string {
  const pool = buildSyntheticPull({ count: count * parts, seed });
  return pool
    .slice(0, count)
    .map((file, i) => {
      if (file.status !== "modified" || parts === 1) return file;
      const hunks = Array.from({ length: parts }, (_, part) => pool[i + part * count])
        .filter((other) => other?.status === "modified")
        .flatMap((other, part) =>
          (other?.hunks ?? []).map((hunk) => ({
            ...hunk,
            oldStart: hunk.oldStart + part * 2_000,
            newStart: hunk.newStart + part * 2_000,
          })),
        );
      return { ...file, patch: toPatch(hunks) };
    })
    .map((file) =>
      [
        `diff --git a/${file.filename} b/${file.filename}`,
        "index 1111111..2222222 100644",
        `--- a/${file.filename}`,
        `+++ b/${file.filename}`,
        file.patch,
      ].join("\n"),
    )
    .join("\n")
    .concat("\n");
}

function timeRun(args: string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [launcher, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ANTHROPIC_API_KEY: "" },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`review ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  }
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
try {
  const cases: { name: string; files: number; args: string[]; diffBytes: number }[] = [
    { name: "help", files: 0, args: ["review", "--help"], diffBytes: 0 },
  ];
  for (const [name, files, parts] of [
    ["diff-10", 10, 1],
    ["diff-1500", 1_500, 3],
  ] as const) {
    const diff = buildGitDiff(files, 42, parts);
    const path = join(dir, `${name}.diff`);
    writeFileSync(path, diff);
    cases.push({
      name,
      files,
      args: ["review", "--diff", path, "--no-model", "--format", "json", "--fail-on", "never"],
      diffBytes: Buffer.byteLength(diff),
    });
  }
  const results = cases.map((c) => {
    timeRun(c.args, dir);
    const times = Array.from({ length: runs }, () => timeRun(c.args, dir));
    const row = {
      case: c.name,
      files: c.files,
      diff_mb: Math.round((c.diffBytes / 1024 / 1024) * 100) / 100,
      median_ms: Math.round(median(times)),
      min_ms: Math.round(Math.min(...times)),
      max_ms: Math.round(Math.max(...times)),
    };
    console.log(
      `${row.case}: median ${row.median_ms} ms (min ${row.min_ms}, max ${row.max_ms}) over ${runs} runs`,
    );
    return row;
  });
  console.log("Targets: help ≤ 150 ms; diff-10 ≤ 400 ms; diff-1500 (5 MB) ≤ 4,000 ms");
  console.log(JSON.stringify(results));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
