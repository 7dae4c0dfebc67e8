import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { QueueDepth } from "../queue/job-queue.js";

export type TokenKind = "input" | "output" | "cache_read" | "cache_write";

/** Typed handles on the app's metrics; one `Metrics` per process, on its own registry. */
export interface Metrics {
  registry: Registry;
  webhooksReceived: Counter<"event" | "action">;
  jobsQueued: Counter;
  jobsDuplicate: Counter;
  jobsSuperseded: Counter;
  jobsCompleted: Counter;
  /** `permanent`: "true" for errors retrying cannot fix, "false" when retries ran out. */
  jobsFailed: Counter<"permanent">;
  jobsRetried: Counter;
  jobsActive: Gauge;
  /** Set on every scrape from the callback given to `setQueueDepthSource`. */
  queueDepth: Gauge<"state">;
  reviewDuration: Histogram;
  modelCalls: Counter<"outcome">;
  tokens: Counter<"kind">;
  estimatedCostUsd: Counter;
  githubApiErrors: Counter<"status">;
  /** `x-ratelimit-remaining` of the last GitHub response, by `x-ratelimit-resource` (core, graphql…). */
  githubRateLimitRemaining: Gauge<"resource">;
  /** Webhook deliveries whose handler threw (Probot answered 500). */
  webhookErrors: Counter<"event">;
  /** Deliveries held in memory while Redis was unreachable (`held`) or refused with 503, buffer full (`refused`). */
  redisOutageDeliveries: Counter<"outcome">;
  /** A finding whose model-given line differs from the line its evidence is on. */
  anchorDisagreements: Counter;
  findingsPosted: Counter<"severity" | "source">;
  /** Estimated tokens of repository context sent to the model, by kind (enclosing, definition, ...). */
  contextTokens: Counter<"kind">;
  /** Blob reads for context: `hit` from the blob cache, `miss` fetched from GitHub. */
  contextBlobReads: Counter<"result">;
  /** GitHub requests spent on context (tree listings and blobs). */
  contextGithubRequests: Counter;
  /** Context lost: `tree`, `assembly`, `secret_scan` (no context at all), `read_error`, `request_budget` (per file). */
  contextFailures: Counter<"reason">;
  /** Secrets redacted from repository context and tool results before they reached the model. */
  contextSecretsRedacted: Counter;
  /** 👍/👎 people gave the app's line comments, by rule (`model` for the model's own) and category. */
  findingVotes: Counter<"vote" | "rule" | "category">;
  /** Findings sent to the second look, by what became of them: kept, lowered, withdrawn, unverified (call failed). */
  secondLookFindings: Counter<"outcome">;
  /** Findings withdrawn by the second look (not posted), by their severity before. */
  findingsWithdrawn: Counter<"severity">;
  /** Where `queueDepth` comes from (e.g. `() => queue.getDepth()`). A failing source leaves the last values. */
  setQueueDepthSource(source: () => Promise<QueueDepth>): void;
}

/**
 * Creates the metrics on a fresh registry (not prom-client's global one, so tests and several apps in
 * one process do not collide), with Node's default process metrics.
 *
 * @example
 * const metrics = createMetrics();
 * metrics.setQueueDepthSource(() => queue.getDepth());
 * metrics.webhooksReceived.inc({ event: "pull_request", action: "opened" });
 */
export function createMetrics(options: { prefix?: string } = {}): Metrics {
  const prefix = options.prefix ?? "architect_";
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let depthSource: (() => Promise<QueueDepth>) | undefined;

  const queueDepth = new Gauge<"state">({
    name: `${prefix}queue_depth`,
    help: "Jobs in the review queue by state (waiting, active, delayed), read on scrape",
    labelNames: ["state"],
    registers,
    async collect() {
      if (!depthSource) return;
      try {
        const depth = await depthSource();
        this.set({ state: "waiting" }, depth.waiting);
        this.set({ state: "active" }, depth.active);
        this.set({ state: "delayed" }, depth.delayed);
      } catch {
        // Keep the last values: a scrape must not fail because Redis blinked; readiness reports that.
      }
    },
  });

  return {
    registry,
    webhooksReceived: new Counter({
      name: `${prefix}webhooks_received_total`,
      help: "Webhook deliveries received",
      labelNames: ["event", "action"],
      registers,
    }),
    jobsQueued: new Counter({ name: `${prefix}jobs_queued_total`, help: "Review jobs enqueued", registers }),
    jobsDuplicate: new Counter({
      name: `${prefix}jobs_duplicate_total`,
      help: "Review jobs not enqueued because their key was already enqueued",
      registers,
    }),
    jobsSuperseded: new Counter({
      name: `${prefix}jobs_superseded_total`,
      help: "Review jobs dropped or stopped because a newer head SHA of the pull request arrived",
      registers,
    }),
    jobsCompleted: new Counter({
      name: `${prefix}jobs_completed_total`,
      help: "Review jobs completed",
      registers,
    }),
    jobsFailed: new Counter({
      name: `${prefix}jobs_failed_total`,
      help: "Review jobs failed for good",
      labelNames: ["permanent"],
      registers,
    }),
    jobsRetried: new Counter({
      name: `${prefix}jobs_retried_total`,
      help: "Review job retries scheduled",
      registers,
    }),
    jobsActive: new Gauge({
      name: `${prefix}jobs_active`,
      help: "Review jobs running in this process",
      registers,
    }),
    queueDepth,
    reviewDuration: new Histogram({
      name: `${prefix}review_duration_seconds`,
      help: "Duration of a review job run",
      buckets: [1, 5, 10, 20, 30, 60, 120, 300, 600],
      registers,
    }),
    modelCalls: new Counter({
      name: `${prefix}model_calls_total`,
      help: "Calls to the model by outcome",
      labelNames: ["outcome"],
      registers,
    }),
    tokens: new Counter({
      name: `${prefix}model_tokens_total`,
      help: "Model tokens by kind (input, output, cache_read, cache_write)",
      labelNames: ["kind"],
      registers,
    }),
    estimatedCostUsd: new Counter({
      name: `${prefix}model_estimated_cost_usd_total`,
      help: "Estimated model cost in US dollars",
      registers,
    }),
    githubApiErrors: new Counter({
      name: `${prefix}github_api_errors_total`,
      help: "GitHub API errors by HTTP status",
      labelNames: ["status"],
      registers,
    }),
    githubRateLimitRemaining: new Gauge({
      name: `${prefix}github_rate_limit_remaining`,
      help: "GitHub API requests left in the current rate-limit window (last response seen), by resource",
      labelNames: ["resource"],
      registers,
    }),
    redisOutageDeliveries: new Counter({
      name: `${prefix}redis_outage_deliveries_total`,
      help: "Deliveries that arrived while Redis was unreachable: held in memory, or refused (503) with the buffer full",
      labelNames: ["outcome"],
      registers,
    }),
    webhookErrors: new Counter({
      name: `${prefix}webhook_errors_total`,
      help: "Webhook deliveries whose handler failed, by event",
      labelNames: ["event"],
      registers,
    }),
    anchorDisagreements: new Counter({
      name: `${prefix}anchor_disagreements_total`,
      help: "Findings whose model-given line differs from their evidence's line",
      registers,
    }),
    findingsPosted: new Counter({
      name: `${prefix}findings_posted_total`,
      help: "Findings posted by severity and source",
      labelNames: ["severity", "source"],
      registers,
    }),
    contextTokens: new Counter({
      name: `${prefix}context_tokens_total`,
      help: "Estimated tokens of repository context sent to the model, by kind",
      labelNames: ["kind"],
      registers,
    }),
    contextBlobReads: new Counter({
      name: `${prefix}context_blob_reads_total`,
      help: "Blob reads for repository context: hit (blob cache) or miss (fetched from GitHub)",
      labelNames: ["result"],
      registers,
    }),
    contextGithubRequests: new Counter({
      name: `${prefix}context_github_requests_total`,
      help: "GitHub requests spent on repository context (tree listings and blobs)",
      registers,
    }),
    contextFailures: new Counter({
      name: `${prefix}context_failures_total`,
      help: "Repository context lost, by reason (tree, assembly, secret_scan, read_error, request_budget)",
      labelNames: ["reason"],
      registers,
    }),
    contextSecretsRedacted: new Counter({
      name: `${prefix}context_secrets_redacted_total`,
      help: "Secrets redacted from repository context and tool results before they reached the model",
      registers,
    }),
    findingVotes: new Counter({
      name: `${prefix}finding_votes_total`,
      help: "Thumbs up/down people gave the app's line comments, by rule (model: the model's own) and category; counted when a review reads them",
      labelNames: ["vote", "rule", "category"],
      registers,
    }),
    secondLookFindings: new Counter({
      name: `${prefix}second_look_findings_total`,
      help: "Findings given a second look, by outcome (kept, lowered, withdrawn, unverified)",
      labelNames: ["outcome"],
      registers,
    }),
    findingsWithdrawn: new Counter({
      name: `${prefix}findings_withdrawn_total`,
      help: "Findings withdrawn by the second look (not posted), by severity",
      labelNames: ["severity"],
      registers,
    }),
    setQueueDepthSource(source) {
      depthSource = source;
    },
  };
}
