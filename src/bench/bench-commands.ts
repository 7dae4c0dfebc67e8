/**
 * Benchmark of a burst of `/architect` commands: starts the real server (`lib/main.js`, in-process
 * queue, role `all`) with test credentials against a local GitHub stand-in that answers every request
 * after BENCH_GITHUB_DELAY_MS (default 300 ms, a slow GitHub), then sends BENCH_COMMANDS (default 20)
 * signed `issue_comment.created` deliveries (`/architect` on one pull request, one comment id each) at
 * once, and prints each delivery's answer time, p50/max, and how many GitHub requests the stand-in had
 * received while the burst was answered (the in-process worker's, since the handler sends none). Asserts nothing.
 *
 *   npm run build && npm run bench:commands
 *   BENCH_SERVER_SCRIPT=/path/to/other/lib/main.js npm run bench:commands   # compare another build
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const host = "127.0.0.1";
const count = Number(process.env.BENCH_COMMANDS ?? 20);
const delayMs = Number(process.env.BENCH_GITHUB_DELAY_MS ?? 300);
const mainScript = process.env.BENCH_SERVER_SCRIPT ?? fileURLToPath(new URL("../main.js", import.meta.url));
const secret = randomBytes(16).toString("hex");

// biome-ignore lint/suspicious/noExplicitAny: a real example payload, edited in a few known places
type Json = Record<string, any>;

function buildDelivery(template: Json, commentId: number): { body: string; headers: Record<string, string> } {
  const payload = structuredClone(template);
  payload.comment.id = commentId;
  payload.comment.body = "/architect";
  payload.comment.user = { ...payload.comment.user, login: "maintainer-max", type: "User" };
  payload.issue.number = 42;
  payload.issue.pull_request ??= { url: "https://api.github.com/repos/acme/shop-api/pulls/42" };
  payload.installation = { id: 1 };
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "issue_comment",
      "x-github-delivery": `bench-cmd-${randomBytes(6).toString("hex")}-${commentId}`,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port)),
  );
}

/** A slow GitHub: a token, `write` permission, 404 for other reads, 201 for writes — after `delayMs`. */
async function startSlowGitHub(): Promise<{ server: Server; port: number; requests: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on("end", () => {
      setTimeout(() => {
        const path = new URL(req.url ?? "/", `http://${host}`).pathname;
        const send = (status: number, data: unknown) =>
          res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(data));
        if (req.method === "POST" && path.endsWith("/access_tokens"))
          return send(201, {
            token: "ghs_bench",
            expires_at: new Date(Date.now() + 3_600_000).toISOString(),
          });
        if (path.endsWith("/permission")) return send(200, { permission: "write", role_name: "write" });
        if (req.method === "GET") return send(404, { message: "Not Found" });
        return send(201, { id: 1 });
      }, delayMs);
    });
  });
  return { server, port: await listen(server), requests: () => requests };
}

async function getFreePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const ok = await fetch(`http://${host}:${port}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("The server did not answer GET /health within 30 s");
}

async function main(): Promise<void> {
  const require = createRequire(import.meta.url);
  const examples = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
  const template = examples
    .find((example) => example.name === "issue_comment")
    ?.examples.find((example) => example.action === "created");
  if (!template) throw new Error("No issue_comment.created example");
  const github = await startSlowGitHub();
  const port = await getFreePort();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const cwd = mkdtempSync(join(tmpdir(), "bench-commands-"));
  const child = spawn(process.execPath, [mainScript], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      PORT: String(port),
      HOST: host,
      LOG_LEVEL: "error",
      SHUTDOWN_GRACE_MS: "1000",
      JOB_ATTEMPTS: "1",
      GHE_HOST: `${host}:${github.port}`,
      GHE_PROTOCOL: "http",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(port, child);
    // Warm-up (not reported): one delivery, so lazy loading on the webhook path is not counted.
    const warm = buildDelivery(template, 1);
    await fetch(`http://${host}:${port}/api/github/webhooks`, { method: "POST", ...warm });
    await new Promise((resolve) => setTimeout(resolve, delayMs * 10));
    const before = github.requests();
    const deliveries = Array.from({ length: count }, (_, i) => buildDelivery(template, 1000 + i));
    const started = performance.now();
    const results = await Promise.all(
      deliveries.map(async (delivery) => {
        const response = await fetch(`http://${host}:${port}/api/github/webhooks`, {
          method: "POST",
          ...delivery,
        });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    const githubDuringBurst = github.requests() - before;
    const times = results.map((result) => result.ms).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    console.log(
      `server: ${mainScript}; GitHub stand-in delay ${delayMs} ms; ${count} deliveries sent at once`,
    );
    console.log(
      results.map((result, i) => `#${i + 1} ${result.status} ${result.ms.toFixed(1)} ms`).join("\n"),
    );
    console.log(
      JSON.stringify({
        deliveries: count,
        statuses: [...new Set(results.map((result) => result.status))],
        p50_ms: Number(at(0.5).toFixed(1)),
        max_ms: Number(at(1).toFixed(1)),
        github_requests_during_burst: githubDuringBurst,
      }),
    );
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    github.server.closeAllConnections();
    github.server.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

await main();
