import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { runAction } from "../../src/action/run-action.js";
import { AppOctokit } from "../../src/github/github-client.js";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent, headSha } from "../helpers/payloads.js";

// The GitHub Action's entry point: the workflow's pull_request event and token in, the app's review and
// check run out, through the same pipeline (nock answers as GitHub and Claude).

const usersFile = {
  filename: "src/routes/users.js",
  status: "modified",
  additions: 13,
  deletions: 0,
  changes: 13,
  patch: readFileSync(new URL("../fixtures/users-route.patch", import.meta.url), "utf8"),
};
const TestOctokit = AppOctokit.defaults((options: ConstructorParameters<typeof AppOctokit>[0]) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));
const silent = pino({ level: "silent" });

function actionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "architect-action-"));
  const eventPath = join(dir, "event.json");
  writeFileSync(eventPath, JSON.stringify(buildPullRequestEvent("opened")));
  return {
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: "777",
    GITHUB_API_URL: "https://api.github.com",
    "INPUT_GITHUB-TOKEN": "ghs_workflowtoken",
    MODEL_MAX_RETRIES: "0",
    ...extra,
  };
}

describe("the GitHub Action", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it("reviews the event's pull request with the workflow token and the model key, and posts review + check run", async () => {
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles([usersFile]).listReviews();
    github.listReviewComments().createReview().updateCheckRun();
    const model = createAnthropicMock().answer("Search builds SQL from input.", [
      {
        path: "src/routes/users.js",
        line: 11,
        severity: "high",
        category: "security",
        confidence: 0.95,
        title: "SQL injection in user search",
        body: "`q` is concatenated into the SQL text.",
      },
    ]);
    let authorization = "";
    github.scope.matchHeader("authorization", (value: string) => {
      authorization = value;
      return true;
    });

    const code = await runAction({
      env: actionEnv({ "INPUT_ANTHROPIC-API-KEY": "sk-ant-secret" }),
      Octokit: TestOctokit,
      log: silent,
    });

    expect(code).toBe(0);
    expect(authorization).toBe("token ghs_workflowtoken");
    expect(model.requests).toHaveLength(1);
    expect(github.captured.get("createCheckRun")).toEqual([
      expect.objectContaining({ name: "Backend Architect", head_sha: headSha, status: "in_progress" }),
    ]);
    const [review] = github.captured.get("createReview") as { event: string; comments: { path: string }[] }[];
    expect(review?.event).toBe("COMMENT");
    expect(review?.comments.map((c) => c.path)).toContain("src/routes/users.js");
    expect(github.captured.get("updateCheckRun")).toEqual([
      expect.objectContaining({ status: "completed", conclusion: "failure" }),
    ]);
  });

  it("runs the detectors alone without a model key, and still completes the check run", async () => {
    const github = createGitHubMock();
    github.listCheckRuns().createCheckRun().getPull().noRepoConfig().listFiles([usersFile]).listReviews();
    github.listReviewComments().createReview().updateCheckRun();

    const code = await runAction({ env: actionEnv(), Octokit: TestOctokit, log: silent });

    expect(code).toBe(0);
    const [update] = github.captured.get("updateCheckRun") as { output: { summary: string } }[];
    expect(update?.output.summary).toContain("ANTHROPIC_API_KEY");
  });

  it("refuses to run on an event that is not a pull request, saying why", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const code = await runAction({
      env: actionEnv({ GITHUB_EVENT_NAME: "push" }),
      Octokit: TestOctokit,
      log,
    });
    expect(code).toBe(1);
    expect(lines.join("")).toContain("run it on pull_request events (this run: push)");
  });
});
