import { type JobContext, type ReviewProcessor, ShutdownAbort } from "./job-queue.js";
import type { ReviewJob } from "./review-job.js";

/** How a run ended, from the queue's point of view. */
export type RunOutcome =
  | { kind: "completed" }
  | { kind: "threw"; error: unknown }
  /** The queue is shutting down and the processor did not stop within `abortWaitMs` of the abort. */
  | { kind: "abandoned" };

/**
 * Runs the processor and waits for it, except after a shutdown abort: then it waits at most
 * `abortWaitMs` more, so that a processor ignoring its signal cannot block the shutdown. A processor
 * that is abandoned keeps running in the background until the process exits; the job is handed back.
 */
export async function runProcessor(params: {
  processor: ReviewProcessor;
  job: ReviewJob;
  ctx: JobContext;
  abortWaitMs: number;
}): Promise<RunOutcome> {
  const { processor, job, ctx, abortWaitMs } = params;
  const settled: Promise<RunOutcome> = Promise.resolve()
    .then(() => processor(job, ctx))
    .then(
      (): RunOutcome => ({ kind: "completed" }),
      (error: unknown): RunOutcome => ({ kind: "threw", error }),
    );
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<RunOutcome>((resolve) => {
    onAbort = () => {
      if (ctx.signal.reason instanceof ShutdownAbort) {
        timer = setTimeout(() => resolve({ kind: "abandoned" }), abortWaitMs);
      }
    };
    if (ctx.signal.aborted) onAbort();
    else ctx.signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([settled, abandoned]);
  } finally {
    clearTimeout(timer);
    if (onAbort) ctx.signal.removeEventListener("abort", onAbort);
  }
}
