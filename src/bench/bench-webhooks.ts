/**
 * Benchmark of webhook acknowledgement: starts the real server (`lib/main.js`) as a child process with
 * test credentials and sends signed `pull_request.opened` deliveries over loopback at increasing rates,
 * in two modes:
 * - in-process: no REDIS_URL; the process also runs the reviews, against a local GitHub stand-in that
 *   answers at once (`GHE_HOST`): an installation token, the check-run calls, and the pull request as
 *   closed, so each review ends quickly the way a real one does for a PR closed meanwhile (5 requests; the
 *   token is cached). `BENCH_GITHUB=refuse` answers 503 to everything instead (a GitHub outage: every
 *   job retries its token request and fails);
 * - in-process-review: as in-process, and all the while a review of a 3,000-file pull request (the review
 *   benchmark's synthetic one, detectors only) runs in the same process: the stand-in serves it as open,
 *   and each time its review completes a new push (new head SHA) is delivered, so one is always running.
 *   `reviews` in the table counts the large reviews completed during a step. BENCH_ANALYSIS_THREADS is
 *   passed to the server as ANALYSIS_THREADS (0: the detectors on the main thread, as before the pool);
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
import { buildSyntheticPull } from "./synthetic-pull.js";

type Mode = "in-process" | "in-process-review" | "redis";

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
  /** in-process-review: large reviews completed during the step. */
  large_reviews: number | null;
}

const host = "127.0.0.1";
const redisUrl = "redis://127.0.0.1:6379";
const webhookPath = "/api/github/webhooks";
const rates = (process.env.BENCH_RATES ?? "50,100,200,400").split(",").map((r) => Number(r.trim()));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const modes = (process.env.BENCH_MODES ?? "in-process,in-process-review,redis")
  .split(",")
  .map((m) => m.trim()) as Mode[];
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
/** The pull request a review runs on all the while in `in-process-review` mode. */
const largePullNumber = 1;

interface LargePull {
  /** Its files as `pulls.listFiles` lists them. */
  files: {
    filename: string;
    status: string;
    additions: number;
    deletions: number;
    changes: number;
    patch: string;
  }[];
  headSha: string;
  /** Large reviews completed (their check run completed). */
  completed: number;
  /** Pushes of the large pull request delivered (each enqueues a job besides the measured deliveries). */
  pushes: number;
  /** Told when a large review completed. */
  onCompleted?: () => void;
}

/**
 * A GitHub stand-in for the in-process reviews: by default it answers at once, with the pull request
 * closed (the review ends after its first steps); with `refuse`, 503 to everything. With `large`, pull
 * request #1 is open and has the large pull request's files (a first review every time: no history).
 */
async function startRefusingGitHub(
  mode: "quick" | "refuse" = "quick",
  large?: LargePull,
): Promise<{
  port: number;
  requests: () => number;
  close: () => Promise<void>;
}> {
  let requests = 0;
  const largeCheckRunId = 2;
  const server = createServer((req, res) => {
    requests += 1;
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
        res.end(JSON.stringify(data));
      };
      // With the port the client used: the `next` links below must lead back here.
      const url = new URL(req.url ?? "/", `http://${req.headers.host ?? host}`);
      const path = url.pathname;
      if (mode === "refuse") return send(503, { message: "Service Unavailable (benchmark stand-in)" });
      if (req.method === "POST" && /\/access_tokens$/.test(path)) {
        return send(201, { token: "ghs_bench", expires_at: new Date(Date.now() + 3_600_000).toISOString() });
      }
      if (req.method === "GET" && /\/check-runs$/.test(path))
        return send(200, { total_count: 0, check_runs: [] });
      if (req.method === "POST" && /\/check-runs$/.test(path)) {
        const headSha = (JSON.parse(body || "{}") as { head_sha?: string }).head_sha;
        return send(201, { id: large && headSha === large.headSha ? largeCheckRunId : 1 });
      }
      const checkRun = /\/check-runs\/(\d+)$/.exec(path);
      if (req.method === "PATCH" && checkRun) {
        const update = JSON.parse(body || "{}") as { conclusion?: string };
        if (large && Number(checkRun[1]) === largeCheckRunId && update.conclusion) {
          large.completed += 1;
          large.onCompleted?.();
        }
        return send(200, { id: Number(checkRun[1]) });
      }
      // The large pull request's conversation: findings that have no diff line are posted as a comment.
      if (large && path.endsWith(`/issues/${largePullNumber}/comments`)) {
        return req.method === "POST" ? send(201, { id: 1 }) : send(200, []);
      }
      const pull = /\/pulls\/(\d+)(\/files|\/reviews|\/comments)?$/.exec(path);
      const number = Number(pull?.[1]);
      if (large && pull && number === largePullNumber) {
        if (req.method === "GET" && !pull[2]) {
          return send(200, {
            number,
            state: "open",
            title: "Add the shop's endpoints and migrations",
            body: "",
            draft: false,
            head: { sha: large.headSha, ref: "feature/large" },
            base: { sha: "1".repeat(40), ref: "main" },
            user: { login: "dana-dev", type: "User" },
            labels: [],
          });
        }
        if (req.method === "GET" && pull[2] === "/files") {
          const page = Number(url.searchParams.get("page") ?? 1);
          const perPage = Number(url.searchParams.get("per_page") ?? 30);
          const last = Math.ceil(large.files.length / perPage);
          const next = new URL(url);
          next.searchParams.set("page", String(page + 1));
          return send(
            200,
            large.files.slice((page - 1) * perPage, page * perPage),
            page < last ? { link: `<${next.href}>; rel="next"` } : {},
          );
        }
        if (req.method === "GET") return send(200, []);
        if (req.method === "POST" && pull[2] === "/reviews") return send(200, { id: 1 });
      }
      if (req.method === "GET" && pull && !pull[2]) {
        return send(200, {
          number,
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

/** A signed `synchronize` of the large pull request to `headSha` (a push: a new review). */
function buildLargePush(template: Json, headSha: string): Delivery {
  const payload: Json = structuredClone(template);
  payload.action = "synchronize";
  payload.number = largePullNumber;
  payload.before = "0".repeat(40);
  payload.after = headSha;
  // Its own installation: Octokit's throttling spaces an installation's writes a second apart, so behind the
  // measured deliveries' thousands of check runs (installation 1) the large review would never get to run.
  payload.installation = { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  Object.assign(payload.pull_request, { number: largePullNumber, state: "open", draft: false });
  payload.pull_request.user.type = "User";
  payload.pull_request.head.sha = headSha;
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": `bench-large-${headSha.slice(0, 12)}`,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  };
}

function buildLargePull(): LargePull {
  const files = buildSyntheticPull({ count: 3_000, seed: 42 }).map((file) => ({
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    patch: file.patch,
  }));
  return { files, headSha: createHash("sha1").update("large-0").digest("hex"), completed: 0, pushes: 0 };
}

/** Delivers a push of the large pull request each time its review completes, until stopped. */
function keepLargeReviewRunning(port: number, template: Json, large: LargePull): { stop: () => void } {
  let stopped = false;
  const push = () => {
    if (stopped) return;
    large.pushes += 1;
    large.headSha = createHash("sha1").update(`large-${large.pushes}`).digest("hex");
    const delivery = buildLargePush(template, large.headSha);
    fetch(`http://${host}:${port}${webhookPath}`, {
      method: "POST",
      headers: delivery.headers,
      body: delivery.body,
    })
      .then((response) => response.body?.cancel())
      .catch((error: unknown) => console.error("large push failed", error));
  };
  large.onCompleted = push;
  push();
  return {
    stop: () => {
      stopped = true;
    },
  };
}

async function runMode(mode: Mode, template: Json, firstNumber: number): Promise<StepResult[]> {
  const port = await getFreePort();
  const large = mode === "in-process-review" ? buildLargePull() : undefined;
  const github = await startRefusingGitHub(process.env.BENCH_GITHUB === "refuse" ? "refuse" : "quick", large);
  const prefix = `bench-${randomBytes(6).toString("hex")}`;
  const redis = mode === "redis" ? new Redis(redisUrl, { maxRetriesPerRequest: 2 }) : undefined;
  const cwd = mkdtempSync(join(tmpdir(), "bench-webhooks-"));
  const env: Record<string, string> = {
    GHE_HOST: `${host}:${github.port}`,
    GHE_PROTOCOL: "http",
    JOB_ATTEMPTS: "1",
    ...(mode === "redis" ? { REDIS_URL: redisUrl, QUEUE_PREFIX: prefix } : {}),
    ...(process.env.BENCH_ANALYSIS_THREADS ? { ANALYSIS_THREADS: process.env.BENCH_ANALYSIS_THREADS } : {}),
    // One review at a time per installation: the measured deliveries' reviews (installation 1, each held about
    // two seconds by the write throttle) then leave the second review slot to the large pull request's.
    ...(large ? { INSTALLATION_CONCURRENCY: "1" } : {}),
  };
  const child = startServer({ port, env, cwd });
  const results: StepResult[] = [];
  let largeRun: { stop: () => void } | undefined;
  try {
    await waitForHealth(port, child);
    let number = firstNumber;
    // Warm-up (not reported): JIT, first connections, lazy module loading on the webhook path.
    const warmUp = buildDeliveries(template, number, 100);
    number += warmUp.length;
    await runAutocannon(port, 50, warmUp);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (large) {
      // The first large review also warms the pool up; measure from the second on.
      largeRun = keepLargeReviewRunning(port, template, large);
      const deadline = Date.now() + 120_000;
      while (large.completed < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    }
    for (const rate of rates) {
      const count = Math.round(rate * seconds);
      const deliveries = buildDeliveries(template, number, count);
      number += count;
      const queuedBefore = await readJobsQueued(port);
      const largeBefore = large?.completed ?? 0;
      const pushesBefore = large?.pushes ?? 0;
      const waitingBefore = redis ? await countBullmqWaiting(redis, prefix) : null;
      const result = await runAutocannon(port, rate, deliveries);
      // The large pull request's pushes are enqueued too: they are not deliveries of the step.
      const queuedAfter = (await readJobsQueued(port)) - ((large?.pushes ?? 0) - pushesBefore);
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
        large_reviews: large ? large.completed - largeBefore : null,
      });
      console.error(
        `${mode} ${rate}/s: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, 2xx ${result["2xx"]}, enqueued ${queuedAfter - queuedBefore}`,
      );
      // Let the server settle between steps.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    largeRun?.stop();
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
    ["reviews", (r) => r.large_reviews ?? "-"],
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
  console.log(
    "Targets: p99 ≤ 50 ms at 200/s in-process (in-process-review too, with the review running) and with Redis; accepted == enqueued",
  );
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
