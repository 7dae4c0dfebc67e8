import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildCheckRunEvent, buildIssueCommentEvent, headSha } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const patch = "@@ -1,1 +1,2 @@\n const a = 1;\n+const b = 2;";
const file = { filename: "src/server.js", status: "modified", additions: 1, deletions: 0, changes: 1, patch };

describe("/architect commands and who may use them", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it.each([
    { role: "admin", permission: "admin", allowed: true },
    { role: "maintain", permission: "write", allowed: true },
    { role: "write", permission: "write", allowed: true },
    { role: "triage", permission: "read", allowed: false },
    { role: "read", permission: "read", allowed: false },
    { role: "none", permission: "none", allowed: false },
  ])("a $role collaborator may trigger a review: $allowed", async ({ role, permission, allowed }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.noRepoConfig().permission("maintainer-max", permission, role);
    if (allowed) {
      github.reaction(777).getPull();
      github
        .listCheckRuns()
        .createCheckRun()
        .getPull()
        .noRepoConfig()
        .listFiles([file])
        .listReviews()
        .listReviewComments();
      github.updateCheckRun().reaction(777);
      createAnthropicMock().answer("ok", []);
    } else {
      github.issueComment();
    }

    await app.probot.receive({
      id: `d-${role}`,
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect"),
    } as never);
    await app.idle();

    if (allowed) {
      expect(github.captured.get("reaction")).toEqual([{ content: "eyes" }, { content: "rocket" }]);
      expect(app.outcomes).toEqual(["no-findings"]);
    } else {
      const [reply] = github.captured.get("issueComment") as { body: string }[];
      expect(reply!.body).toContain("only people with admin, maintain, write permission");
      expect(reply!.body).toContain(`(yours: ${role})`);
      expect(app.outcomes).toEqual([]);
    }
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("ignores comments by bots, this app included, without any request", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    const payload = buildIssueCommentEvent("/architect", {
      login: "backend-architect[bot]",
      userType: "Bot",
    });
    await app.probot.receive({ id: "d-bot", name: "issue_comment", payload } as never);
    await app.idle();
    expect(github.captured.bodies.size).toBe(0);
  });

  it.each([
    { name: "plain talk", body: "Thanks, looks good" },
    { name: "/architecture is not the command", body: "/architecture review please" },
    { name: "a quoted command", body: "> /architect\nwhy did this run?" },
  ])("does nothing for a comment that is not a command: $name", async ({ body }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    await app.probot.receive({
      id: "d-none",
      name: "issue_comment",
      payload: buildIssueCommentEvent(body),
    } as never);
    await app.idle();
    expect(github.captured.bodies.size).toBe(0);
  });

  it.each([
    { name: "help", body: "/architect help", expected: "/architect full" },
    { name: "an unknown sub-command", body: "/architect secuirty", expected: "secuirty" },
  ])("answers $name with the help text and no review", async ({ body, expected }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.noRepoConfig().permission("maintainer-max", "write").issueComment();
    await app.probot.receive({
      id: "d-help",
      name: "issue_comment",
      payload: buildIssueCommentEvent(body),
    } as never);
    await app.idle();
    const [reply] = github.captured.get("issueComment") as { body: string }[];
    expect(reply!.body).toContain(expected);
    expect(reply!.body).toContain("Effective configuration");
    expect(reply!.body).not.toMatch(/(^|\s)@[a-z]/i);
    expect(app.outcomes).toEqual([]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("enforces the cooldown per pull request and says when it ends", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github.noRepoConfig().permission("maintainer-max", "write").reaction(777).getPull();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([file])
      .listReviews()
      .listReviewComments();
    github.updateCheckRun().reaction(777);
    createAnthropicMock().answer("ok", []);
    await app.probot.receive({
      id: "d-c1",
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect"),
    } as never);
    await app.idle();

    github.noRepoConfig().permission("maintainer-max", "write").issueComment();
    await app.probot.receive({
      id: "d-c2",
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect full", { commentId: 778 }),
    } as never);
    await app.idle();
    const [reply] = github.captured.get("issueComment") as { body: string }[];
    expect(reply!.body).toMatch(/less than 60 s ago\. Try again after \d{4}-\d\d-\d\dT/);
    expect(app.outcomes).toEqual(["no-findings"]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("refuses a command once the daily token budget is used up, saying when it resets", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    const config = "limits:\n  daily_token_budget: 1000\ncommands:\n  cooldown_seconds: 0\n";
    github.repoConfig(config).permission("maintainer-max", "write").reaction(777).getPull();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .repoConfig(config)
      .listFiles([file])
      .listReviews()
      .listReviewComments();
    github.updateCheckRun().reaction(777);
    createAnthropicMock().answer("ok", []); // 1,500 tokens: over the budget
    await app.probot.receive({
      id: "d-b1",
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect"),
    } as never);
    await app.idle();

    github.repoConfig(config).permission("maintainer-max", "write").issueComment();
    await app.probot.receive({
      id: "d-b2",
      name: "issue_comment",
      payload: buildIssueCommentEvent("/architect", { commentId: 779 }),
    } as never);
    await app.idle();
    const [reply] = github.captured.get("issueComment") as { body: string }[];
    expect(reply!.body).toMatch(
      /used its daily token budget \(1,500 of 1,000 tokens\)\. It resets at \d{4}-\d\d-\d\dT00:00:00\.000Z/,
    );
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it.each([
    { action: "requested_action" as const, reuses: true },
    { action: "rerequested" as const, reuses: false },
  ])("check_run.$action starts a full review of the check run's pull request", async ({ action, reuses }) => {
    app = await createTestApp();
    const github = createGitHubMock();
    if (reuses) github.updateCheckRun(5001, 2);
    else github.listCheckRuns().createCheckRun(6001).updateCheckRun(6001);
    github.getPull().noRepoConfig().listFiles([file]).listReviews().listReviewComments();
    createAnthropicMock().answer("ok", []);

    await app.probot.receive({
      id: `d-${action}`,
      name: "check_run",
      payload: buildCheckRunEvent(action),
    } as never);
    await app.idle();

    const updates = github.captured.get("updateCheckRun") as { status: string; conclusion?: string }[];
    expect(updates.at(-1)).toEqual(expect.objectContaining({ status: "completed", conclusion: "success" }));
    if (!reuses) {
      expect(github.captured.get("createCheckRun")[0]).toEqual(
        expect.objectContaining({ head_sha: headSha, external_id: "42/rerun:d-rerequested" }),
      );
    }
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("fails the check run with a message naming the key when .github/architect.yml is invalid", async () => {
    app = await createTestApp();
    const github = createGitHubMock();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .repoConfig("fail_on: hgih\nreview_event: APPROVE\n")
      .updateCheckRun();
    const model = createAnthropicMock();
    await app.probot.receive({
      id: "d-config",
      name: "pull_request",
      payload: (await import("../helpers/payloads.js")).buildPullRequestEvent("opened"),
    } as never);
    await app.idle();
    const [completion] = github.captured.get("updateCheckRun") as {
      conclusion: string;
      output: { title: string; summary: string };
    }[];
    expect(completion!.conclusion).toBe("failure");
    expect(completion!.output.title).toBe("Invalid .github/architect.yml");
    expect(completion!.output.summary).toContain("`fail_on`");
    expect(completion!.output.summary).toContain('"hgih"');
    expect(completion!.output.summary).toContain("`review_event`");
    expect(model.requests).toEqual([]);
    expect(app.outcomes).toEqual(["config-invalid"]);
  });
});
