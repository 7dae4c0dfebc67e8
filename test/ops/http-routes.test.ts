import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "@jest/globals";
import { createOpsHandler, type OpsHandlerOptions } from "../../src/ops/http-routes.js";
import { createMetrics } from "../../src/ops/metrics.js";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server | undefined;

/** Serves the handler as Probot's server does: the first handler returning true answered; else 404. */
async function startServer(options: Partial<OpsHandlerOptions> = {}): Promise<string> {
  const handler = createOpsHandler({
    metrics: createMetrics(),
    isReady: async () => true,
    isShuttingDown: () => false,
    ...options,
  });
  const listening = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (!(await handler(req, res))) res.writeHead(404).end("fell through");
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    })
      .on("error", reject)
      .end();
  });
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("createOpsHandler", () => {
  it("GET /health answers ok, even when not ready", async () => {
    const base = await startServer({ isReady: async () => false, isShuttingDown: () => true });

    const reply = await get(`${base}/health`);

    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ status: "ok" });
  });

  it.each([
    { name: "ready", ready: true, shuttingDown: false, status: 200, body: { status: "ready" } },
    {
      name: "not ready",
      ready: false,
      shuttingDown: false,
      status: 503,
      body: { status: "unavailable", reason: "dependencies not ready (queue or Redis)" },
    },
    {
      name: "shutting down",
      ready: true,
      shuttingDown: true,
      status: 503,
      body: { status: "unavailable", reason: "shutting down" },
    },
  ])("GET /ready when $name", async ({ ready, shuttingDown, status, body }) => {
    const base = await startServer({ isReady: async () => ready, isShuttingDown: () => shuttingDown });

    const reply = await get(`${base}/ready`);

    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toEqual(body);
  });

  it("GET /ready answers 503 when the readiness check throws", async () => {
    const base = await startServer({
      isReady: async () => {
        throw new Error("Redis is down");
      },
    });

    expect((await get(`${base}/ready`)).status).toBe(503);
  });

  it("GET /metrics serves Prometheus text without a token configured", async () => {
    const metrics = createMetrics();
    metrics.webhooksReceived.inc({ event: "pull_request", action: "opened" });
    const base = await startServer({ metrics });

    const reply = await get(`${base}/metrics`);

    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/plain");
    expect(reply.body).toContain('architect_webhooks_received_total{event="pull_request",action="opened"} 1');
  });

  it.each([
    { name: "no header", headers: {} as Record<string, string> },
    { name: "a wrong token", headers: { authorization: "Bearer wrong" } },
    { name: "the token without Bearer", headers: { authorization: "s3cret-token" } },
  ])("GET /metrics with a token configured refuses $name", async ({ headers }) => {
    const base = await startServer({ metricsToken: "s3cret-token" });

    const reply = await get(`${base}/metrics`, headers);

    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain("architect_");
  });

  it("GET /metrics with a token configured accepts the right bearer token", async () => {
    const base = await startServer({ metricsToken: "s3cret-token" });

    const reply = await get(`${base}/metrics`, { authorization: "Bearer s3cret-token" });

    expect(reply.status).toBe(200);
    expect(reply.body).toContain("architect_jobs_queued_total");
  });

  it.each(["/", "/api/github/webhooks", "/healthz", "/metrics/extra"])(
    "lets %s fall through",
    async (path) => {
      const base = await startServer();

      const reply = await get(`${base}${path}`);

      expect(reply).toMatchObject({ status: 404, body: "fell through" });
    },
  );

  it("ignores the query string", async () => {
    const base = await startServer();

    expect((await get(`${base}/health?probe=1`)).status).toBe(200);
  });
});
