import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { type BullmqQueueOptions, createBullmqQueue } from "../../src/queue/bullmq-queue.js";
import { type JobQueue, SupersededAbort } from "../../src/queue/job-queue.js";
import type { ReviewJob } from "../../src/queue/review-job.js";
import { runJobQueueConformance } from "./job-queue.conformance.js";
import { buildJob, createDeferred, recordEvents, sleep, waitFor, whenAborted } from "./queue-test-kit.js";
import { createTestPrefix, deleteKeysWithPrefix, redisUrl } from "./redis-test-keys.js";

/** Short timings for tests: production defaults are 30 s locks and 15 s stalled checks. */
const testTimings = {
  lockDurationMs: 5_000,
  stalledIntervalMs: 1_000,
  installationRetryMs: 20,
  supersedeCheckMs: 50,
  abortWaitMs: 100,
} satisfies Partial<BullmqQueueOptions>;

/** Queues on one fresh prefix, closed and their keys deleted by `cleanup`. */
function createBackend() {
  const prefix = createTestPrefix();
  const queues: JobQueue[] = [];
  return {
    prefix,
    createQueue(options: Partial<BullmqQueueOptions> = {}): JobQueue {
      const queue = createBullmqQueue({ connection: redisUrl, prefix, ...testTimings, ...options });
      queues.push(queue);
      return queue;
    },
    async cleanup(): Promise<void> {
      await Promise.all(queues.map((queue) => queue.close(0)));
      await deleteKeysWithPrefix(prefix);
    },
  };
}

runJobQueueConformance("createBullmqQueue", () => {
  const backend = createBackend();
  return {
    createQueue: (options) => backend.createQueue(options),
    async getDepthAfterClose() {
      const observer = backend.createQueue();
      return observer.getDepth();
    },
    cleanup: () => backend.cleanup(),
  };
});

describe("createBullmqQueue across processes", () => {
  let backend: ReturnType<typeof createBackend>;
  let recorder: ReturnType<typeof recordEvents>;

  beforeEach(() => {
    backend = createBackend();
    recorder = recordEvents();
  });

  afterEach(async () => {
    await backend.cleanup();
  });

  it("uses job ids BullMQ accepts (no ':') that name the pull request and key", async () => {
    const queue = backend.createQueue();

    const { jobId } = await queue.enqueue(buildJob({ key: "cmd:42" }));

    expect(jobId).not.toContain(":");
    expect(jobId).toMatch(/^acme\/api#1@cmd%3A42~[0-9a-z]+$/);
  });

  it("dedupes between a web process and another web process", async () => {
    const web1 = backend.createQueue();
    const web2 = backend.createQueue();

    const first = await web1.enqueue(buildJob());
    const second = await web2.enqueue(buildJob());

    expect(second).toEqual({ status: "duplicate", jobId: first.jobId });
  });

  it("aborts a running job superseded by an enqueue in another process", async () => {
    const web = backend.createQueue();
    const worker = backend.createQueue({ events: recorder.events });
    const started = createDeferred();
    let reason: unknown;
    await worker.startWorker(async (job, ctx) => {
      if (job.headSha !== "old") return;
      started.resolve();
      await whenAborted(ctx.signal);
      reason = ctx.signal.reason;
    });

    await web.enqueue(buildJob({ headSha: "old" }));
    await started.promise;
    await web.enqueue(buildJob({ headSha: "new" }));
    await waitFor("both jobs", () => recorder.count("settled") === 2);

    expect(reason).toBeInstanceOf(SupersededAbort);
  });

  it("caps an installation across workers", async () => {
    const workers = [
      backend.createQueue({ concurrency: 2, perInstallationLimit: 1, events: recorder.events }),
      backend.createQueue({ concurrency: 2, perInstallationLimit: 1, events: recorder.events }),
    ];
    let active = 0;
    let maxActive = 0;
    const processor = async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      await sleep(50);
      active -= 1;
    };
    for (const worker of workers) await worker.startWorker(processor);

    for (const pullNumber of [1, 2, 3, 4]) await workers[0]?.enqueue(buildJob({ pullNumber }));
    await waitFor("all jobs", () => recorder.count("completed") === 4, 20_000);

    expect(maxActive).toBe(1);
    expect(recorder.count("retry")).toBe(0);
  });

  it("hands the job of a SIGKILLed worker to another worker, which completes it once", async () => {
    const queueName = "reviews";
    const timings = { lockDurationMs: 1_000, stalledIntervalMs: 200 };
    const queue = backend.createQueue({ queueName, ...timings, events: recorder.events });
    const { jobId } = await queue.enqueue(buildJob());
    const child = spawnCrashingWorker({ prefix: backend.prefix, queueName, ...timings });
    try {
      await waitForOutput(child, `started ${jobId}`);
    } finally {
      child.kill("SIGKILL");
    }
    await once(child, "exit");

    const runs: string[] = [];
    await queue.startWorker(async (_job: ReviewJob, ctx) => {
      runs.push(ctx.jobId);
    });
    await waitFor("the job to complete after the crash", () => recorder.count("completed") === 1, 20_000);
    await queue.close(1_000);

    expect(runs).toEqual([jobId]);
    const inspector = new Queue(queueName, { connection: new Redis(redisUrl), prefix: backend.prefix });
    try {
      const bullJob = await inspector.getJob(jobId);
      expect(await bullJob?.getState()).toBe("completed");
      expect(bullJob?.stalledCounter).toBe(1);
    } finally {
      await inspector.close();
      await (await inspector.client).quit();
    }
  });
});

function spawnCrashingWorker(params: {
  prefix: string;
  queueName: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
}): ChildProcess {
  const script = fileURLToPath(new URL("./fixtures/crashing-worker.mjs", import.meta.url));
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return spawn(process.execPath, [script], {
    env: {
      ...env,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: params.prefix,
      QUEUE_NAME: params.queueName,
      LOCK_DURATION_MS: String(params.lockDurationMs),
      STALLED_INTERVAL_MS: String(params.stalledIntervalMs),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

async function waitForOutput(child: ChildProcess, line: string, timeoutMs = 15_000): Promise<void> {
  let output = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    output += chunk;
  });
  await waitFor(`the child worker to print "${line}"`, () => output.split("\n").includes(line), timeoutMs);
}
