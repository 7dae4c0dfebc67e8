import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { parseReviewMarker } from "../../src/findings/markers.js";
import { buildPages } from "../../src/review/fit-pages.js";
import { createAnthropicMock, type ModelFindingFixture } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp, testMarkerAuth } from "../helpers/test-app.js";

const reviewBodyLimit = 65_536;
const patch = "@@ -0,0 +1,2 @@\n+const a = 1;\n+const b = 2;";
const files = [{ filename: "src/server.js", status: "added", additions: 2, deletions: 0, changes: 2, patch }];

/** `count` model findings on lines outside the diff (so they go to the review body), each ~`bodyChars` long. */
function offDiffFindings(count: number, bodyChars: number): ModelFindingFixture[] {
  return Array.from({ length: count }, (_, i) => ({
    path: "src/elsewhere.js",
    line: i + 1,
    severity: "medium",
    category: "reliability",
    confidence: 0.9,
    title: `Finding number ${String(i).padStart(4, "0")}`,
    body: `Problem ${i}: ${"x".repeat(bodyChars)}`,
  }));
}

describe("buildPages", () => {
  const params = {
    head: "# Head",
    tail: "<!-- marker -->",
    movedNote: (n: number) => `- … and ${n} more, in the next comments`,
    continuedHeading: (p: number, n: number) => `# Continued ${p}/${n}`,
  };

  it("keeps one page when everything fits, at the limit exactly", () => {
    const items = ["- a", "- b"];
    const whole = `# Head\n\n- a\n- b\n\n<!-- marker -->`;
    expect(buildPages({ ...params, items, maxChars: whole.length })).toEqual([whole]);
  });

  it("one character over the limit moves items on, names them, and keeps the tail last on page one", () => {
    const items = [`- a ${"z".repeat(100)}`, `- b ${"z".repeat(100)}`];
    const whole = `# Head\n\n${items.join("\n")}\n\n<!-- marker -->`;
    const pages = buildPages({ ...params, items, maxChars: whole.length - 1 });
    expect(pages).toEqual([
      `# Head\n\n${items[0]}\n- … and 1 more, in the next comments\n\n<!-- marker -->`,
      `# Continued 2/2\n\n${items[1]}`,
    ]);
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(whole.length - 1);
  });

  it("names every item exactly once across pages of any size", () => {
    const items = Array.from({ length: 500 }, (_, i) => `- item ${i} ${"y".repeat(i % 97)}`);
    for (const maxChars of [400, 1_000, 5_000, 65_536]) {
      const pages = buildPages({ ...params, items, maxChars });
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(maxChars);
      const named = pages.join("\n").match(/^- item \d+/gm) ?? [];
      expect(named).toEqual(items.map((item) => item.split(" y")[0]!.replace(/ $/, "")));
    }
  });
});

describe("a review whose body would pass GitHub's 65,536 characters", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
  });

  it("posts the review within the limit and names every other finding in follow-up comments", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles(files);
    github.listReviews().listReviewComments().createReview().updateCheckRun();
    github.issueComment().issueComment();
    const findings = offDiffFindings(180, 700);
    createAnthropicMock().answer("Many problems.", findings);

    await app.probot.receive({
      id: "d-big",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [review] = github.captured.get("createReview") as { body: string }[];
    const followUps = (github.captured.get("issueComment") as { body: string }[]).map((c) => c.body);
    expect(review!.body.length).toBeLessThanOrEqual(reviewBodyLimit);
    expect(followUps.length).toBeGreaterThanOrEqual(1);
    for (const body of followUps) expect(body.length).toBeLessThanOrEqual(reviewBodyLimit);
    expect(parseReviewMarker(review!.body, testMarkerAuth(42))?.sha).toBe(headSha);
    const moved = /… and (\d+) more findings, named in the follow-up comments/.exec(review!.body);
    expect(moved).not.toBeNull();
    const all = [review!.body, ...followUps].join("\n");
    for (const finding of findings) expect(all).toContain(finding.title);
    const inFollowUps = followUps.join("\n").match(/Finding number \d{4}/g) ?? [];
    expect(inFollowUps).toHaveLength(Number(moved![1]));
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});

describe("a check run with more low-confidence findings than its summary holds", () => {
  afterEach(() => nock.cleanAll());

  it("names every one in the output's text, none cut to '… and N more', each field within 65,535 bytes", async () => {
    nock.disableNetConnect();
    const app = await createTestApp();
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles(files);
    github.listReviews().listReviewComments().updateCheckRun();
    // Titles differ in letters (fingerprints ignore digits), so none is merged as a duplicate.
    const letters = (i: number) =>
      `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const findings = offDiffFindings(200, 400).map((f, i) => ({
      ...f,
      title: `Low finding ${letters(i)}`,
      // One file each: a finding's identity is its file, code and category, not its title.
      path: `src/low-${letters(i)}.js`,
      line: 1,
      confidence: 0.1,
    }));
    createAnthropicMock().answer("", findings);

    await app.probot.receive({
      id: "d-low",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    await app.close();

    const [completion] = github.captured.get("updateCheckRun") as {
      output: { summary: string; text?: string };
    }[];
    const { summary, text = "" } = completion!.output;
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(65_535);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(65_535);
    expect(summary).toContain("Low-confidence findings (200, below min_confidence");
    expect(`${summary}\n${text}`).not.toMatch(/… and \d+ more/);
    for (const finding of findings) expect(text).toContain(finding.title);
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
