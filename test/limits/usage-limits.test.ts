import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import {
  createMemoryUsageLimits,
  createRedisUsageLimits,
  type UsageLimits,
} from "../../src/limits/usage-limits.js";

const redisUrl = "redis://127.0.0.1:6379";

/** Deletes every key under `prefix` (SCAN + DEL, never FLUSH: the Redis is shared). */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 100);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

interface StoreFactory {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh, empty store for one test. */
  create(): Promise<UsageLimits>;
  /** Removes what `create` made. */
  cleanUp(): Promise<void>;
}

function createMemoryFactory(): StoreFactory {
  return {
    name: "memory",
    async setUp() {},
    async tearDown() {},
    async create() {
      return createMemoryUsageLimits();
    },
    async cleanUp() {},
  };
}

function createRedisFactory(): StoreFactory {
  let redis: Redis | undefined;
  let prefix = "";
  const getRedis = (): Redis => {
    if (redis === undefined) throw new Error("setUp() was not called");
    return redis;
  };
  return {
    name: "redis",
    async setUp() {
      redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    },
    async tearDown() {
      await redis?.quit();
    },
    async create() {
      prefix = `test:architect:${randomUUID()}:`;
      return createRedisUsageLimits({ redis: getRedis(), prefix });
    },
    async cleanUp() {
      await deleteKeys(getRedis(), prefix);
    },
  };
}

const t0 = Date.UTC(2026, 10, 5, 12, 0, 0);
const second = 1000;
const day = 24 * 60 * 60 * second;

describe.each([createMemoryFactory(), createRedisFactory()])("$name usage limits", (factory) => {
  let limits: UsageLimits;

  beforeAll(async () => {
    await factory.setUp();
  });
  afterAll(async () => {
    await factory.tearDown();
  });
  beforeEach(async () => {
    limits = await factory.create();
  });
  afterEach(async () => {
    await limits.close();
    await factory.cleanUp();
  });

  describe("tryStartCooldown", () => {
    it("starts a cooldown, then refuses until it ends", async () => {
      await expect(limits.tryStartCooldown("acme/api#1", 60, t0)).resolves.toEqual({ ok: true });
      await expect(limits.tryStartCooldown("acme/api#1", 60, t0 + 1 * second)).resolves.toEqual({
        ok: false,
        retryAt: new Date(t0 + 60 * second),
      });
      await expect(limits.tryStartCooldown("acme/api#1", 60, t0 + 60 * second - 1)).resolves.toEqual({
        ok: false,
        retryAt: new Date(t0 + 60 * second),
      });
    });

    it("accepts again once the cooldown has ended, and starts a new one", async () => {
      await limits.tryStartCooldown("acme/api#1", 60, t0);
      await expect(limits.tryStartCooldown("acme/api#1", 60, t0 + 60 * second)).resolves.toEqual({
        ok: true,
      });
      await expect(limits.tryStartCooldown("acme/api#1", 60, t0 + 61 * second)).resolves.toEqual({
        ok: false,
        retryAt: new Date(t0 + 120 * second),
      });
    });

    it("keeps pull requests apart", async () => {
      await limits.tryStartCooldown("acme/api#1", 60, t0);
      await expect(limits.tryStartCooldown("acme/api#2", 60, t0)).resolves.toEqual({ ok: true });
      await expect(limits.tryStartCooldown("acme/web#1", 60, t0)).resolves.toEqual({ ok: true });
    });

    it("never blocks with a cooldown of 0 seconds", async () => {
      await expect(limits.tryStartCooldown("acme/api#1", 0, t0)).resolves.toEqual({ ok: true });
      await expect(limits.tryStartCooldown("acme/api#1", 0, t0)).resolves.toEqual({ ok: true });
    });

    it("lets exactly one of simultaneous requests through", async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => limits.tryStartCooldown("acme/api#7", 60, t0)),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
    });
  });

  describe("daily tokens", () => {
    it("starts at 0 and adds up within a UTC day", async () => {
      await expect(limits.getTokensUsedToday(42, t0)).resolves.toBe(0);
      await limits.addTokens(42, 1_000, t0);
      await limits.addTokens(42, 2_500, t0 + 11 * 60 * 60 * second);
      await expect(limits.getTokensUsedToday(42, t0)).resolves.toBe(3_500);
    });

    it("counts each installation separately", async () => {
      await limits.addTokens(42, 1_000, t0);
      await limits.addTokens(43, 7, t0);
      await expect(limits.getTokensUsedToday(42, t0)).resolves.toBe(1_000);
      await expect(limits.getTokensUsedToday(43, t0)).resolves.toBe(7);
    });

    it("starts again at 0 at UTC midnight", async () => {
      const lastMsOfDay = Date.UTC(2026, 10, 5, 23, 59, 59, 999);
      await limits.addTokens(42, 1_000, lastMsOfDay);
      await expect(limits.getTokensUsedToday(42, lastMsOfDay + 1)).resolves.toBe(0);
      await expect(limits.getTokensUsedToday(42, t0)).resolves.toBe(1_000);
    });

    it("rounds partial tokens up and ignores zero", async () => {
      await limits.addTokens(42, 10.2, t0);
      await limits.addTokens(42, 0, t0);
      await expect(limits.getTokensUsedToday(42, t0)).resolves.toBe(11);
    });
  });

  describe("checkBudget", () => {
    it("treats a budget of 0 as unlimited", async () => {
      await limits.addTokens(42, 1_000_000, t0);
      await expect(limits.checkBudget(42, 0, t0)).resolves.toEqual({ ok: true });
    });

    it("allows until the budget is reached, then refuses until the next UTC midnight", async () => {
      await limits.addTokens(42, 9_999, t0);
      await expect(limits.checkBudget(42, 10_000, t0)).resolves.toEqual({ ok: true });
      await limits.addTokens(42, 1, t0);
      await expect(limits.checkBudget(42, 10_000, t0)).resolves.toEqual({
        ok: false,
        resetsAt: new Date(Date.UTC(2026, 10, 6)),
        used: 10_000,
      });
      await expect(limits.checkBudget(42, 10_000, t0 + day)).resolves.toEqual({ ok: true });
    });

    it("reports the usage past the budget", async () => {
      await limits.addTokens(42, 15_000, t0);
      await expect(limits.checkBudget(42, 10_000, t0)).resolves.toEqual({
        ok: false,
        resetsAt: new Date(Date.UTC(2026, 10, 6)),
        used: 15_000,
      });
    });
  });
});

describe("redis usage limits keys", () => {
  let redis: Redis;
  const prefix = `test:architect:${randomUUID()}:`;

  beforeAll(() => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("uses one key per installation and UTC day, expiring after about 48 hours", async () => {
    const limits = createRedisUsageLimits({ redis, prefix });
    await limits.addTokens(42, 5, t0);
    const key = `${prefix}tokens:42:2026-11-05`;
    await expect(redis.get(key)).resolves.toBe("5");
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(47 * 60 * 60 * second);
    expect(ttl).toBeLessThanOrEqual(48 * 60 * 60 * second);
  });

  it("stores the cooldown under the pull request key with the cooldown as its expiry", async () => {
    const limits = createRedisUsageLimits({ redis, prefix });
    await limits.tryStartCooldown("acme/api#9", 30, Date.now());
    const ttl = await redis.pttl(`${prefix}cooldown:acme/api#9`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * second);
  });

  it("opens and closes its own connection when given a URL", async () => {
    const limits = createRedisUsageLimits({ redis: redisUrl, prefix });
    await limits.addTokens(7, 3, t0);
    await expect(limits.getTokensUsedToday(7, t0)).resolves.toBe(3);
    await limits.close();
    await limits.close();
  });
});
