import { pino } from "pino";
import { Probot } from "probot";
import { deriveMarkerKey, type MarkerAuth } from "../../src/findings/markers.js";
import { AppOctokit } from "../../src/github/github-client.js";
import { createApp } from "../../src/index.js";
import { createMemoryUsageLimits } from "../../src/limits/usage-limits.js";
import { createReviewModel } from "../../src/model/review-model.js";
import { createVoteRecorder } from "../../src/ops/create-vote-recorder.js";
import { createMetrics, type Metrics } from "../../src/ops/metrics.js";
import { recordContextMetrics } from "../../src/ops/record-context-metrics.js";
import { createInProcessQueue } from "../../src/queue/in-process-queue.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import { createReviewProcessor } from "../../src/review/create-review-processor.js";
import type { ContextDeps } from "../../src/review/gather-context.js";
import type { ReviewOutcome } from "../../src/review/run-review.js";

/** The marker key of the test app; `testMarkerAuth` signs markers as the app would for acme/shop-api#42… */
export const testMarkerKey = deriveMarkerKey("test-app marker secret");
export function testMarkerAuth(pullNumber: number, owner = "acme", repo = "shop-api"): MarkerAuth {
  return { key: testMarkerKey, scope: { owner, repo, pullNumber } };
}

export interface TestApp {
  probot: Probot;
  queue: JobQueue;
  metrics: Metrics;
  usageLimits: ReturnType<typeof createMemoryUsageLimits>;
  outcomes: ReviewOutcome[];
  /** Resolves once no job is waiting, delayed or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app as deployed (in-process queue, real Anthropic SDK client, Probot's Octokit), with retries and
 * throttling off so that nock sees exactly the requests the app makes.
 */
export async function createTestApp(
  options: {
    modelRetries?: number;
    apiKey?: string | null;
    attempts?: number;
    identity?: { botLogin?: string; appId?: number };
    /** Repository context (off when absent, so other tests need no tree or blob mocks). */
    context?: ContextDeps;
  } = {},
): Promise<TestApp> {
  const metrics = createMetrics();
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const queue = createInProcessQueue({
    concurrency: 2,
    attempts: options.attempts ?? 1,
    backoffMs: 1,
    logger: log,
  });
  const outcomes: ReviewOutcome[] = [];
  const usageLimits = createMemoryUsageLimits();
  const Octokit = AppOctokit.defaults((o: object) => ({
    ...o,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  const probot = new Probot({ githubToken: "test", Octokit, log });
  const apiKey = options.apiKey === undefined ? "test-anthropic-key" : options.apiKey;
  const model = apiKey
    ? createReviewModel({
        apiKey,
        model: "claude-sonnet-5-5",
        maxTokens: 4096,
        timeoutMs: 5_000,
        maxRetries: options.modelRetries ?? 0,
      })
    : null;
  await probot.load(
    createApp({
      queue,
      usageLimits,
      metrics,
      isShuttingDown: () => false,
      createProcessor: (getOctokit) =>
        createReviewProcessor({
          getOctokit,
          model,
          log,
          markerKey: testMarkerKey,
          settings: {
            defaultModel: "claude-sonnet-5-5",
            tokenBudget: 60_000,
            maxModelCalls: 8,
            maxAttempts: options.attempts ?? 1,
          },
          onOutcome: (outcome) => outcomes.push(outcome),
          // The same hooks as src/main.ts: votes on earlier findings, the context metrics of each review.
          metrics: {
            onEarlierFindingsSeen: createVoteRecorder(metrics.findingVotes),
            onContext: (report) => recordContextMetrics(metrics, report),
          },
          ...(options.identity ? { identity: options.identity } : {}),
          ...(options.context ? { context: options.context } : {}),
          onTokensUsed: (installationId, tokens) => usageLimits.addTokens(installationId, tokens),
          checkBudget: (installationId, budget) => usageLimits.checkBudget(installationId, budget),
          tryStartCooldown: (pullKey, seconds) => usageLimits.tryStartCooldown(pullKey, seconds),
        }),
    }),
    // No HTTP server in these tests: the ops routes are tested on their own.
    { cwd: process.cwd(), addHandler: () => {} },
  );
  return {
    probot,
    queue,
    metrics,
    usageLimits,
    outcomes,
    async idle() {
      for (let i = 0; i < 1000; i += 1) {
        const depth = await queue.getDepth();
        if (depth.waiting + depth.active + depth.delayed === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error("The queue did not become idle within 10 s");
    },
    close: () => queue.close(1000),
  };
}
