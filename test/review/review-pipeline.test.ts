import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock, type ModelFindingFixture } from "../helpers/anthropic-mock.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { buildIssueCommentEvent, buildPullRequestEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const usersPatch = readFileSync(new URL("../fixtures/users-route.patch", import.meta.url), "utf8");
const usersFile = {
  filename: "src/routes/users.js",
  status: "modified",
  additions: 13,
  deletions: 0,
  changes: 13,
  patch: usersPatch,
};
const cssFile = {
  filename: "public/css/search.css",
  status: "added",
  additions: 2,
  deletions: 0,
  changes: 2,
  patch: "@@ -0,0 +1,2 @@\n+.search { outline: none; }\n+.search-results li { color: #7aa7ff; }",
};

const sqlInjection: ModelFindingFixture = {
  path: "src/routes/users.js",
  line: 11,
  severity: "high",
  category: "security",
  confidence: 0.95,
  title: "SQL injection in user search",
  body: "`q` and `sort` are concatenated into the SQL text. Use a parameterized query.",
  evidence: `    const sql = "SELECT id, name, email FROM users WHERE name LIKE '%" + q + "%' ORDER BY " + sort;`,
};
const errorLeak: ModelFindingFixture = {
  path: "src/routes/users.js",
  line: 15,
  severity: "medium",
  category: "reliability",
  confidence: 0.9,
  title: "Database errors returned to the client",
  body: "`err.message` reaches the response body.",
  suggestion: "    next(err);",
};
const offDiff: ModelFindingFixture = {
  path: "src/routes/users.js",
  line: 33,
  severity: "medium",
  category: "performance",
  confidence: 0.9,
  title: "User list is unbounded",
  body: "`GET /users` returns every row.",
};

/** The requests every review of PR #42 makes before it asks the model. */
function mockReviewStart(github: GitHubMock, files: Record<string, unknown>[] = [usersFile, cssFile]): void {
  github
    .listCheckRuns()
    .createCheckRun()
    .getPull()
    .noRepoConfig()
    .listFiles(files)
    .listReviews()
    .listReviewComments();
}

describe("the review pipeline", () => {
  let app: TestApp;
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("posts one review with inline comments and completes the check run (happy path)", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    mockReviewStart(github);
    github.createReview().updateCheckRun();
    const model = createAnthropicMock().answer("Search builds SQL from input.", [
      sqlInjection,
      errorLeak,
      offDiff,
    ]);

    await app.probot.receive({
      id: "delivery-1",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    expect(github.captured.get("createCheckRun")).toEqual([
      expect.objectContaining({
        name: "Backend Architect",
        head_sha: headSha,
        status: "in_progress",
        external_id: `42/auto:${headSha}`,
      }),
    ]);

    // Only server code reaches the model: the CSS file's content is never sent.
    expect(model.requests).toHaveLength(1);
    const request = model.requests[0] as {
      system: { text: string; cache_control?: unknown }[];
      messages: { content: string }[];
      tool_choice: unknown;
      model: string;
    };
    const prompt = request.messages[0]!.content;
    expect(request.model).toBe("claude-sonnet-5-5");
    expect(request.tool_choice).toEqual({ type: "tool", name: "submit_review" });
    expect(request.system[0]!.text).toContain("senior engineer");
    expect(request.system.at(-1)!.cache_control).toEqual({ type: "ephemeral" });
    expect(prompt).toContain("Add user search endpoint");
    expect(prompt).toContain("SELECT id, name, email FROM users WHERE name LIKE");
    expect(prompt).toContain(`11+|    const sql = "SELECT id, name, email FROM users WHERE name LIKE`);
    expect(prompt).not.toContain("outline: none");
    expect(prompt).toContain("[sql-string-building]"); // the detector's hint

    const [review] = github.captured.get("createReview") as {
      commit_id: string;
      event: string;
      body: string;
      comments: { path: string; line: number; side: string; start_line?: number; body: string }[];
    }[];
    expect(review!.commit_id).toBe(headSha);
    expect(review!.event).toBe("COMMENT");
    expect(review!.comments.map((c) => [c.path, c.line, c.side, c.start_line])).toEqual([
      ["src/routes/users.js", 11, "RIGHT", undefined],
      ["src/routes/users.js", 15, "RIGHT", undefined],
    ]);
    expect(review!.comments[0]!.body).toContain("**🟠 High · Security** — SQL injection in user search");
    expect(review!.comments[0]!.body).toContain("confirmed by rule `sql-string-building`");
    expect(review!.comments[0]!.body).toMatch(/<!-- backend-architect:finding fp=[0-9a-f]{16} -->/);
    expect(review!.comments[1]!.body).toContain("```suggestion\n    next(err);\n```");
    // The finding outside the diff is in the body, with its path and line.
    expect(review!.body).toContain(
      "`src/routes/users.js:33` — **User list is unbounded** _(line not in the diff)_",
    );
    expect(review!.body).toContain(`<!-- backend-architect:review sha=${headSha} key=auto:${headSha} -->`);

    const [completion] = github.captured.get("updateCheckRun") as {
      status: string;
      conclusion: string;
      output: {
        title: string;
        summary: string;
        annotations: { path: string; start_line: number; annotation_level: string }[];
      };
      actions: { identifier: string }[];
    }[];
    expect(completion!.status).toBe("completed");
    expect(completion!.conclusion).toBe("failure");
    expect(completion!.output.title).toBe("3 findings: 1 high, 2 medium");
    expect(completion!.output.summary).toContain("- `public/css/search.css` — frontend asset");
    expect(completion!.output.summary).toContain("1,200 input tokens, 300 output tokens");
    expect(completion!.output.annotations.map((a) => [a.start_line, a.annotation_level])).toEqual([
      [11, "failure"],
      [15, "warning"],
      [33, "warning"],
    ]);
    expect(completion!.actions).toEqual([expect.objectContaining({ identifier: "rerun-review" })]);
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.scope.pendingMocks()).toEqual([]);
    expect(app.outcomes).toEqual(["posted"]);
  });

  it("completes the check run as skipped, with no model call and no review, when no server code changed", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles([cssFile]).updateCheckRun();

    await app.probot.receive({
      id: "delivery-2",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [completion] = github.captured.get("updateCheckRun") as {
      conclusion: string;
      output: { title: string; summary: string };
    }[];
    expect(completion!.conclusion).toBe("skipped");
    expect(completion!.output.title).toBe("No server-side code to review");
    expect(completion!.output.summary).toContain("- `public/css/search.css` — frontend asset");
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it.each([
    {
      name: "a pull request opened by a bot",
      payload: () => buildPullRequestEvent("opened", { userType: "Bot" }),
    },
    { name: "a closed pull request", payload: () => buildPullRequestEvent("reopened", { state: "closed" }) },
  ])("ignores $name without any request", async ({ payload }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    await app.probot.receive({ id: "delivery-3", name: "pull_request", payload: payload() } as never);
    await app.idle();
    expect(github.captured.bodies.size).toBe(0);
    expect(app.outcomes).toEqual([]);
  });

  it("skips a draft after reading only the configuration", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.noRepoConfig();
    await app.probot.receive({
      id: "delivery-draft",
      name: "pull_request",
      payload: buildPullRequestEvent("opened", { draft: true }),
    } as never);
    await app.idle();
    expect(github.captured.bodies.size).toBe(0);
    expect(app.outcomes).toEqual([]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("reviews a draft when the repository opts in (auto_review.drafts)", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    const config = "auto_review:\n  drafts: true\n";
    github.repoConfig(config);
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull({ draft: true })
      .repoConfig(config)
      .listFiles([usersFile]);
    github.listReviews().listReviewComments().createReview().updateCheckRun();
    createAnthropicMock().answer("ok", [sqlInjection]);
    await app.probot.receive({
      id: "delivery-draft-on",
      name: "pull_request",
      payload: buildPullRequestEvent("opened", { draft: true }),
    } as never);
    await app.idle();
    expect(app.outcomes).toEqual(["posted"]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("reviews on /architect: 👀 at once, the review, then 🚀", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.noRepoConfig().permission("maintainer-max", "admin").reaction(777).getPull();
    mockReviewStart(github);
    github.createReview().updateCheckRun().reaction(777);
    createAnthropicMock().answer("ok", [sqlInjection]);

    await app.probot.receive({
      id: "delivery-4",
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect"),
    } as never);
    await app.idle();

    expect(github.captured.get("reaction")).toEqual([{ content: "eyes" }, { content: "rocket" }]);
    expect(github.captured.get("createCheckRun")[0]).toEqual(
      expect.objectContaining({ external_id: "42/cmd:777" }),
    );
    expect(github.captured.get("createReview")).toHaveLength(1);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("retries a 529 from the model and then posts the review", async () => {
    app = await createTestApp({ modelRetries: 2 });
    const github = createGitHubMock();
    mockReviewStart(github);
    github.createReview().updateCheckRun();
    const model = createAnthropicMock()
      .error(529, "overloaded_error", 1, { "retry-after-ms": "10", "x-should-retry": "true" })
      .answer("ok", [sqlInjection]);

    await app.probot.receive({
      id: "delivery-5",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    expect(model.requests).toHaveLength(2);
    expect(github.captured.get("createReview")).toHaveLength(1);
    expect((github.captured.get("updateCheckRun")[0] as { conclusion: string }).conclusion).toBe("failure");
    expect(model.scope.pendingMocks()).toEqual([]);
  });

  it("completes the check run with an actionable message when the model fails for good, and still posts rule-based findings", async () => {
    app = await createTestApp({ modelRetries: 1 });
    const github = createGitHubMock();
    mockReviewStart(github);
    github.createReview().updateCheckRun();
    const model = createAnthropicMock().error(500, "api_error", 2, { "retry-after-ms": "5" });

    await app.probot.receive({
      id: "delivery-6",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    expect(model.requests).toHaveLength(2);
    const [completion] = github.captured.get("updateCheckRun") as {
      status: string;
      conclusion: string;
      output: { title: string; summary: string };
    }[];
    expect(completion!.status).toBe("completed");
    expect(completion!.output.title).toBe(
      "Review incomplete: the model was unavailable · 1 rule-based finding",
    );
    expect(completion!.output.summary).toContain(
      "The Anthropic API answered 500 (InternalServerError) after retries",
    );
    const [review] = github.captured.get("createReview") as { body: string; comments: { body: string }[] }[];
    expect(review!.comments).toHaveLength(1);
    expect(review!.comments[0]!.body).toContain("rule-based: `sql-string-building`");
    // An incomplete review does not record the head as reviewed.
    expect(review!.body).not.toContain("backend-architect:review");
  });

  it.each([
    {
      name: "text instead of the tool call",
      answer: { content: [{ type: "text", text: "not json" }], stop_reason: "end_turn" },
    },
    {
      name: "a tool call of the wrong shape",
      answer: {
        content: [{ type: "tool_use", id: "t", name: "submit_review", input: { verdict: "LGTM" } }],
        stop_reason: "tool_use",
      },
    },
  ])("reports malformed model output ($name) in the check run", async ({ answer }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    mockReviewStart(github, [{ ...usersFile, patch: "@@ -1,1 +1,2 @@\n const a = 1;\n+const b = 2;" }]);
    github.updateCheckRun();
    createAnthropicMock().raw({
      id: "msg",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5-5",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
      ...answer,
    });

    await app.probot.receive({
      id: "delivery-7",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [completion] = github.captured.get("updateCheckRun") as {
      status: string;
      conclusion: string;
      output: { summary: string };
    }[];
    expect(completion!.status).toBe("completed");
    expect(completion!.conclusion).toBe("neutral");
    expect(completion!.output.summary).toContain("The model's answer could not be used");
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("keeps a finding whose line is outside the diff in the review body, never inline", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    mockReviewStart(github, [usersFile]);
    github.createReview().updateCheckRun();
    createAnthropicMock().answer("ok", [
      offDiff,
      { ...offDiff, path: "src/elsewhere.js", line: 3, title: "Not in this PR" },
    ]);

    await app.probot.receive({
      id: "delivery-8",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();

    const [review] = github.captured.get("createReview") as { body: string; comments: { line: number }[] }[];
    // Only the detector's finding is inline, anchored at its sink (the query on line 12; its range starts where
    // the SQL is built); both model findings are in the body.
    expect(review!.comments.map((c) => c.line)).toEqual([12]);
    expect(review!.body).toContain(
      "`src/routes/users.js:33` — **User list is unbounded** _(line not in the diff)_",
    );
    expect(review!.body).toContain(
      "`src/elsewhere.js:3` — **Not in this PR** _(not a file of this pull request)_",
    );
  });
});

describe("a review that already completed", () => {
  afterEach(() => nock.cleanAll());

  it("is not run again when the same head is delivered after a restart (its check run carries the marker)", async () => {
    nock.disableNetConnect();
    const app = await createTestApp();
    const github = createGitHubMock();
    github.listCheckRuns([
      {
        id: 5001,
        status: "completed",
        conclusion: "success",
        external_id: `42/auto:${headSha}`,
        output: {
          summary: `No findings.\n\n<!-- backend-architect:review sha=${headSha} key=auto:${headSha} -->`,
        },
      },
    ]);
    const model = createAnthropicMock();
    await app.probot.receive({
      id: "delivery-again",
      name: "pull_request",
      payload: buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    await app.close();
    expect(app.outcomes).toEqual(["already-posted"]);
    expect(github.captured.bodies.size).toBe(0);
    expect(model.requests).toEqual([]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
