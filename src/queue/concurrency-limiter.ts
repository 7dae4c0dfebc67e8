import PQueue from "p-queue";

export interface ConcurrencyLimiter {
  /** Run `fn` once fewer than `max` calls are running; resolves or rejects with its result. */
  run<T>(fn: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Calls running now. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly pending: number;
}

/**
 * A process-wide cap on concurrent calls, e.g. model calls across all running reviews.
 * A call whose `signal` aborts while it waits never starts and rejects at once with the signal's reason;
 * once started, a call holds its slot until `fn` settles (pass the signal to `fn` to stop it early).
 *
 * @example
 * const modelCalls = createConcurrencyLimiter(4);
 * const reply = await modelCalls.run(() => client.messages.create(request), { signal });
 */
export function createConcurrencyLimiter(max: number): ConcurrencyLimiter {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`Concurrency limit must be a positive integer, received ${max}`);
  }
  const queue = new PQueue({ concurrency: max });
  return {
    run<T>(fn: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T> {
      const signal = options?.signal;
      if (signal?.aborted) return Promise.reject(signal.reason);
      let started = false;
      // The signal is not handed to p-queue: it would free the slot while `fn` still runs, breaking
      // the cap. `fn` gets to see the caller's signal itself; here it only cancels the wait.
      const task = queue.add(
        async () => {
          if (signal?.aborted) throw signal.reason;
          started = true;
          return fn();
        },
        { throwOnTimeout: true },
      );
      if (!signal) return task;
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          if (!started) reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        task.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
      });
    },
    get active() {
      return queue.pending;
    },
    get pending() {
      return queue.size;
    },
  };
}
