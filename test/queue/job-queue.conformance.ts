import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { PermanentError } from "../../src/queue/classify-error.js";
import {
  type JobContext,
  type JobQueue,
  type JobQueueOptions,
  type QueueDepth,
  ShutdownAbort,
  SupersededAbort,
} from "../../src/queue/job-queue.js";
import type { ReviewJob } from "../../src/queue/review-job.js";
import { buildJob, createDeferred, recordEvents, sleep, waitFor, whenAborted } from "./queue-test-kit.js";

/** What an implementation provides to run the conformance suite. */
export interface ConformanceTarget {
  /** A queue on this test's backend; `cleanup` closes every queue created here. */
  createQueue(options: JobQueueOptions): JobQueue;
  /** The depth a fresh observer sees after `queue` closed: whether unfinished jobs were handed back. */
  getDepthAfterClose(queue: JobQueue): Promise<QueueDepth>;
  cleanup(): Promise<void>;
}

const networkError = () => Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });

/**
 * The semantics every `JobQueue` must have. Call it from one test file per implementation.
 * Timings are short (backoff 10 ms); nothing asserts durations.
 */
export function runJobQueueConformance(name: string, createTarget: () => ConformanceTarget): void {
  describe(`${name} (JobQueue conformance)`, () => {
    let target: ConformanceTarget;
    let recorder: ReturnType<typeof recordEvents>;

    const createQueue = (options: JobQueueOptions = {}) =>
      target.createQueue({
        concurrency: 4,
        perInstallationLimit: 2,
        attempts: 3,
        backoffMs: 10,
        events: recorder.events,
        ...options,
      });

    /** Runs a job of another PR through a concurrency-1 queue: every job enqueued earlier has run by then. */
    const drainWith = async (queue: JobQueue, processed: ReviewJob[]) => {
      const sentinel = buildJob({ pullNumber: 999, headSha: "sentinel" });
      await queue.enqueue(sentinel);
      await waitFor("the sentinel job", () => processed.some((job) => job.pullNumber === 999));
    };

    beforeEach(() => {
      target = createTarget();
      recorder = recordEvents();
    });

    afterEach(async () => {
      await target.cleanup();
    });

    it("runs a job with its ids and a first-attempt context", async () => {
      const queue = createQueue();
      const runs: { job: ReviewJob; ctx: JobContext }[] = [];
      await queue.startWorker(async (job, ctx) => {
        runs.push({ job, ctx });
      });
      const job = buildJob();

      const result = await queue.enqueue(job);

      expect(result.status).toBe("queued");
      await waitFor("the run to settle", () => recorder.count("settled") === 1);
      expect(runs).toHaveLength(1);
      expect(runs[0]?.job).toEqual(job);
      expect(runs[0]?.ctx.attempt).toBe(1);
      expect(runs[0]?.ctx.jobId).toBe(result.jobId);
      expect(recorder.log.map((event) => event.type)).toEqual(["queued", "active", "completed", "settled"]);
    });

    it("dedupes by key: queued, and again after it finished", async () => {
      const queue = createQueue({ concurrency: 1 });
      const processed: ReviewJob[] = [];
      const job = buildJob();

      const first = await queue.enqueue(job);
      const second = await queue.enqueue({ ...job, deliveryId: "redelivery" });
      await queue.startWorker(async (j) => {
        processed.push(j);
      });
      await waitFor("completion", () => recorder.count("completed") === 1);
      const third = await queue.enqueue(job);
      await drainWith(queue, processed);

      expect(first.status).toBe("queued");
      expect(second).toEqual({ status: "duplicate", jobId: first.jobId });
      expect(third).toEqual({ status: "duplicate", jobId: first.jobId });
      expect(processed.map((j) => j.key)).toEqual(["auto:sha-1", "auto:sentinel"]);
      expect(recorder.count("duplicate")).toBe(2);
    });

    it("treats the same key in another pull request as a different job", async () => {
      const queue = createQueue();

      const a = await queue.enqueue(buildJob({ pullNumber: 1 }));
      const b = await queue.enqueue(buildJob({ pullNumber: 2 }));

      expect([a.status, b.status]).toEqual(["queued", "queued"]);
      expect(a.jobId).not.toBe(b.jobId);
    });

    it("coalesces: a newer head SHA removes the queued job of the older one", async () => {
      const queue = createQueue({ concurrency: 1 });
      const processed: ReviewJob[] = [];

      await queue.enqueue(buildJob({ headSha: "old" }));
      await queue.enqueue(buildJob({ headSha: "new" }));
      const depth = await queue.getDepth();
      await queue.startWorker(async (job) => {
        processed.push(job);
      });
      await drainWith(queue, processed);

      expect(depth).toEqual({ waiting: 1, active: 0, delayed: 0 });
      expect(recorder.log.filter((event) => event.type === "superseded")).toEqual([
        { type: "superseded", key: "auto:old", headSha: "old" },
      ]);
      expect(processed.map((job) => job.headSha)).toEqual(["new", "sentinel"]);
    });

    it("coalesces: a running job of the older SHA is told it is superseded", async () => {
      const queue = createQueue();
      const started = createDeferred();
      const seen: { superseded: boolean; reason: unknown; supersededBefore: boolean }[] = [];
      await queue.startWorker(async (job, ctx) => {
        if (job.headSha !== "old") return;
        const supersededBefore = await ctx.isSuperseded();
        started.resolve();
        await whenAborted(ctx.signal);
        seen.push({ superseded: await ctx.isSuperseded(), reason: ctx.signal.reason, supersededBefore });
      });

      await queue.enqueue(buildJob({ headSha: "old" }));
      await started.promise;
      await queue.enqueue(buildJob({ headSha: "new" }));
      await waitFor("both jobs", () => recorder.count("settled") === 2);

      expect(seen).toHaveLength(1);
      expect(seen[0]?.supersededBefore).toBe(false);
      expect(seen[0]?.superseded).toBe(true);
      expect(seen[0]?.reason).toBeInstanceOf(SupersededAbort);
    });

    it("runs both jobs of the same SHA with different keys (automatic review, then a command)", async () => {
      const queue = createQueue();
      const processed: string[] = [];
      await queue.startWorker(async (job) => {
        processed.push(job.key);
      });

      await queue.enqueue(buildJob({ key: "auto:sha-1" }));
      await queue.enqueue(buildJob({ key: "cmd:42", trigger: "comment", commentId: 42 }));
      await waitFor("both jobs", () => recorder.count("completed") === 2);

      expect(processed.sort()).toEqual(["auto:sha-1", "cmd:42"]);
      expect(recorder.count("superseded")).toBe(0);
    });

    it("retries a retryable error with exponential backoff, then succeeds", async () => {
      const queue = createQueue();
      const attempts: number[] = [];
      await queue.startWorker(async (_job, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw networkError();
      });

      await queue.enqueue(buildJob());
      await waitFor("completion", () => recorder.count("completed") === 1);

      expect(attempts).toEqual([1, 2, 3]);
      expect(
        recorder.log
          .filter((event) => event.type === "retry")
          .map((event) => "delayMs" in event && event.delayMs),
      ).toEqual([10, 20]);
      expect(recorder.count("failed")).toBe(0);
    });

    it("fails a retryable error for good when the attempts run out", async () => {
      const queue = createQueue({ attempts: 2 });
      let runs = 0;
      await queue.startWorker(async () => {
        runs += 1;
        throw Object.assign(new Error("Service Unavailable"), { status: 503 });
      });

      await queue.enqueue(buildJob());
      await waitFor("failure", () => recorder.count("failed") === 1);

      expect(runs).toBe(2);
      expect(recorder.log.find((event) => event.type === "failed")).toMatchObject({ permanent: false });
    });

    it.each([
      { name: "PermanentError", error: () => new PermanentError("config is invalid") },
      { name: "HTTP 404", error: () => Object.assign(new Error("Not Found"), { status: 404 }) },
      { name: "unknown error", error: () => new TypeError("x is undefined") },
    ])("fails a permanent error ($name) at once", async ({ error }) => {
      const queue = createQueue();
      let runs = 0;
      await queue.startWorker(async () => {
        runs += 1;
        throw error();
      });

      await queue.enqueue(buildJob());
      await waitFor("failure", () => recorder.count("failed") === 1);

      expect(runs).toBe(1);
      expect(recorder.count("retry")).toBe(0);
      expect(recorder.log.find((event) => event.type === "failed")).toMatchObject({ permanent: true });
    });

    it("keeps each installation under its cap while others run", async () => {
      const queue = createQueue({ concurrency: 4, perInstallationLimit: 2 });
      const active = new Map<number, number>();
      const maxActive = new Map<number, number>();
      let total = 0;
      let maxTotal = 0;
      await queue.startWorker(async (job) => {
        const id = job.installationId;
        active.set(id, (active.get(id) ?? 0) + 1);
        total += 1;
        maxActive.set(id, Math.max(maxActive.get(id) ?? 0, active.get(id) ?? 0));
        maxTotal = Math.max(maxTotal, total);
        // Long enough that, without the cap, more jobs of one installation would start meanwhile.
        await sleep(300);
        active.set(id, (active.get(id) ?? 1) - 1);
        total -= 1;
      });

      for (const pullNumber of [1, 2, 3, 4, 5])
        await queue.enqueue(buildJob({ installationId: 1, pullNumber }));
      for (const pullNumber of [6, 7]) await queue.enqueue(buildJob({ installationId: 2, pullNumber }));
      await waitFor("all jobs", () => recorder.count("completed") === 7, 20_000);

      expect(maxActive.get(1)).toBe(2);
      expect(maxActive.get(2)).toBe(2);
      expect(maxTotal).toBeLessThanOrEqual(4);
      expect(recorder.count("retry")).toBe(0);
    });

    it("close(grace) waits for a running job to finish", async () => {
      const queue = createQueue();
      const started = createDeferred();
      let finished = false;
      await queue.startWorker(async () => {
        started.resolve();
        await sleep(150);
        finished = true;
      });
      await queue.enqueue(buildJob());
      await started.promise;

      await queue.close(10_000);

      expect(finished).toBe(true);
      expect(recorder.count("completed")).toBe(1);
      expect(await queue.isReady()).toBe(false);
    });

    it("close(grace) aborts a job still running past the grace period and hands it back", async () => {
      const queue = createQueue();
      const started = createDeferred();
      let reason: unknown;
      await queue.startWorker(async (_job, ctx) => {
        started.resolve();
        await whenAborted(ctx.signal);
        reason = ctx.signal.reason;
        throw reason;
      });
      await queue.enqueue(buildJob());
      await started.promise;

      await queue.close(50);

      expect(reason).toBeInstanceOf(ShutdownAbort);
      expect(recorder.count("failed")).toBe(0);
      expect(recorder.count("completed")).toBe(0);
      expect(await target.getDepthAfterClose(queue)).toEqual({ waiting: 1, active: 0, delayed: 0 });
    });

    it("reports depth: waiting, active and delayed", async () => {
      const queue = createQueue({ concurrency: 1, backoffMs: 60_000 });
      const release = createDeferred();
      await queue.enqueue(buildJob({ pullNumber: 1 }));
      await queue.enqueue(buildJob({ pullNumber: 2 }));
      await queue.enqueue(buildJob({ pullNumber: 3 }));
      const beforeWorker = await queue.getDepth();

      await queue.startWorker(async (job) => {
        if (job.pullNumber === 1) throw networkError();
        await release.promise;
      });
      await waitFor(
        "the retry and the next job",
        () => recorder.count("retry") === 1 && recorder.count("active") === 2,
      );
      const running = await queue.getDepth();
      release.resolve();

      expect(beforeWorker).toEqual({ waiting: 3, active: 0, delayed: 0 });
      expect(running).toEqual({ waiting: 1, active: 1, delayed: 1 });
    });

    it("is ready until closed, and refuses jobs after", async () => {
      const queue = createQueue();
      expect(await queue.isReady()).toBe(true);

      await queue.close(0);

      expect(await queue.isReady()).toBe(false);
      await expect(queue.enqueue(buildJob())).rejects.toThrow("closing");
    });
  });
}
