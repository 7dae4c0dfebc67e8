import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock, type GitHubMock } from "../helpers/github-mock.js";
import { buildIssueCommentEvent, buildPullRequestEvent, headSha, repo } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

const repoPath = `/repos/${repo.owner}/${repo.repo}`;
const ordersPatch = [
  "@@ -1,2 +1,5 @@",
  " const db = require('./db');",
  "+async function listOrders(customerId) {",
  "+  return loadAllOrders(customerId);",
  "+}",
  " module.exports = { listOrders };",
].join("\n");
const files = [
  {
    filename: "src/orders.js",
    status: "modified",
    additions: 3,
    deletions: 0,
    changes: 3,
    patch: ordersPatch,
  },
];
const finding = {
  path: "src/orders.js",
  line: 3,
  severity: "medium",
  category: "performance",
  confidence: 0.9,
  title: "Unbounded query on orders",
  body: "Add a LIMIT.",
  evidence: "  return loadAllOrders(customerId);",
};
const bot = { login: "architect[bot]", type: "Bot" };

/** Runs a first review that posts the finding; returns the posted comment's body. */
async function postFirstReview(app: TestApp, github: GitHubMock): Promise<string> {
  github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles(files).listReviews();
  github.listReviewComments().createReview().updateCheckRun();
  createAnthropicMock().answer("first", [finding]);
  await app.probot.receive({
    id: "d-first",
    name: "pull_request",
    payload: buildPullRequestEvent("opened", { sha: headSha }),
  } as never);
  await app.idle();
  const review = github.captured.get("createReview")[0] as { comments: { body: string }[] };
  const body = review.comments[0]!.body;
  expect(body).toContain("Unbounded query on orders");
  return body;
}

/** Mocks a second review (`/architect full`) whose comment list is `comments`; the model reports the same problem, reworded. */
function mockSecondReview(github: GitHubMock, comments: Record<string, unknown>[]): void {
  github.noRepoConfig().permission("maintainer-max", "write").reaction(777).getPull();
  github.listCheckRuns().createCheckRun(5002).getPull().noRepoConfig().listFiles(files).listReviews();
  github.listReviewComments(comments).updateCheckRun(5002).reaction(777);
  createAnthropicMock().answer("second", [{ ...finding, title: "Query on orders has no LIMIT" }]);
}

/** The app's earlier comment, outdated (line null) so that only a dismissal keeps it from being posted again. */
function earlierComment(body: string, reactions = { "+1": 0, "-1": 0 }) {
  return { id: 10, body, path: "src/orders.js", line: null, user: bot, reactions };
}

function mockThreads(github: GitHubMock, threads: { isResolved: boolean; ids: number[] }[]) {
  const requests: unknown[] = [];
  github.scope.post("/graphql").reply(200, async (request: Request) => {
    requests.push(await request.json());
    return {
      data: {
        repository: {
          pullRequest: {
            reviewThreads: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: threads.map((t) => ({
                isResolved: t.isResolved,
                comments: { nodes: t.ids.map((id) => ({ databaseId: id })) },
              })),
            },
          },
        },
      },
    };
  });
  return requests;
}

function mockDownVotes(github: GitHubMock, commentId: number, logins: string[]) {
  github.scope
    .get(`${repoPath}/pulls/comments/${commentId}/reactions`)
    .query({ content: "-1", per_page: "100" })
    .reply(
      200,
      logins.map((login, i) => ({ id: i + 1, content: "-1", user: { login, type: "User" } })),
    );
}

async function runSecondReview(app: TestApp) {
  await app.probot.receive({
    id: "d-second",
    name: "issue_comment",
    payload: buildIssueCommentEvent("/architect full"),
  } as never);
  await app.idle();
}

function lastSummary(github: GitHubMock): string {
  return (github.captured.get("updateCheckRun").at(-1) as { output: { summary: string } }).output.summary;
}

describe("findings people dismissed are not posted again", () => {
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

  it.each([
    { name: "a 👎 by someone with write access", voter: "olga-ops", permission: "write" },
    { name: "a 👎 by the pull request's author (no permission call)", voter: "dana-dev", permission: null },
  ])("dismissed by $name", async ({ voter, permission }) => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [earlierComment(body, { "+1": 0, "-1": 1 })]);
    mockDownVotes(github, 10, [voter]);
    if (permission) github.permission(voter, permission);
    mockThreads(github, []);

    await runSecondReview(app);

    expect(github.captured.get("createReview")).toHaveLength(1);
    expect(lastSummary(github)).toContain(
      "1 finding dismissed earlier, not repeated:\n- `src/orders.js:3` — **Query on orders has no LIMIT**",
    );
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("a 👎 by someone with read access only does not dismiss: the finding is posted again", async () => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [earlierComment(body, { "+1": 0, "-1": 1 })]);
    mockDownVotes(github, 10, ["drive-by"]);
    github.permission("drive-by", "read");
    mockThreads(github, []);
    github.createReview();

    await runSecondReview(app);

    const reviews = github.captured.get("createReview") as { comments: { body: string }[] }[];
    expect(reviews).toHaveLength(2);
    expect(reviews[1]!.comments[0]!.body).toContain("Query on orders has no LIMIT");
    expect(lastSummary(github)).not.toContain("dismissed earlier");
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it.each([
    { reply: "/architect dismiss the id is validated by the router", by: "olga-ops", permission: "write" },
    { reply: "False positive: customer ids are integers here.", by: "dana-dev", permission: null },
    { reply: "Won't fix, this table has 10 rows.", by: "olga-ops", permission: "maintain" },
    { reply: "This is not an issue.", by: "olga-ops", permission: "admin" },
  ])("dismissed by a reply in its thread: $reply", async ({ reply, by, permission }) => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [
      earlierComment(body),
      {
        id: 11,
        body: reply,
        path: "src/orders.js",
        line: null,
        in_reply_to_id: 10,
        user: { login: by, type: "User" },
      },
    ]);
    if (permission) github.permission(by, permission);
    mockThreads(github, []);

    await runSecondReview(app);

    expect(github.captured.get("createReview")).toHaveLength(1);
    expect(lastSummary(github)).toContain(
      "1 finding dismissed earlier, not repeated:\n- `src/orders.js:3` — **Query on orders has no LIMIT**",
    );
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("a reply that only discusses the finding does not dismiss it", async () => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [
      earlierComment(body),
      {
        id: 11,
        body: "Is this a false positive? Not sure.",
        path: "src/orders.js",
        line: null,
        in_reply_to_id: 10,
        user: { login: "dana-dev", type: "User" },
      },
    ]);
    mockThreads(github, []);
    github.createReview();

    await runSecondReview(app);

    expect(github.captured.get("createReview")).toHaveLength(2);
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("dismissed by resolving its thread (GraphQL reviewThreads)", async () => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [earlierComment(body)]);
    const queries = mockThreads(github, [
      { isResolved: false, ids: [99] },
      { isResolved: true, ids: [10, 11] },
    ]);

    await runSecondReview(app);

    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({
      query: expect.stringContaining("reviewThreads(first: 100, after: $cursor)"),
      variables: { owner: repo.owner, repo: repo.repo, number: 42, cursor: null },
    });
    expect(github.captured.get("createReview")).toHaveLength(1);
    expect(lastSummary(github)).toContain(
      "1 finding dismissed earlier, not repeated:\n- `src/orders.js:3` — **Query on orders has no LIMIT**",
    );
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("degrades when GraphQL fails: the review completes and says what it could not read", async () => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [earlierComment(body)]);
    github.scope.post("/graphql").reply(200, { data: null, errors: [{ message: "not implemented" }] });
    github.createReview();

    await runSecondReview(app);

    expect(github.captured.get("createReview")).toHaveLength(2);
    expect(lastSummary(github)).toContain("which review threads are resolved could not be read");
    expect(github.scope.pendingMocks()).toEqual([]);
  });

  it("counts 👍/👎 per rule and category in the metrics", async () => {
    const github = createGitHubMock();
    const body = await postFirstReview(app, github);
    mockSecondReview(github, [{ ...earlierComment(body, { "+1": 2, "-1": 0 }), line: 3 }]);
    mockThreads(github, []);

    await runSecondReview(app);

    const text = await app.metrics.registry.metrics();
    expect(text).toContain('architect_finding_votes_total{rule="model",category="performance",vote="up"} 2');
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
