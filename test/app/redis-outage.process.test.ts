import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import nock from "nock";
import { buildPullRequestEvent } from "../helpers/payloads.js";
import { createTestPrefix, deleteKeysWithPrefix, redisUrl } from "../queue/redis-test-keys.js";

/**
 * The built app (`node lib/main.js`, role `server`) started with REDIS_URL pointing at a closed port;
 * later a TCP proxy to the real Redis opens on that port. `npm test` builds first.
 */
const secret = "redis-outage-secret";
const metricsToken = "redis-outage-metrics-token";
const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});

async function getFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Forwards every connection on `port` to the test Redis (127.0.0.1:6379). */
async function startRedisProxy(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(6379, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function startApp(env: Record<string, string>): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ["lib/main.js"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function status(port: number, path: string): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) })).status;
}

async function deliverOpened(port: number, number: number, deliveryId: string): Promise<Response> {
  const sha = createHmac("sha1", "sha").update(String(number)).digest("hex");
  const body = JSON.stringify(buildPullRequestEvent("opened", { number, sha }));
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": deliveryId,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
    // GitHub gives up after 10 s; the answer must come without waiting for Redis.
    signal: AbortSignal.timeout(5_000),
  });
}

async function readMetrics(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  return response.text();
}

describe("Redis down at start (REDIS_URL set, nothing listening)", () => {
  const children: ChildProcess[] = [];
  const prefix = createTestPrefix();
  let proxy: { close(): Promise<void> } | undefined;
  beforeAll(() => nock.restore());
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
    await proxy?.close();
  });
  afterAll(() => deleteKeysWithPrefix(prefix));

  it("listens at once (/health 200, /ready 503), holds deliveries up to REDIS_OUTAGE_BUFFER, refuses the rest with 503, and queues the held ones exactly once when Redis comes", async () => {
    const port = await getFreePort();
    const redisPort = await getFreePort();
    const app = startApp({
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      HOST: "127.0.0.1",
      PORT: String(port),
      GHE_HOST: "127.0.0.1:9",
      GHE_PROTOCOL: "http",
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      QUEUE_PREFIX: prefix,
      REDIS_OUTAGE_BUFFER: "2",
      METRICS_TOKEN: metricsToken,
    });
    children.push(app);

    await waitFor("/health", async () => (await status(port, "/health")) === 200);
    expect(await status(port, "/ready")).toBe(503);

    const first = await deliverOpened(port, 71, "outage-1");
    const second = await deliverOpened(port, 72, "outage-2");
    const again = await deliverOpened(port, 71, "outage-1-redelivered");
    const third = await deliverOpened(port, 73, "outage-3");
    expect([first.status, second.status, again.status, third.status]).toEqual([200, 200, 200, 503]);
    expect(await third.text()).toContain("Redis is unreachable");
    const metrics = await readMetrics(port);
    expect(metrics).toContain('architect_redis_outage_deliveries_total{outcome="held"} 2');
    expect(metrics).toContain('architect_redis_outage_deliveries_total{outcome="refused"} 1');
    expect(app.exitCode).toBeNull();
    const log = app.output.join("");
    expect(log.match(/delivery buffer is full/g)).toHaveLength(1);
    expect(log).not.toContain("Unhandled error event");

    proxy = await startRedisProxy(redisPort);
    await waitFor("/ready", async () => (await status(port, "/ready")) === 200);
    const redis = new Redis(redisUrl);
    const queue = new Queue("reviews", { connection: redis, prefix });
    try {
      await waitFor("the held deliveries in the queue", async () => (await queue.getWaitingCount()) === 2);
      // A redelivery after the drain is a duplicate, not a second job.
      expect((await deliverOpened(port, 72, "outage-2-redelivered")).status).toBe(200);
      const jobs = await queue.getJobs(["waiting", "prioritized", "delayed", "active"]);
      expect(jobs.map((job) => job.data.deliveryId).sort()).toEqual(["outage-1", "outage-2"]);
      expect(jobs.map((job) => job.data.pullNumber).sort()).toEqual([71, 72]);
      await waitFor("the drain log", async () => app.output.join("").includes("Redis connection is back"));
    } finally {
      await queue.close();
      await redis.quit();
    }
    expect(app.exitCode).toBeNull();
  }, 60_000);
});
