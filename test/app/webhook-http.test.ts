import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { AppOctokit } from "../../src/github/github-client.js";
import { createApp } from "../../src/index.js";
import { createMemoryUsageLimits } from "../../src/limits/usage-limits.js";
import { createQueueMetricsEvents } from "../../src/ops/create-queue-metrics-events.js";
import { createMetrics, type Metrics } from "../../src/ops/metrics.js";
import { createInProcessQueue } from "../../src/queue/in-process-queue.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import { buildPullRequestEvent } from "../helpers/payloads.js";

const secret = "webhook-test-secret";

function sign(body: string, key = secret): string {
  return `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
}

/** The app behind a real HTTP server, as `npm start` runs it in the `server` role (enqueue only). */
describe("webhooks over HTTP", () => {
  let server: Server;
  let base: string;
  let queue: JobQueue;
  let metrics: Metrics;

  beforeAll(async () => {
    // Real loopback HTTP only: no interception at all in this file.
    nock.restore();
    metrics = createMetrics();
    queue = createInProcessQueue({ concurrency: 1, events: createQueueMetricsEvents(metrics) });
    metrics.setQueueDepthSource(() => queue.getDepth());
    const probot = new Probot({
      githubToken: "test",
      secret,
      log: pino({ level: "silent" }),
      Octokit: AppOctokit.defaults((o: object) => ({
        ...o,
        retry: { enabled: false },
        throttle: { enabled: false },
      })),
    });
    const middleware = await createNodeMiddleware(
      createApp({ queue, usageLimits: createMemoryUsageLimits(), metrics, isShuttingDown: () => false }),
      { probot },
    );
    server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await queue.close(100);
    await new Promise((resolve) => server.close(resolve));
  });

  async function deliver(
    event: string,
    payload: unknown,
    options: { id: string; signature?: string | null },
  ) {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": options.id,
    };
    const signature = options.signature === undefined ? sign(body) : options.signature;
    if (signature !== null) headers["x-hub-signature-256"] = signature;
    return fetch(`${base}/api/github/webhooks`, { method: "POST", headers, body });
  }

  const waiting = async () => (await queue.getDepth()).waiting;

  it("answers a signed pull_request.opened at once and enqueues one review", async () => {
    const response = await deliver(
      "pull_request",
      buildPullRequestEvent("opened", { number: 1, sha: "a".repeat(40) }),
      {
        id: "d-1",
      },
    );
    expect(response.status).toBe(200);
    expect(await waiting()).toBe(1);
  });

  it("enqueues a redelivered webhook (same delivery, same head) only once", async () => {
    const payload = buildPullRequestEvent("opened", { number: 2, sha: "b".repeat(40) });
    expect((await deliver("pull_request", payload, { id: "d-2" })).status).toBe(200);
    expect((await deliver("pull_request", payload, { id: "d-2" })).status).toBe(200);
    expect(await waiting()).toBe(2);
  });

  it.each([
    { name: "a bad signature", signature: sign("something else") },
    { name: "a signature made with another secret", signature: undefined, key: "not-the-secret" },
    { name: "no signature", signature: null },
  ])("rejects a delivery with $name and enqueues nothing", async ({ signature, key }) => {
    const payload = buildPullRequestEvent("opened", { number: 3, sha: "c".repeat(40) });
    const body = JSON.stringify(payload);
    const response = await deliver("pull_request", payload, {
      id: "d-3",
      signature: key ? sign(body, key) : (signature ?? null),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await waiting()).toBe(2);
  });

  it("ignores unknown events and actions quietly", async () => {
    expect(
      (
        await deliver(
          "star",
          { action: "created", repository: { full_name: "acme/shop-api" } },
          { id: "d-4" },
        )
      ).status,
    ).toBe(200);
    const labeled = buildPullRequestEvent("opened", { number: 5 });
    labeled.action = "labeled";
    expect((await deliver("pull_request", labeled, { id: "d-5" })).status).toBe(200);
    expect(await waiting()).toBe(2);
  });

  it("drops a payload missing the fields it needs without crashing", async () => {
    const broken = buildPullRequestEvent("opened", { number: 6 });
    delete broken.pull_request.head;
    delete broken.installation;
    const response = await deliver("pull_request", broken, { id: "d-6" });
    expect(response.status).toBeLessThan(500);
    expect(await waiting()).toBe(2);
    // Still serving.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it("serves health, readiness and metrics", async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('architect_webhooks_received_total{event="pull_request",action="opened"}');
    expect(text).toMatch(/architect_jobs_queued_total 2\b/);
    expect(text).toMatch(/architect_jobs_duplicate_total 1\b/);
    expect(text).toMatch(/architect_queue_depth\{state="waiting"\} 2\b/);
  });
});
