import { describe, expect, it } from "@jest/globals";
import { createQueueMetricsEvents } from "../../src/ops/create-queue-metrics-events.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { buildJob } from "../queue/queue-test-kit.js";

function getValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("createMetrics", () => {
  it("keeps its metrics on its own registry, with default process metrics", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.jobsQueued.inc();

    const text = await a.registry.metrics();

    expect(getValue(text, "architect_jobs_queued_total")).toBe(1);
    expect(getValue(await b.registry.metrics(), "architect_jobs_queued_total")).toBe(0);
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("reads the queue depth on scrape, and keeps the last values when the source fails", async () => {
    const metrics = createMetrics();
    let fail = false;
    metrics.setQueueDepthSource(async () => {
      if (fail) throw new Error("Redis is down");
      return { waiting: 3, active: 1, delayed: 2 };
    });

    const first = await metrics.registry.metrics();
    fail = true;
    const second = await metrics.registry.metrics();

    for (const text of [first, second]) {
      expect(getValue(text, 'architect_queue_depth{state="waiting"}')).toBe(3);
      expect(getValue(text, 'architect_queue_depth{state="active"}')).toBe(1);
      expect(getValue(text, 'architect_queue_depth{state="delayed"}')).toBe(2);
    }
  });

  it("exposes every metric the app records", async () => {
    const metrics = createMetrics();
    metrics.modelCalls.inc({ outcome: "ok" });
    metrics.tokens.inc({ kind: "cache_read" }, 1200);
    metrics.estimatedCostUsd.inc(0.0123);
    metrics.githubApiErrors.inc({ status: "422" });
    metrics.anchorDisagreements.inc();
    metrics.findingsPosted.inc({ severity: "high", source: "model" });

    const text = await metrics.registry.metrics();

    expect(getValue(text, 'architect_model_calls_total{outcome="ok"}')).toBe(1);
    expect(getValue(text, 'architect_model_tokens_total{kind="cache_read"}')).toBe(1200);
    expect(getValue(text, "architect_model_estimated_cost_usd_total")).toBe(0.0123);
    expect(getValue(text, 'architect_github_api_errors_total{status="422"}')).toBe(1);
    expect(getValue(text, "architect_anchor_disagreements_total")).toBe(1);
    expect(getValue(text, 'architect_findings_posted_total{severity="high",source="model"}')).toBe(1);
  });
});

describe("createQueueMetricsEvents", () => {
  it("counts queue events and tracks running jobs", async () => {
    const metrics = createMetrics();
    const events = createQueueMetricsEvents(metrics);
    const job = buildJob();

    events.onQueued?.(job);
    events.onDuplicate?.(job);
    events.onSuperseded?.(job);
    events.onActive?.(job);
    events.onActive?.(job);
    events.onRetry?.(job, new Error("reset"), 10);
    events.onSettled?.(job);
    events.onCompleted?.(2_500, job);
    events.onFailed?.(true, job, new Error("404"));
    const text = await metrics.registry.metrics();

    expect(getValue(text, "architect_jobs_queued_total")).toBe(1);
    expect(getValue(text, "architect_jobs_duplicate_total")).toBe(1);
    expect(getValue(text, "architect_jobs_superseded_total")).toBe(1);
    expect(getValue(text, "architect_jobs_retried_total")).toBe(1);
    expect(getValue(text, "architect_jobs_completed_total")).toBe(1);
    expect(getValue(text, 'architect_jobs_failed_total{permanent="true"}')).toBe(1);
    expect(getValue(text, "architect_jobs_active")).toBe(1);
    expect(getValue(text, "architect_review_duration_seconds_sum")).toBe(2.5);
  });
});
