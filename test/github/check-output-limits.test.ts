import { describe, expect, it } from "@jest/globals";
import { completeCheckRun } from "../../src/github/checks.js";
import type { GitHubClient } from "../../src/github/github-client.js";

type Call = { output: { summary: string; text?: string } };

function fakeOctokit(calls: Call[]): GitHubClient {
  return {
    rest: {
      checks: {
        update: async (params: Call) => {
          calls.push(params);
          return { data: {} };
        },
      },
    },
  } as unknown as GitHubClient;
}

const marker = `<!-- backend-architect:review v2 sha=${"a".repeat(40)} key=auto:x mac=${"b".repeat(32)} -->`;
const limit = 65_535;

describe("check-run output at GitHub's 65,535-byte limit", () => {
  it.each([
    { name: "far over (multi-byte text)", summary: "é".repeat(70_000) },
    { name: "just over", summary: "s".repeat(limit - marker.length) },
  ])("$name: the summary is cut to fit and keeps the trailing marker", async ({ summary }) => {
    const calls: Call[] = [];
    await completeCheckRun(fakeOctokit(calls), {
      owner: "acme",
      repo: "shop-api",
      checkRunId: 1,
      conclusion: "neutral",
      output: { title: "t", summary: `${summary}\n\n${marker}`, text: "x".repeat(80_000) },
    });
    const [call] = calls;
    expect(Buffer.byteLength(call!.output.summary)).toBeLessThanOrEqual(limit);
    expect(call!.output.summary.endsWith(marker)).toBe(true);
    expect(call!.output.summary).toContain("… (truncated)");
    expect(Buffer.byteLength(call!.output.text ?? "")).toBeLessThanOrEqual(limit);
  });

  it("a summary within the limit is posted unchanged", async () => {
    const calls: Call[] = [];
    const summary = `${"s".repeat(60_000)}\n\n${marker}`;
    await completeCheckRun(fakeOctokit(calls), {
      owner: "acme",
      repo: "shop-api",
      checkRunId: 1,
      conclusion: "neutral",
      output: { title: "t", summary },
    });
    expect(calls[0]!.output.summary).toBe(summary);
  });
});
