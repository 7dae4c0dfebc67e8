import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { buildReviewCommentReplyEvent, repo } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const repoPath = `/repos/${repo.owner}/${repo.repo}`;
const findingBody = [
  "**🟡 Medium · Performance** — Unbounded query on orders",
  "Add a LIMIT.",
  "<sub>Backend Architect · confidence 90%</sub>",
  "<!-- backend-architect:finding fp=0123456789abcdef -->",
].join("\n\n");
const diffHunk =
  "@@ -1,2 +1,5 @@\n const db = require('./db');\n+async function listOrders(customerId) {\n+  return loadAllOrders(customerId);";

function buildComment(id: number, body: string, user: { login: string; type: string }, extra = {}) {
  return { id, body, path: "src/orders.js", line: 3, diff_hunk: diffHunk, user, ...extra };
}

/** GET …/pulls/42/comments: the app reads the thread's comments from the pull request's list. */
function mockComments(github: GitHubMock, comments: Record<string, unknown>[]) {
  github.listReviewComments(comments);
}

function mockReaction(github: GitHubMock, commentId: number) {
  github.scope
    .post(`${repoPath}/pulls/comments/${commentId}/reactions`)
    .reply(201, async (request: Request) => {
      github.captured.add(`reaction:${commentId}`, (await request.json()) as Record<string, unknown>);
      return { id: 1 };
    });
}

function mockThreadReply(github: GitHubMock) {
  github.scope.post(`${repoPath}/pulls/42/comments/10/replies`).reply(201, async (request: Request) => {
    github.captured.add("threadReply", (await request.json()) as Record<string, unknown>);
    return { id: 999 };
  });
}

const bot = { login: "architect[bot]", type: "Bot" };
const asker = { login: "maintainer-max", type: "User" };

describe("/architect replies in the threads of the app's comments", () => {
  let app: TestApp;
  beforeEach(async () => {
    nock.disableNetConnect();
    app = await createTestApp();
  });
  afterEach(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("answers a question in the same thread, with the finding, its code and the question in the prompt", async () => {
    const github = createGitHubMock();
    const question = "/architect why is this a problem? The table has 20 rows.";
    const thread = [
      buildComment(5, "an unrelated comment", asker),
      buildComment(10, findingBody, bot),
      buildComment(888, question, asker, { in_reply_to_id: 10 }),
    ];
    mockComments(github, thread); // handler: is this our finding?
    github.noRepoConfig().permission("maintainer-max", "write");
    mockReaction(github, 888); // 👀
    mockComments(github, thread); // worker: the reply and the finding
    mockThreadReply(github);
    mockReaction(github, 888); // 🚀
    const model = nock("https://api.anthropic.com");
    const prompts: Record<string, unknown>[] = [];
    model.post("/v1/messages").reply(200, async (request: Request) => {
      prompts.push((await request.json()) as Record<string, unknown>);
      return {
        id: "msg_1",
        type: "message",
        role: "assistant",
        model: "claude-sonnet-5-5",
        stop_reason: "end_turn",
        stop_sequence: null,
        content: [
          {
            type: "text",
            text: "With 20 rows it is fine today; cc @octocat see [docs](https://evil.example).",
          },
        ],
        usage: {
          input_tokens: 500,
          output_tokens: 60,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
        },
      };
    });

    await app.probot.receive({
      id: "d-reply",
      name: "pull_request_review_comment",
      payload: buildReviewCommentReplyEvent(question),
    } as never);
    await app.idle();

    expect(prompts).toHaveLength(1);
    expect(prompts[0]).not.toHaveProperty("tools");
    const user = (prompts[0]!.messages as { content: string }[])[0]!.content;
    expect(user).toContain("Unbounded query on orders");
    expect(user).toContain("return loadAllOrders(customerId);");
    expect(user).toContain("The table has 20 rows.");
    expect(user).not.toContain("backend-architect:finding");
    const [posted] = github.captured.get("threadReply") as { body: string }[];
    expect(posted!.body).toContain("With 20 rows it is fine today");
    expect(posted!.body).toContain("`@octocat`");
    expect(posted!.body).not.toMatch(/\]\(https:\/\/evil/);
    expect(github.captured.get("reaction:888")).toEqual([{ content: "eyes" }, { content: "rocket" }]);
    expect(github.scope.pendingMocks()).toEqual([]);
    expect(model.pendingMocks()).toEqual([]);
  });

  it("refuses someone without an allowed permission, in the thread, without asking the model", async () => {
    const github = createGitHubMock();
    mockComments(github, [buildComment(10, findingBody, bot)]);
    github.noRepoConfig().permission("maintainer-max", "read");
    mockThreadReply(github);

    await app.probot.receive({
      id: "d-refused",
      name: "pull_request_review_comment",
      payload: buildReviewCommentReplyEvent("/architect explain"),
    } as never);
    await app.idle();

    const [posted] = github.captured.get("threadReply") as { body: string }[];
    expect(posted!.body).toContain("only people with admin, maintain, write permission");
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("a second question within the cooldown is answered with the time to wait", async () => {
    const github = createGitHubMock();
    mockComments(github, [buildComment(10, findingBody, bot)]);
    github.noRepoConfig().permission("maintainer-max", "write");
    await app.usageLimits.tryStartCooldown(`${repo.owner}/${repo.repo}#42#thread`, 60);
    mockThreadReply(github);

    await app.probot.receive({
      id: "d-cool",
      name: "pull_request_review_comment",
      payload: buildReviewCommentReplyEvent("/architect explain"),
    } as never);
    await app.idle();

    const [posted] = github.captured.get("threadReply") as { body: string }[];
    expect(posted!.body).toMatch(/less than 60 s ago\. Try again after \d{4}-/);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("acknowledges `/architect dismiss` with 👍 and asks no model", async () => {
    const github = createGitHubMock();
    mockComments(github, [buildComment(10, findingBody, bot)]);
    mockReaction(github, 888);

    await app.probot.receive({
      id: "d-dismiss",
      name: "pull_request_review_comment",
      payload: buildReviewCommentReplyEvent("/architect dismiss rows are capped by the schema"),
    } as never);
    await app.idle();

    expect(github.captured.get("reaction:888")).toEqual([{ content: "+1" }]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it.each([
    { name: "a reply that is not a command", body: "thanks!", root: findingBody, rootUser: bot, calls: 0 },
    {
      name: "a command in a thread a person started",
      body: "/architect explain",
      root: "nice",
      rootUser: asker,
      calls: 1,
    },
    {
      name: "a command under a bot comment without finding marker",
      body: "/architect explain",
      root: "hello",
      rootUser: bot,
      calls: 1,
    },
  ])("ignores $name", async ({ body, root, rootUser, calls }) => {
    const github = createGitHubMock();
    if (calls > 0) mockComments(github, [buildComment(10, root, rootUser)]);

    await app.probot.receive({
      id: "d-ignored",
      name: "pull_request_review_comment",
      payload: buildReviewCommentReplyEvent(body),
    } as never);
    await app.idle();

    expect(github.scope.pendingMocks()).toEqual([]);
    expect(github.captured.bodies.size).toBe(0);
  });
});
