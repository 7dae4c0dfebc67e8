import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { type FakeGitHubState, startFakeGitHub, startFakeModel } from "../helpers/fake-services.js";
import { buildPullRequestEvent } from "../helpers/payloads.js";
import { deleteKeysWithPrefix } from "../queue/redis-test-keys.js";

/**
 * The built app as deployed (`node lib/main.js`, `--worker`), against a local GitHub and a local
 * model: graceful shutdown, and a worker killed mid-review. `npm test` builds first (pretest).
 */
const headSha = "b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3b3";
const patch =
  "@@ -1,2 +1,5 @@\n const { pool } = require('../db');\n+router.get('/export', async (req, res) => {\n+  const { rows } = await pool.query('SELECT id FROM orders WHERE account_id = ' + req.query.account);\n+  res.json(rows);\n+});\n module.exports = router;";
const files = [
  { filename: "src/routes/orders.js", status: "modified", additions: 4, deletions: 0, changes: 4, patch },
];
const finding = {
  path: "src/routes/orders.js",
  line: 3,
  severity: "high",
  category: "security",
  confidence: 0.9,
  title: "SQL injection in order export",
  body: "Use a parameter.",
};
const secret = "process-test-secret";
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

function startApp(args: string[], env: Record<string, string>): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, ["lib/main.js", ...args], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function waitForHealth(port: number): Promise<void> {
  await waitFor(`the app on port ${port}`, async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
    } catch {
      return false;
    }
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

async function deliverOpened(port: number): Promise<Response> {
  const body = JSON.stringify(buildPullRequestEvent("opened", { number: 60, sha: headSha }));
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": randomBytes(8).toString("hex"),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
  });
}

const isCompleted = (state: FakeGitHubState) =>
  state.checkRuns.length > 0 && state.checkRuns.every((r) => r.status === "completed");

describe("the app as a process", () => {
  const children: ChildProcess[] = [];
  beforeAll(() => nock.restore());
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("on SIGTERM finishes the running review, posts it, and exits 0", async () => {
    const github = await startFakeGitHub({ number: 60, headSha, files });
    const model = await startFakeModel({ findings: [finding], first: { delayMs: 1500 } });
    const port = await getFreePort();
    const app = startApp([], {
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
      HOST: "127.0.0.1",
      GHE_HOST: github.url.replace("http://", ""),
      GHE_PROTOCOL: "http",
      ANTHROPIC_API_KEY: "test-key",
      ANTHROPIC_BASE_URL: model.url,
      SHUTDOWN_GRACE_MS: "10000",
    });
    children.push(app);
    try {
      await waitForHealth(port);
      expect((await deliverOpened(port)).status).toBe(200);
      await model.onRequest; // the review is now waiting for the model
      app.kill("SIGTERM");
      expect(await exitOf(app)).toBe(0);
      expect(github.state.reviews).toHaveLength(1);
      expect(github.state.checkRuns).toEqual([
        expect.objectContaining({ status: "completed", conclusion: "failure" }),
      ]);
      expect(app.output.join("")).toContain("Shut down cleanly");
    } finally {
      await github.close();
      await model.close();
    }
  }, 60_000);

  describe("with Redis", () => {
    const prefix = `test-process-${process.pid}-${randomBytes(4).toString("hex")}`;
    afterAll(() => deleteKeysWithPrefix(prefix));

    it("a worker killed mid-review (SIGKILL) is replaced; the review is posted exactly once", async () => {
      const github = await startFakeGitHub({ number: 60, headSha, files });
      const model = await startFakeModel({ findings: [finding], first: "hold" });
      const port = await getFreePort();
      const env = {
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: secret,
        HOST: "127.0.0.1",
        GHE_HOST: github.url.replace("http://", ""),
        GHE_PROTOCOL: "http",
        ANTHROPIC_API_KEY: "test-key",
        ANTHROPIC_BASE_URL: model.url,
        REDIS_URL: "redis://127.0.0.1:6379",
        QUEUE_PREFIX: prefix,
        QUEUE_LOCK_MS: "2000",
        QUEUE_STALLED_INTERVAL_MS: "1000",
      };
      const server = startApp([], { ...env, PORT: String(port) });
      const worker1 = startApp(["--worker"], env);
      children.push(server, worker1);
      try {
        await waitForHealth(port);
        expect((await deliverOpened(port)).status).toBe(200);
        await model.onRequest; // worker 1 is mid-review, waiting for the model
        worker1.kill("SIGKILL");
        await exitOf(worker1);
        const worker2 = startApp(["--worker"], env);
        children.push(worker2);
        await waitFor(
          "the review of the second worker",
          () => isCompleted(github.state) && github.state.reviews.length > 0,
          30_000,
        );
        // Settle: nothing else is posted.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(github.state.reviews).toHaveLength(1);
        expect(github.state.checkRuns).toEqual([
          expect.objectContaining({ status: "completed", conclusion: "failure" }),
        ]);
        expect(model.requests).toBe(2);
        worker2.kill("SIGTERM");
        server.kill("SIGTERM");
        expect(await exitOf(worker2)).toBe(0);
        expect(await exitOf(server)).toBe(0);
      } finally {
        await github.close();
        await model.close();
      }
    }, 60_000);
  });
});
