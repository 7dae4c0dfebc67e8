/**
 * Benchmark of webhook acknowledgement: starts the real server (`lib/main.js`) as a child process with
 * test credentials and sends signed `pull_request.opened` deliveries over loopback at increasing rates,
 * in two modes:
 * - in-process: no REDIS_URL; the process also runs the reviews, against a local GitHub stand-in that
 *   answers at once (`GHE_HOST`): an installation token, the check-run calls, and the pull request as
 *   closed, so each review ends quickly the way a real one does for a PR closed meanwhile (5 requests; the
 *   token is cached). `BENCH_GITHUB=refuse` answers 503 to everything instead (a GitHub outage: every
 *   job retries its token request and fails);
 * - redis: REDIS_URL=redis://127.0.0.1:6379, a random QUEUE_PREFIX, role `server` (enqueue only); the
 *   keys under the prefix are deleted afterwards (SCAN + DEL).
 * Prints figures; asserts nothing.
 *
 *   npm run build && npm run bench:webhooks
 *   BENCH_RATES=50,200 BENCH_SECONDS=5 BENCH_MODES=in-process npm run bench:webhooks
 *   BENCH_SERVER_CPU_PROF_DIR=/tmp/prof npm run bench:webhooks   # a V8 CPU profile of each server run
 *
 * Each mode starts with an unreported warm-up of 100 deliveries at 50/s. Per mode and rate: p50/p99 acknowledgement latency (autocannon, corrected for coordinated omission),
 * deliveries accepted (2xx), and jobs enqueued (`architect_jobs_queued_total` from GET /metrics before and
 * after the step; in Redis mode also the growth of the BullMQ wait list). The last line of output is one
 * JSON array of `{ mode, rate, p50_ms, p99_ms, accepted, enqueued }`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, createHmac, generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { Redis } from "ioredis";

type Mode = "in-process" | "redis";

interface StepResult {
  mode: Mode;
  rate: number;
  p50_ms: number;
  p99_ms: number;
  accepted: number;
  enqueued: number;
  // Extra figures for the table.
  sent: number;
  non2xx: number;
  errors: number;
  p90_ms: number;
  max_ms: number;
  achieved_rate: number;
  bullmq_waiting: number | null;
}

const host = "127.0.0.1";
const redisUrl = "redis://127.0.0.1:6379";
const webhookPath = "/api/github/webhooks";
const rates = (process.env.BENCH_RATES ?? "50,100,200,400").split(",").map((r) => Number(r.trim()));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const modes = (process.env.BENCH_MODES ?? "in-process,redis").split(",").map((m) => m.trim()) as Mode[];
const secret = randomBytes(16).toString("hex");
const mainScript = fileURLToPath(new URL("../main.js", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: a real example payload, edited in a few known places
type Json = Record<string, any>;

function loadOpenedExample(): Json {
  const require = createRequire(import.meta.url);
  const examples = require("@octokit/webhooks-examples") as { name: string; examples: Json[] }[];
  const payload = examples
    .find((e) => e.name === "pull_request")
    ?.examples.find((e) => e.action === "opened");
  if (!payload) throw new Error("No pull_request.opened example in @octokit/webhooks-examples");
  return payload;
}

interface Delivery {
  body: string;
  headers: Record<string, string>;
}

/** One signed delivery per request: a unique delivery id, pull request number and head SHA (nothing deduplicated). */
function buildDeliveries(template: Json, firstNumber: number, count: number): Delivery[] {
  const out: Delivery[] = [];
  for (let i = 0; i < count; i++) {
    const number = firstNumber + i;
    const payload: Json = structuredClone(template);
    payload.number = number;
    payload.installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
    Object.assign(payload.pull_request, { number, state: "open", draft: false });
    payload.pull_request.user.type = "User";
    payload.pull_request.head.sha = createHash("sha1").update(`bench-${number}`).digest("hex");
    const body = JSON.stringify(payload);
    out.push({
      body,
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": `bench-${randomBytes(8).toString("hex")}-${number}`,
        "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
      },
    });
  }
  return out;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port)),
  );
}

async function getFreePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A GitHub stand-in for the in-process reviews: by default it answers at once, with the pull request
 * closed (the review ends after its first steps); with `refuse`, 503 to everything.
 */
async function startRefusingGitHub(mode: "quick" | "refuse" = "quick"): Promise<{
  port: number;
  requests: () => number;
  close: () => Promise<void>;
}> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (mode === "refuse") return send(503, { message: "Service Unavailable (benchmark stand-in)" });
    if (req.method === "POST" && /\/access_tokens$/.test(path)) {
      return send(201, { token: "ghs_bench", expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    }
    if (req.method === "GET" && /\/check-runs$/.test(path))
      return send(200, { total_count: 0, check_runs: [] });
    if (req.method === "POST" && /\/check-runs$/.test(path)) return send(201, { id: 1 });
    if (req.method === "PATCH" && /\/check-runs\/\d+$/.test(path)) return send(200, { id: 1 });
    const pull = /\/pulls\/(\d+)$/.exec(path);
    if (req.method === "GET" && pull) {
      return send(200, {
        number: Number(pull[1]),
        state: "closed",
        title: "t",
        body: "",
        draft: false,
        head: { sha: "0".repeat(40), ref: "x" },
        base: { sha: "1".repeat(40), ref: "main" },
        user: { login: "dana-dev", type: "User" },
        labels: [],
      });
    }
    send(404, { message: "Not Found" });
  });
  const port = await listen(server);
  return {
    port,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function startServer(params: { port: number; env: Record<string, string>; cwd: string }): ChildProcess {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  // A clean environment: nothing of the caller's (no ANTHROPIC_API_KEY, no REDIS_URL) leaks in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    APP_ID: "1",
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    PORT: String(params.port),
    HOST: host,
    LOG_LEVEL: "warn",
    SHUTDOWN_GRACE_MS: "2000",
    ...params.env,
  };
  const profileDir = process.env.BENCH_SERVER_CPU_PROF_DIR;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  // cwd: an empty directory, so that no .env file of the checkout is loaded.
  const child = spawn(process.execPath, [...nodeArgs, mainScript], {
    cwd: params.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  forwardLog(child.stdout, "server");
  forwardLog(child.stderr, "server");
  return child;
}

/** The server's log lines on our stderr, cut short: some (e.g. the jobs dropped at close) run to megabytes. */
function forwardLog(stream: NodeJS.ReadableStream | null, label: string): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
    process.stderr.write(
      `[${label}] ${line.length > 300 ? `${line.slice(0, 300)}… (${line.length} chars)` : line}\n`,
    );
  });
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`http://${host}:${port}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer GET /health within ${timeoutMs} ms`);
}

async function readJobsQueued(port: number): Promise<number> {
  const text = await (await fetch(`http://${host}:${port}/metrics`)).text();
  const match = /^architect_jobs_queued_total(?:\{[^}]*\})? (\d+(?:\.\d+)?)$/m.exec(text);
  return match ? Number(match[1]) : 0;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(killTimer);
}

function runAutocannon(port: number, rate: number, deliveries: Delivery[]): Promise<autocannon.Result> {
  let next = 0;
  const connections = Math.max(10, Math.ceil(rate / 5));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://${host}:${port}${webhookPath}`,
        method: "POST",
        connections,
        overallRate: rate,
        amount: deliveries.length,
        timeout: 10,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const delivery = deliveries[next++ % deliveries.length]!;
              return {
                ...request,
                method: "POST",
                path: webhookPath,
                body: delivery.body,
                headers: delivery.headers,
              };
            },
          },
        ],
      },
      (error: Error | null, result: autocannon.Result) => {
        clearTimeout(guard);
        if (error) reject(error);
        else resolve(result);
      },
    );
    // Bounded in time whatever happens.
    const guard = setTimeout(() => instance.stop(), (seconds * 3 + 30) * 1000);
  });
}

async function countBullmqWaiting(redis: Redis, prefix: string): Promise<number> {
  return redis.llen(`${prefix}:reviews:wait`);
}

async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<number> {
  let cursor = "0";
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return deleted;
}

async function runMode(mode: Mode, template: Json, firstNumber: number): Promise<StepResult[]> {
  const port = await getFreePort();
  const github = await startRefusingGitHub(process.env.BENCH_GITHUB === "refuse" ? "refuse" : "quick");
  const prefix = `bench-${randomBytes(6).toString("hex")}`;
  const redis = mode === "redis" ? new Redis(redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const cwd = mkdtempSync(join(tmpdir(), "bench-webhooks-"));
  const env: Record<string, string> = {
    GHE_HOST: `${host}:${github.port}`,
    GHE_PROTOCOL: "http",
    JOB_ATTEMPTS: "1",
    ...(mode === "redis" ? { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix } : {}),
  };
  const child = startServer({ port, env, cwd });
  const results: StepResult[] = [];
  try {
    await waitForHealth(port, child);
    let number = firstNumber;
    // Warm-up (not reported): JIT, first connections, lazy module loading on the webhook path.
    const warmUp = buildDeliveries(template, number, 100);
    number += warmUp.length;
    await runAutocannon(port, 50, warmUp);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const rate of rates) {
      const count = Math.round(rate * seconds);
      const deliveries = buildDeliveries(template, number, count);
      number += count;
      const queuedBefore = await readJobsQueued(port);
      const waitingBefore = redis ? await countBullmqWaiting(redis, prefix) : null;
      const result = await runAutocannon(port, rate, deliveries);
      const queuedAfter = await readJobsQueued(port);
      const waitingAfter = redis ? await countBullmqWaiting(redis, prefix) : null;
      results.push({
        mode,
        rate,
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        accepted: result["2xx"],
        enqueued: queuedAfter - queuedBefore,
        sent: result.requests.sent,
        non2xx: result.non2xx,
        errors: result.errors,
        p90_ms: result.latency.p90,
        max_ms: result.latency.max,
        achieved_rate: Math.round((result["2xx"] + result.non2xx) / Math.max(result.duration, 0.001)),
        bullmq_waiting: waitingBefore === null || waitingAfter === null ? null : waitingAfter - waitingBefore,
      });
      console.error(
        `${mode} ${rate}/s: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, 2xx ${result["2xx"]}, enqueued ${queuedAfter - queuedBefore}`,
      );
      // Let the server settle between steps.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    await stopServer(child);
    await github.close();
    if (redis) {
      const deleted = await deleteKeysWithPrefix(redis, prefix);
      console.error(`redis: deleted ${deleted} keys under ${prefix}:`);
      await redis.quit();
    }
    rmSync(cwd, { recursive: true, force: true });
  }
  return results;
}

function printTable(results: readonly StepResult[]): void {
  const columns: [string, (r: StepResult) => string | number][] = [
    ["mode", (r) => r.mode],
    ["rate", (r) => r.rate],
    ["achieved", (r) => r.achieved_rate],
    ["p50_ms", (r) => r.p50_ms],
    ["p90_ms", (r) => r.p90_ms],
    ["p99_ms", (r) => r.p99_ms],
    ["max_ms", (r) => r.max_ms],
    ["accepted", (r) => r.accepted],
    ["non2xx", (r) => r.non2xx],
    ["errors", (r) => r.errors],
    ["enqueued", (r) => r.enqueued],
    ["bullmq_wait+", (r) => r.bullmq_waiting ?? "-"],
    ["acc==enq", (r) => (r.accepted === r.enqueued ? "yes" : "NO")],
  ];
  const rows = [
    columns.map(([name]) => name),
    ...results.map((r) => columns.map(([, get]) => String(get(r)))),
  ];
  const widths = columns.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
}

async function main(): Promise<void> {
  const template = loadOpenedExample();
  console.log(
    `Webhook acknowledgement benchmark: signed pull_request.opened deliveries (${JSON.stringify(template).length} bytes) over loopback, ${seconds} s per rate; Node ${process.version}`,
  );
  const results: StepResult[] = [];
  let firstNumber = 100_000;
  for (const mode of modes) {
    results.push(...(await runMode(mode, template, firstNumber)));
    firstNumber += 1_000_000;
  }
  console.log("");
  printTable(results);
  console.log("");
  console.log("Targets: p99 ≤ 50 ms at 200/s in-process, ≤ 100 ms with Redis; accepted == enqueued");
  console.log(
    JSON.stringify(
      results.map((r) => ({
        mode: r.mode,
        rate: r.rate,
        p50_ms: r.p50_ms,
        p99_ms: r.p99_ms,
        accepted: r.accepted,
        enqueued: r.enqueued,
      })),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
