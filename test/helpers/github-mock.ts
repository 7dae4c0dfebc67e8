import nock from "nock";
import { headSha, repo } from "./payloads.js";

const api = "https://api.github.com";
const repoPath = `/repos/${repo.owner}/${repo.repo}`;

export type Body = Record<string, unknown>;

/** Request bodies the app sent, by name, in order. */
export class Captured {
  readonly bodies = new Map<string, Body[]>();
  add(name: string, body: Body): void {
    const list = this.bodies.get(name) ?? [];
    list.push(body);
    this.bodies.set(name, list);
  }
  get(name: string): Body[] {
    return this.bodies.get(name) ?? [];
  }
}

export interface PullFixture {
  number?: number;
  sha?: string;
  state?: string;
  draft?: boolean;
  title?: string;
  body?: string;
  userType?: "User" | "Bot";
  labels?: string[];
}

/** Named mocks of the GitHub endpoints the app calls (one nock interceptor each). */
export function createGitHubMock() {
  const scope = nock(api);
  const captured = new Captured();
  /** A reply that records the request body under `name` (only when this interceptor answered). */
  const recordAndReply = (name: string, reply: Body) => async (request: Request) => {
    captured.add(name, (await request.json()) as Body);
    return reply;
  };
  const mock = {
    scope,
    captured,
    listCheckRuns(runs: Body[] = [], sha = headSha) {
      scope
        .get(`${repoPath}/commits/${sha}/check-runs`)
        .query(true)
        .reply(200, { total_count: runs.length, check_runs: runs });
      return mock;
    },
    createCheckRun(id = 5001) {
      scope.post(`${repoPath}/check-runs`).reply(201, recordAndReply("createCheckRun", { id }));
      return mock;
    },
    updateCheckRun(id = 5001, times = 1) {
      scope
        .patch(`${repoPath}/check-runs/${id}`)
        .times(times)
        .reply(200, recordAndReply("updateCheckRun", { id }));
      return mock;
    },
    getPull(pull: PullFixture = {}) {
      scope.get(`${repoPath}/pulls/${pull.number ?? 42}`).reply(200, {
        number: pull.number ?? 42,
        title: pull.title ?? "Add user search endpoint",
        body: pull.body ?? "Adds `GET /users/search`.",
        state: pull.state ?? "open",
        draft: pull.draft ?? false,
        head: { sha: pull.sha ?? headSha, ref: "feature/user-search" },
        base: { ref: "main", sha: "9f2c1e7a4b5d6c8e0f1a2b3c4d5e6f708192a3b4" },
        user: {
          login: pull.userType === "Bot" ? "dependabot[bot]" : "dana-dev",
          type: pull.userType ?? "User",
        },
        labels: (pull.labels ?? []).map((name) => ({ name })),
      });
      return mock;
    },
    /** No .github/architect.yml in the repository nor in the owner's .github repository. */
    noRepoConfig() {
      scope.get(`${repoPath}/contents/.github%2Farchitect.yml`).reply(404, { message: "Not Found" });
      scope
        .get(`/repos/${repo.owner}/.github/contents/.github%2Farchitect.yml`)
        .reply(404, { message: "Not Found" });
      return mock;
    },
    repoConfig(yaml: string) {
      // Probot's config plugin asks for the raw media type.
      scope
        .get(`${repoPath}/contents/.github%2Farchitect.yml`)
        .reply(200, yaml, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
      return mock;
    },
    listFiles(files: Body[], pullNumber = 42) {
      scope.get(`${repoPath}/pulls/${pullNumber}/files`).query(true).reply(200, files);
      return mock;
    },
    listReviews(reviews: Body[] = [], pullNumber = 42) {
      scope.get(`${repoPath}/pulls/${pullNumber}/reviews`).query(true).reply(200, reviews);
      return mock;
    },
    listReviewComments(comments: Body[] = [], pullNumber = 42) {
      scope.get(`${repoPath}/pulls/${pullNumber}/comments`).query(true).reply(200, comments);
      return mock;
    },
    createReview(pullNumber = 42, status = 200) {
      const reply =
        status === 200
          ? { id: 9001 }
          : { message: "Unprocessable Entity", errors: ["Line could not be resolved"] };
      scope
        .post(`${repoPath}/pulls/${pullNumber}/reviews`)
        .reply(status, recordAndReply("createReview", reply));
      return mock;
    },
    permission(username: string, permission: string, roleName = permission) {
      scope
        .get(`${repoPath}/collaborators/${username}/permission`)
        .reply(200, { permission, role_name: roleName, user: { login: username } });
      return mock;
    },
    reaction(commentId: number, times = 1) {
      scope
        .post(`${repoPath}/issues/comments/${commentId}/reactions`)
        .times(times)
        .reply(201, recordAndReply("reaction", { id: 1 }));
      return mock;
    },
    issueComment(issueNumber = 42) {
      scope
        .post(`${repoPath}/issues/${issueNumber}/comments`)
        .reply(201, recordAndReply("issueComment", { id: 2 }));
      return mock;
    },
    compare(base: string, head: string, reply: Body | number) {
      const interceptor = scope.get(`${repoPath}/compare/${base}...${head}`).query(true);
      if (typeof reply === "number") interceptor.reply(reply, { message: "Not Found" });
      else interceptor.reply(200, reply);
      return mock;
    },
  };
  return mock;
}

export type GitHubMock = ReturnType<typeof createGitHubMock>;
