import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { pino } from "pino";
import { createNodeMiddleware, Probot, run } from "probot";
import { createPoolAnalyzer } from "./analysis/create-pool-analyzer.js";
import { createTokenCalibrator } from "./budget/estimate-tokens.js";
import { getWebhookSecretProblem } from "./config/check-webhook-secret.js";
import { getRole, loadEnv } from "./config/env.js";
import { createContextDeps } from "./context/create-context-deps.js";
import { deriveMarkerKey } from "./findings/markers.js";
import { AppOctokit, type GitHubClient } from "./github/github-client.js";
import { getAppBotLogin } from "./github/reviews.js";
import { createApp } from "./index.js";
import { createMemoryUsageLimits, createRedisUsageLimits } from "./limits/usage-limits.js";
import { getModelProviderConfig } from "./model/model-provider-config.js";
import { createReviewModel } from "./model/review-model.js";
import { buildStartupChecks, getGitHubBaseUrl, getTokenRefusalProblem } from "./ops/build-startup-checks.js";
import { loadPrivateKey } from "./ops/check-credentials.js";
import { createQueueMetricsEvents } from "./ops/create-queue-metrics-events.js";
import { createRedisQueue } from "./ops/create-redis-queue.js";
import { createVoteRecorder } from "./ops/create-vote-recorder.js";
import { createWebhookServer } from "./ops/create-webhook-server.js";
import { createOpsHandler } from "./ops/http-routes.js";
import { createMetrics } from "./ops/metrics.js";
import { recordContextMetrics } from "./ops/record-context-metrics.js";
import { runStartupChecks } from "./ops/run-startup-checks.js";
import { createStartupState } from "./ops/startup-state.js";
import { useEnvProxy } from "./ops/use-env-proxy.js";
import { createConcurrencyLimiter } from "./queue/concurrency-limiter.js";
import { createInProcessQueue } from "./queue/in-process-queue.js";
import { createReviewProcessor } from "./review/create-review-processor.js";
import { countSecondLookOutcomes } from "./review/take-second-look.js";
import { logRedactPaths } from "./security/log-redaction.js";
import { serializeErrorForLog } from "./security/serialize-error-for-log.js";

/**
 * Process entry. Roles: `server` receives webhooks and enqueues; `worker` (`npm run worker`) runs
 * reviews from Redis; `all` does both (the default without REDIS_URL, or APP_ROLE=all).
 * SIGTERM/SIGINT: stop taking webhooks and jobs, let running reviews finish within SHUTDOWN_GRACE_MS,
 * hand unfinished ones back, close Redis, exit 0.
 */
async function main(argv: string[], processEnv: NodeJS.ProcessEnv): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = loadEnv(processEnv);
  const proxied = await useEnvProxy(processEnv);
  const role = getRole(env, argv);
  if (role !== "worker") {
    const problem = getWebhookSecretProblem(processEnv);
    if (problem) throw new Error(problem);
  }
  const log = pino({
    name: "backend-architect",
    level: processEnv.LOG_LEVEL ?? "info",
    redact: { paths: logRedactPaths, censor: "[redacted]" },
    // Errors carry requests, responses and webhook payloads; messages and stacks can quote tokens or keys:
    // only the error's own fields are logged, masked.
    serializers: { err: serializeErrorForLog },
  });
  const metrics = createMetrics();
  const queueOptions = {
    concurrency: env.REVIEW_CONCURRENCY,
    perInstallationLimit: env.INSTALLATION_CONCURRENCY,
    attempts: env.JOB_ATTEMPTS,
    backoffMs: env.JOB_BACKOFF_MS,
    logger: log.child({ component: "queue" }),
    events: createQueueMetricsEvents(metrics),
  };
  const queue = env.REDIS_URL
    ? createRedisQueue({
        ...queueOptions,
        connection: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        lockDurationMs: env.QUEUE_LOCK_MS,
        stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
        outageBuffer: env.REDIS_OUTAGE_BUFFER,
        metrics,
      })
    : createInProcessQueue(queueOptions);
  metrics.setQueueDepthSource(() => queue.getDepth());
  const usageLimits = env.REDIS_URL
    ? createRedisUsageLimits({ redis: env.REDIS_URL, prefix: `${env.QUEUE_PREFIX}:limits:` })
    : createMemoryUsageLimits();
  const context = createContextDeps(env, log);
  const modelCalls = createConcurrencyLimiter(env.MODEL_CONCURRENCY);
  const tokenCalibrator = createTokenCalibrator();
  const modelProvider = getModelProviderConfig(env);
  const model =
    "config" in modelProvider
      ? createReviewModel({
          provider: modelProvider.config,
          model: env.ANTHROPIC_MODEL,
          maxTokens: env.MODEL_MAX_TOKENS,
          timeoutMs: env.MODEL_TIMEOUT_MS,
          maxRetries: env.MODEL_MAX_RETRIES,
          limit: (fn) => modelCalls.run(fn),
        })
      : null;
  if ("missing" in modelProvider) {
    log.warn(`${modelProvider.missing}: reviews will run the rule-based detectors only`);
  }

  // Start-up checks (key parses, GitHub knows the app, the model id exists) feed /ready; see src/ops/.
  if (proxied) log.info("Outbound HTTP goes through HTTPS_PROXY/HTTP_PROXY (NO_PROXY honoured)");
  const startup = createStartupState();
  const privateKey = loadPrivateKey(processEnv, process.cwd());
  void runStartupChecks({
    checks: buildStartupChecks({
      appId: processEnv.APP_ID,
      privateKey,
      githubBaseUrl: getGitHubBaseUrl(processEnv),
      askGitHub: env.STARTUP_GITHUB_APP_CHECK,
      Octokit: AppOctokit,
      model:
        "config" in modelProvider
          ? { provider: modelProvider.config, model: env.ANTHROPIC_MODEL }
          : undefined,
    }),
    state: startup,
    log,
  });

  // The secret scan and the detectors run in worker threads in the processes that review (not in a
  // `server`, which only enqueues), so that a large review neither delays webhook answers nor idles a core.
  // A process that also answers webhooks (`all`) leaves one core to its main thread.
  const analysisThreads =
    env.ANALYSIS_THREADS ??
    (role === "all" ? Math.max(1, availableParallelism() - 1) : availableParallelism());
  const analyzer =
    role !== "server" && analysisThreads > 0
      ? createPoolAnalyzer({ threads: analysisThreads, memoryTargetMb: env.ANALYSIS_MEMORY_TARGET_MB })
      : undefined;

  const appId = Number(processEnv.APP_ID) || undefined;
  // Markers are authenticated with a key only this app holds: MARKER_SECRET (survives a key rotation),
  // else the private key, else the webhook secret.
  const markerSecret =
    processEnv.MARKER_SECRET ||
    (privateKey.ok ? privateKey.privateKey : "") ||
    processEnv.WEBHOOK_SECRET ||
    "";
  const markerKey = markerSecret ? deriveMarkerKey(markerSecret) : undefined;
  if (!markerKey)
    log.warn("No MARKER_SECRET, PRIVATE_KEY or WEBHOOK_SECRET: review markers last one process");
  let botLogin: Promise<string | undefined> | undefined;
  const createProcessor = (auth: (installationId?: number) => Promise<GitHubClient>) =>
    createReviewProcessor({
      getOctokit: async (installationId) => {
        const octokit = await auth(installationId);
        octokit.hook.after("request", (response) => {
          const remaining = Number(response.headers["x-ratelimit-remaining"]);
          const resource = String(response.headers["x-ratelimit-resource"] ?? "core");
          if (Number.isFinite(remaining)) metrics.githubRateLimitRemaining.set({ resource }, remaining);
        });
        octokit.hook.error("request", (error) => {
          metrics.githubApiErrors.inc({ status: String((error as { status?: number }).status ?? "network") });
          const refused = getTokenRefusalProblem(error);
          if (refused && startup.getProblem() !== refused) {
            startup.set("github-app", refused);
            log.error(refused);
          }
          throw error;
        });
        return octokit;
      },
      // Asked once per process: the app's slug does not change.
      getIdentity: async (job) => {
        botLogin ??= auth().then((appOctokit) => getAppBotLogin(appOctokit, job));
        return { appId, botLogin: await botLogin };
      },
      model,
      log,
      ...(markerKey ? { markerKey } : {}),
      settings: {
        defaultModel: env.ANTHROPIC_MODEL,
        tokenBudget: env.REVIEW_TOKEN_BUDGET,
        maxModelCalls: env.REVIEW_MAX_MODEL_CALLS,
        maxAttempts: env.JOB_ATTEMPTS,
        verifierModel: env.VERIFIER_MODEL,
      },
      metrics: {
        onModelCalls: (calls, failed) => {
          metrics.modelCalls.inc({ outcome: "ok" }, calls - failed);
          if (failed > 0) metrics.modelCalls.inc({ outcome: "failed" }, failed);
        },
        onModelUsage: (usage, costUsd) => {
          metrics.tokens.inc({ kind: "input" }, usage.input);
          metrics.tokens.inc({ kind: "output" }, usage.output);
          metrics.tokens.inc({ kind: "cache_read" }, usage.cacheRead);
          metrics.tokens.inc({ kind: "cache_write" }, usage.cacheWrite);
          metrics.estimatedCostUsd.inc(costUsd);
        },
        onAnchorDisagreements: (count) => metrics.anchorDisagreements.inc(count),
        onFindingsPosted: (findings) => {
          for (const f of findings) metrics.findingsPosted.inc({ severity: f.severity, source: f.source });
        },
        onEarlierFindingsSeen: createVoteRecorder(metrics.findingVotes),
        onContext: (report) => recordContextMetrics(metrics, report),
        onSecondLook: (report) => {
          const { outcomes, withdrawnBySeverity } = countSecondLookOutcomes(report);
          for (const [outcome, n] of Object.entries(outcomes))
            if (n > 0) metrics.secondLookFindings.inc({ outcome }, n);
          for (const [severity, n] of Object.entries(withdrawnBySeverity))
            metrics.findingsWithdrawn.inc({ severity }, n);
        },
      },
      tokenCalibrator,
      context,
      ...(analyzer ? { analyzer } : {}),
      onTokensUsed: (installationId, tokens) => usageLimits.addTokens(installationId, tokens),
      checkBudget: (installationId, budget) => usageLimits.checkBudget(installationId, budget),
      tryStartCooldown: (pullKey, seconds) => usageLimits.tryStartCooldown(pullKey, seconds),
    });

  let shuttingDown = false;
  const isShuttingDown = () => shuttingDown;
  let stopServer: () => Promise<void> = async () => {};

  if (role === "worker") {
    if (!processEnv.APP_ID || !privateKey.ok) {
      throw new Error(
        `A worker needs APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) to authenticate as the app${privateKey.ok ? "" : `: ${privateKey.problem}`}`,
      );
    }
    const probot = new Probot({
      appId: processEnv.APP_ID,
      privateKey: privateKey.privateKey,
      baseUrl: getGitHubBaseUrl(processEnv),
      Octokit: AppOctokit,
      log,
    });
    await queue.startWorker(createProcessor(async (id?: number) => (await probot.auth(id)) as GitHubClient));
    if (processEnv.PORT) {
      const ops = createOpsHandler({
        metrics,
        isReady: () => queue.isReady(),
        isShuttingDown,
        getStartupProblem: startup.getProblem,
        metricsToken: env.METRICS_TOKEN,
      });
      const server = createServer(async (req, res) => {
        if (!(await ops(req, res))) res.writeHead(404).end();
      });
      server.listen(Number(processEnv.PORT), processEnv.HOST ?? "localhost");
      stopServer = () => new Promise((resolve) => server.close(() => resolve()));
    }
    log.info({ role }, "Worker started");
  } else {
    const app = createApp({
      queue,
      usageLimits,
      metrics,
      isShuttingDown,
      getStartupProblem: startup.getProblem,
      metricsToken: env.METRICS_TOKEN,
      ...(role === "all" ? { createProcessor } : {}),
    });
    if (processEnv.APP_ID && privateKey.ok && !processEnv.WEBHOOK_PROXY_URL) {
      // Our own HTTP server in front of Probot's middleware: it refuses oversized webhooks before Probot
      // buffers them to check their signature, and logs deliveries without their payload.
      const probot = new Probot({
        appId: processEnv.APP_ID,
        // The key as checked (quotes from `docker run --env-file` stripped, base64 decoded).
        privateKey: privateKey.privateKey,
        secret: processEnv.WEBHOOK_SECRET,
        baseUrl: processEnv.GHE_HOST
          ? `${processEnv.GHE_PROTOCOL || "https"}://${processEnv.GHE_HOST}/api/v3`
          : "https://api.github.com",
        Octokit: AppOctokit,
        log,
      });
      const webhookPath = processEnv.WEBHOOK_PATH || "/api/github/webhooks";
      const middleware = await createNodeMiddleware(app, { probot, webhooksPath: webhookPath });
      const server = createWebhookServer({ middleware, webhookPath, log: log.child({ component: "http" }) });
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(Number(processEnv.PORT) || 3000, processEnv.HOST || "localhost", () => resolve());
      });
      stopServer = () => new Promise((resolve) => server.close(() => resolve()));
    } else {
      // Development: Probot's setup flow (no app yet) or a webhook proxy (smee).
      const server = await run(app, {
        // Probot would use REDIS_URL for its own throttling cluster (and fetch ioredis at run time): the
        // queue owns Redis here; GitHub throttling stays per process, keyed per installation.
        env: {
          ...processEnv,
          REDIS_URL: undefined,
          ...(privateKey.ok ? { PRIVATE_KEY: privateKey.privateKey } : {}),
        },
        Octokit: AppOctokit,
        log,
      });
      // run() installs a SIGINT handler that exits at once; ours drains first.
      process.removeAllListeners("SIGINT");
      stopServer = () => server.stop();
    }
    log.info({ role }, "Server started");
  }

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal, graceMs: env.SHUTDOWN_GRACE_MS }, "Shutting down: no new webhooks or jobs");
    try {
      await stopServer();
      await queue.close(env.SHUTDOWN_GRACE_MS);
      await usageLimits.close();
      await context.cache.close();
      await analyzer?.close();
      log.info("Shut down cleanly");
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "Shutdown failed");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main(process.argv.slice(2), process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
