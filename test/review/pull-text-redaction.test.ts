import { afterEach, expect, it } from "@jest/globals";
import nock from "nock";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildPullRequestEvent } from "../helpers/payloads.js";
import { createTestApp } from "../helpers/test-app.js";

// A test key in the shape the scanner knows (not a real credential).
const token = `ghp_${"Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2"}`;

afterEach(() => nock.cleanAll());

it("redacts a secret in the pull request's title and description before the model sees them", async () => {
  nock.disableNetConnect();
  const app = await createTestApp();
  const github = createGitHubMock();
  const patch = "@@ -0,0 +1,1 @@\n+const limit = 10;";
  github.listCheckRuns().createCheckRun();
  github.getPull({ title: `Use ${token}`, body: `Deploy with:\n\n    export GITHUB_TOKEN=${token}\n` });
  github
    .noRepoConfig()
    .listFiles([
      { filename: "src/routes/a.js", status: "added", additions: 1, deletions: 0, changes: 1, patch },
    ]);
  github.listReviews().listReviewComments().updateCheckRun();
  const model = createAnthropicMock().answer("ok", []);
  await app.probot.receive({
    id: "d-s",
    name: "pull_request",
    payload: buildPullRequestEvent("opened"),
  } as never);
  await app.idle();
  await app.close();

  const prompt = JSON.stringify(model.requests[0]);
  expect(prompt).not.toContain(token);
  expect(prompt).not.toContain(token.slice(4, 20));
  expect(prompt).toContain("Use [REDACTED_SECRET]");
  expect(prompt).toContain("export GITHUB_TOKEN=[REDACTED_SECRET]");
  expect(github.scope.pendingMocks()).toEqual([]);
});
