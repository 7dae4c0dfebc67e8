import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock, type ModelFindingFixture } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const usersFile = {
  filename: "src/routes/users.js",
  status: "modified",
  additions: 13,
  deletions: 0,
  changes: 13,
  patch: readFileSync(new URL("../fixtures/users-route.patch", import.meta.url), "utf8"),
};

const errorLeak: ModelFindingFixture = {
  path: "src/routes/users.js",
  line: 15,
  severity: "high",
  category: "reliability",
  confidence: 0.7,
  title: "Database errors returned to the client",
  body: "`err.message` reaches the response body.",
};
const unboundedSearch: ModelFindingFixture = {
  path: "src/routes/users.js",
  line: 12,
  severity: "medium",
  category: "performance",
  confidence: 0.65,
  title: "Search returns every matching row",
  body: "Add a LIMIT.",
};

function verdicts(input: unknown, usage = { input_tokens: 500, output_tokens: 80 }) {
  return {
    id: "msg_v",
    type: "message",
    role: "assistant",
    model: "claude-haiku-5-5",
    stop_reason: "tool_use",
    stop_sequence: null,
    content: [{ type: "tool_use", id: "toolu_v", name: "submit_verdicts", input }],
    usage: { ...usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

interface Completion {
  conclusion: string;
  output: { title: string; summary: string; annotations: { start_line: number; annotation_level: string }[] };
}

describe("the second look in the review pipeline", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("posts neither a withdrawn finding nor its annotation, posts a lowered one lowered, and reports both", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([usersFile])
      .listReviews()
      .listReviewComments()
      .createReview()
      .updateCheckRun();
    const model = createAnthropicMock()
      .answer("Search endpoint.", [errorLeak, unboundedSearch])
      .raw(
        verdicts({
          verdicts: [
            { id: "F1", verdict: "keep", severity: "low", reason: "Real, but only a message string leaks." },
            {
              id: "F2",
              verdict: "withdraw",
              reason: "The LIKE filter is on an indexed, bounded table @octocat.",
            },
          ],
        }),
      );

    await app.probot.receive({
      id: "d-second-look",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    expect(model.requests).toHaveLength(2);
    const second = model.requests[1] as {
      model: string;
      tool_choice: unknown;
      messages: { content: string }[];
    };
    expect(second.model).toBe("claude-haiku-5-5");
    expect(second.tool_choice).toEqual({ type: "tool", name: "submit_verdicts" });
    expect(second.messages[0]!.content).toContain("Answer with the ids F1, F2.");

    const [review] = github.captured.get("createReview") as {
      body: string;
      comments: { line: number; body: string }[];
    }[];
    const posted = JSON.stringify(review);
    expect(posted).not.toContain("Search returns every matching row");
    expect(review!.comments.find((c) => c.line === 15)?.body).toContain(
      "**🔵 Low · Reliability** — Database errors returned to the client",
    );

    const [completion] = github.captured.get("updateCheckRun") as unknown as Completion[];
    const summary = completion!.output.summary;
    expect(summary).toContain("### Second look");
    expect(summary).toContain(
      "Model `claude-haiku-5-5` checked 2 findings in 1 call: 1 withdrawn, 1 lowered, 0 kept as found.",
    );
    expect(summary).toContain(
      "Second-look cost: 500 input tokens, 80 output tokens, 0 cache-read tokens, 0 cache-write tokens; estimated cost $0.0009.",
    );
    expect(summary).toContain("<details><summary>Withdrawn after a second look (1; not posted)</summary>");
    // The verifier's reason is model text: encoded, so the mention pings nobody.
    expect(summary).toContain(
      "- 🟡 Medium — `src/routes/users.js:12` — **Search returns every matching row** — The LIKE filter is on an indexed\\, bounded table `@octocat`\\.",
    );
    expect(summary).toContain(
      "- `src/routes/users.js:15` — **Database errors returned to the client** — high → low: Real\\, but only a message string leaks\\.",
    );
    // The review's own cost line is unchanged (first call only).
    expect(summary).toContain("1,200 input tokens, 300 output tokens");
    // The lowered finding's annotation is a notice; the withdrawn one (line 12) has none. (The rule-based
    // SQL finding keeps its own annotation.)
    const annotations = completion!.output.annotations.map((a) => [a.start_line, a.annotation_level]);
    expect(annotations).toContainEqual([15, "notice"]);
    expect(annotations.filter(([line]) => line === 12)).toEqual([]);
    expect(annotations.filter(([, level]) => level === "failure")).toHaveLength(1);
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);
  });

  it("keeps every finding when the second look fails, and says so in the check run", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([usersFile])
      .listReviews()
      .listReviewComments()
      .createReview()
      .updateCheckRun();
    const model = createAnthropicMock().answer("Search endpoint.", [errorLeak]).error(500, "api_error");

    await app.probot.receive({
      id: "d-sl-fail",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [review] = github.captured.get("createReview") as { comments: { line: number; body: string }[] }[];
    expect(review!.comments.find((c) => c.line === 15)?.body).toContain("**🟠 High · Reliability**");
    const [completion] = github.captured.get("updateCheckRun") as unknown as Completion[];
    expect(completion!.output.summary).toContain(
      "> ⚠️ The second look failed for 1 finding; they are posted as the review found them. The Anthropic API answered 500",
    );
    expect(completion!.conclusion).toBe("failure");
    expect(model.scope.pendingMocks()).toEqual([]);
  });

  it("makes no second call when second_look.enabled is false", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .repoConfig("second_look:\n  enabled: false\n")
      .listFiles([usersFile])
      .listReviews()
      .listReviewComments()
      .createReview()
      .updateCheckRun();
    const model = createAnthropicMock().answer("Search endpoint.", [errorLeak]);
    await app.probot.receive({
      id: "d-sl-off",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    expect(model.requests).toHaveLength(1);
    const [completion] = github.captured.get("updateCheckRun") as unknown as Completion[];
    expect(completion!.output.summary).toContain("Second look turned off (`second_look.enabled: false`).");
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
