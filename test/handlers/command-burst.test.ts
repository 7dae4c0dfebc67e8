import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { Probot } from "probot";
import { AppOctokit } from "../../src/github/github-client.js";
import { createApp } from "../../src/index.js";
import { createMemoryUsageLimits } from "../../src/limits/usage-limits.js";
import { createReviewModel } from "../../src/model/review-model.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { createInProcessQueue } from "../../src/queue/in-process-queue.js";
import type { ReviewJob } from "../../src/queue/review-job.js";
import { createReviewProcessor } from "../../src/review/create-review-processor.js";
import type { ReviewOutcome } from "../../src/review/run-review.js";
import { createAnthropicMock } from "../helpers/anthropic-mock.js";
import { createGitHubMock } from "../helpers/github-mock.js";
import { buildIssueCommentEvent } from "../helpers/payloads.js";

const patch = "@@ -1,1 +1,2 @@\n const a = 1;\n+const b = 2;";
const file = { filename: "src/server.js", status: "modified", additions: 1, deletions: 0, changes: 1, patch };
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

/**
 * The webhook phase and the job phase apart: the handler runs against an enqueue-only queue (no
 * worker), with no nock scope at all, so any GitHub request it made would fail the delivery.
 */
async function createEnqueueOnlyApp() {
  const queue = createInProcessQueue({ concurrency: 1, attempts: 1, backoffMs: 1, logger: log });
  const usageLimits = createMemoryUsageLimits();
  const enqueued: ReviewJob[] = [];
  const observed = {
    ...queue,
    enqueue: async (job: ReviewJob) => {
      enqueued.push(job);
      return queue.enqueue(job);
    },
  };
  const Octokit = AppOctokit.defaults((o: object) => ({
    ...o,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  const probot = new Probot({ githubToken: "test", Octokit, log });
  await probot.load(
    createApp({ queue: observed, usageLimits, metrics: createMetrics(), isShuttingDown: () => false }),
    { cwd: process.cwd(), addHandler: () => {} },
  );
  return { probot, queue, usageLimits, enqueued };
}

describe("a burst of /architect commands", () => {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
  let close: () => Promise<void> = async () => {};
  beforeEach(() => {
    nock.disableNetConnect();
    unmatched.length = 0;
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(async () => {
    await close();
    nock.emitter.removeListener("no match", onNoMatch);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("is answered by the handler without any GitHub request, and coalesced into one review by the job", async () => {
    const app = await createEnqueueOnlyApp();
    close = () => app.queue.close(1_000);
    const commands = ["/architect", "/architect full", "/architect security", "/architect help"];
    for (const [index, body] of commands.entries()) {
      await app.probot.receive({
        id: `burst-${index}`,
        name: "issue_comment",
        payload: buildIssueCommentEvent(body, { commentId: 801 + index }),
      } as never);
    }
    // Handler phase: every delivery enqueued a command job, and not one HTTP request was attempted.
    expect(unmatched).toEqual([]);
    expect(app.enqueued.map((job) => ({ key: job.key, headSha: job.headSha, command: job.command }))).toEqual(
      [
        { key: "cmd:801", headSha: "", command: { kind: "review" } },
        { key: "cmd:802", headSha: "", command: { kind: "review" } },
        { key: "cmd:803", headSha: "", command: { kind: "review" } },
        { key: "cmd:804", headSha: "", command: { kind: "help" } },
      ],
    );
    expect(app.enqueued.map((job) => [job.scope, job.focus])).toEqual([
      ["auto", []],
      ["full", []],
      ["auto", ["security"]],
      ["auto", []],
    ]);
    expect(await app.queue.getDepth()).toEqual({ waiting: 4, active: 0, delayed: 0 });

    // Job phase: the first command is checked and reviewed; the next two are refused by the cooldown
    // (one polite reply each), the help is answered. Exactly these requests, in any order.
    const github = createGitHubMock();
    github.noRepoConfig().permission("maintainer-max", "write").reaction(801).getPull();
    github
      .listCheckRuns()
      .createCheckRun()
      .getPull()
      .noRepoConfig()
      .listFiles([file])
      .listReviews()
      .listReviewComments()
      .updateCheckRun()
      .reaction(801);
    for (let i = 0; i < 3; i += 1) github.noRepoConfig().permission("maintainer-max", "write").issueComment();
    const model = createAnthropicMock().answer("ok", []);
    const outcomes: ReviewOutcome[] = [];
    await app.queue.startWorker(
      createReviewProcessor({
        getOctokit: async () => (await app.probot.auth()) as never,
        model: createReviewModel({
          apiKey: "test-anthropic-key",
          model: "claude-sonnet-5-5",
          maxTokens: 4096,
          timeoutMs: 5_000,
          maxRetries: 0,
        }),
        log,
        settings: {
          defaultModel: "claude-sonnet-5-5",
          tokenBudget: 60_000,
          maxModelCalls: 8,
          maxAttempts: 1,
        },
        onOutcome: (outcome) => outcomes.push(outcome),
        checkBudget: (installationId, budget) => app.usageLimits.checkBudget(installationId, budget),
        tryStartCooldown: (pullKey, seconds) => app.usageLimits.tryStartCooldown(pullKey, seconds),
      }),
    );
    for (let i = 0; i < 1000; i += 1) {
      const depth = await app.queue.getDepth();
      if (depth.waiting + depth.active + depth.delayed === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    expect(outcomes).toEqual(["no-findings"]);
    expect(model.requests).toHaveLength(1);
    expect(github.captured.get("reaction")).toEqual([{ content: "eyes" }, { content: "rocket" }]);
    const replies = (github.captured.get("issueComment") as { body: string }[]).map((reply) => reply.body);
    expect(replies).toHaveLength(3);
    expect(replies.filter((body) => /less than 60 s ago\. Try again after \d{4}-/.test(body))).toHaveLength(
      2,
    );
    expect(replies.filter((body) => body.includes("/architect full"))).toHaveLength(1);
    expect(unmatched).toEqual([]);
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
