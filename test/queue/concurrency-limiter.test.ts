import { describe, expect, it } from "@jest/globals";
import { createConcurrencyLimiter } from "../../src/queue/concurrency-limiter.js";
import { createDeferred, waitFor } from "./queue-test-kit.js";

describe("createConcurrencyLimiter", () => {
  it("runs at most `max` calls at once and returns their results", async () => {
    const limiter = createConcurrencyLimiter(2);
    const gates = [createDeferred(), createDeferred(), createDeferred()];
    let running = 0;
    let maxRunning = 0;
    const calls = gates.map((gate, index) =>
      limiter.run(async () => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running -= 1;
        return index;
      }),
    );

    await waitFor("two running calls", () => limiter.active === 2);
    const pendingWhileFull = limiter.pending;
    for (const gate of gates) gate.resolve();

    expect(await Promise.all(calls)).toEqual([0, 1, 2]);
    expect(pendingWhileFull).toBe(1);
    expect(maxRunning).toBe(2);
  });

  it("rejects a waiting call at once when its signal aborts, without running it", async () => {
    const limiter = createConcurrencyLimiter(1);
    const gate = createDeferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(
      async () => {
        ran = true;
      },
      { signal: controller.signal },
    );

    controller.abort(new Error("review cancelled"));

    await expect(second).rejects.toThrow("review cancelled");
    gate.resolve();
    await first;
    expect(ran).toBe(false);
  });

  it.each([0, -1, 1.5])("refuses a limit of %p", (max) => {
    expect(() => createConcurrencyLimiter(max)).toThrow(RangeError);
  });
});
