import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { injectionCorpus } from "../fixtures/injection-corpus.js";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { findMarkdownHazards } from "../helpers/markdown-hazards.js";
import { buildIssueCommentEvent, buildPullRequestEvent } from "../helpers/payloads.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

/** What GitHub would act on in posted Markdown (rendered): mentions, links, images, raw HTML, comments. */
function findLiveProblems(markdown: string): string[] {
  return findMarkdownHazards(markdown, { owner: "acme", repo: "shop-api", allowTrailingMarker: true });
}

const invisible = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u{e0000}-\u{e007f}]/u;

describe("prompt injection through the whole pipeline", () => {
  let app: TestApp;
  beforeEach(() => nock.disableNetConnect());
  afterEach(async () => {
    await app?.close();
    nock.cleanAll();
  });

  const contentCases = injectionCorpus.filter((c) =>
    ["title", "description", "code", "filename"].includes(c.where),
  );
  it.each(contentCases)(
    "pull-request $where: $name — fenced as data, hidden carriers removed, nothing live posted",
    async (attempt) => {
      app = await createTestApp();
      const github = createGitHubMock();
      const path =
        attempt.where === "filename"
          ? `src/routes/${attempt.text.replace(/\n/g, " ")}.js`
          : "src/routes/admin.js";
      const code = attempt.where === "code" ? attempt.text.split("\n") : ["const limit = 10;"];
      const patch = `@@ -0,0 +1,${code.length} @@\n${code.map((line) => `+${line}`).join("\n")}`;
      github.listCheckRuns().createCheckRun();
      github.getPull({
        title: attempt.where === "title" ? attempt.text : "Admin tweaks",
        body: attempt.where === "description" ? attempt.text : "Small change.",
      });
      github.noRepoConfig().listFiles([
        {
          filename: path,
          status: "added",
          additions: code.length,
          deletions: 0,
          changes: code.length,
          patch,
        },
      ]);
      github.listReviews().listReviewComments().updateCheckRun();
      const model = createAnthropicMock().answer("Nothing to flag.", []);

      await app.probot.receive({
        id: "d-inj",
        name: "pull_request",
        payload: buildPullRequestEvent("opened"),
      } as never);
      await app.idle();

      expect(model.requests).toHaveLength(1);
      const request = model.requests[0] as { system: { text: string }[]; messages: { content: string }[] };
      const prompt = request.messages[0]!.content;
      // The system prompt (the only instructions) never carries pull-request text.
      expect(request.system.map((b) => b.text).join("\n")).not.toContain(attempt.text.slice(0, 30));
      // Hidden carriers are gone; visible ones are shown as markers (Trojan Source) or removed.
      expect(prompt).not.toMatch(invisible);
      expect(prompt).not.toMatch(/<!--/);
      // Each fence opens and closes exactly once with its own nonce: the data cannot close it early.
      for (const label of ["pull_request", "diff"]) {
        const opens = [...prompt.matchAll(new RegExp(`<untrusted_${label} id="([0-9a-f]+)">`, "g"))];
        expect(opens).toHaveLength(1);
        const closes = prompt.split(`</untrusted_${label} id="${opens[0]![1]}">`).length - 1;
        expect(closes).toBe(1);
      }
      const [completion] = github.captured.get("updateCheckRun") as { output: { summary: string } }[];
      expect(findLiveProblems(completion!.output.summary)).toEqual([]);
      expect(github.scope.pendingMocks()).toEqual([]);
    },
  );

  const commentCases = injectionCorpus.filter((c) => c.where === "comment");
  it.each(commentCases)(
    "comment: $name — only the command word is read; the text never reaches the model",
    async (attempt) => {
      app = await createTestApp();
      const github = createGitHubMock();
      github.noRepoConfig().permission("maintainer-max", "write").issueComment();
      const model = createAnthropicMock();
      await app.probot.receive({
        id: "d-c",
        name: "issue_comment",
        payload: buildIssueCommentEvent(attempt.text),
      } as never);
      await app.idle();
      expect(model.requests).toEqual([]);
      for (const reply of github.captured.get("issueComment") as { body: string }[]) {
        expect(findLiveProblems(reply.body)).toEqual([]);
      }
      nock.cleanAll();
    },
  );

  const outputCases = injectionCorpus.filter((c) => c.where === "model-output");
  it.each(outputCases)(
    "model output: $name — posted without live mentions, outside links, HTML or forged markers",
    async (attempt) => {
      app = await createTestApp();
      const github = createGitHubMock();
      const patch = "@@ -0,0 +1,2 @@\n+const a = 1;\n+const b = 2;";
      github.listCheckRuns().createCheckRun().getPull().noRepoConfig();
      github.listFiles([
        { filename: "src/server.js", status: "added", additions: 2, deletions: 0, changes: 2, patch },
      ]);
      github.listReviews().listReviewComments().createReview().updateCheckRun();
      createAnthropicMock().answer(attempt.text, [
        {
          path: "src/server.js",
          line: 1,
          severity: "medium",
          category: "security",
          confidence: 0.9,
          title: attempt.text.split("\n")[0]!.slice(0, 120),
          body: attempt.text,
        },
        {
          path: "src/elsewhere.js",
          line: 9,
          severity: "low",
          category: "security",
          confidence: 0.9,
          title: "Off the diff",
          body: attempt.text,
        },
      ]);

      await app.probot.receive({
        id: "d-out",
        name: "pull_request",
        payload: buildPullRequestEvent("opened"),
      } as never);
      await app.idle();

      const [review] = github.captured.get("createReview") as {
        event: string;
        body: string;
        comments: { body: string }[];
      }[];
      expect(review!.event).toBe("COMMENT");
      expect(findLiveProblems(review!.body)).toEqual([]);
      for (const comment of review!.comments) expect(findLiveProblems(comment.body)).toEqual([]);
      // Only the app's own marker, once.
      expect(review!.body.match(/<!-- backend-architect:review /g)).toHaveLength(1);
      const [completion] = github.captured.get("updateCheckRun") as { output: { summary: string } }[];
      expect(findLiveProblems(completion!.output.summary)).toEqual([]);
    },
  );
});
