import { Redis } from "ioredis";
import type { UsageLimits } from "./usage-limits.js";
import { toBudgetCheck, toCooldownMs, toTokenCount, toUtcDay } from "./usage-window.js";

export interface RedisUsageLimitsOptions {
  /** A connected client (the caller closes it) or a `redis://` URL (the store opens and closes it). */
  redis: Redis | string;
  /** Prepended to every key; default `architect:`. */
  prefix?: string;
}

/** Token counters outlive their UTC day by a day, for readers near midnight; then Redis drops them. */
const tokenKeyTtlMs = 48 * 60 * 60 * 1000;

/**
 * Atomic "SET NX PX" that also honours the caller's clock: the value is the end of the cooldown, so a
 * cooldown that has ended for the caller (clock skew, or an injected `now` in tests) is replaced even if
 * Redis has not expired the key yet. Returns 0 when started, else the end of the running cooldown.
 */
const startCooldownScript = `
local endsAt = tonumber(redis.call("GET", KEYS[1]))
local now = tonumber(ARGV[1])
if endsAt and endsAt > now then return endsAt end
redis.call("SET", KEYS[1], now + tonumber(ARGV[2]), "PX", ARGV[2])
return 0
`;

/**
 * Usage limits shared by every process that talks to the same Redis. Keys:
 * `<prefix>cooldown:<pullKey>` (PX = the cooldown) and `<prefix>tokens:<installationId>:<YYYY-MM-DD>`
 * (INCRBY, expires after ~48 h).
 */
export function createRedisUsageLimits(options: RedisUsageLimitsOptions): UsageLimits {
  const prefix = options.prefix ?? "architect:";
  const ownsClient = typeof options.redis === "string";
  // Fail fast while Redis is away (the queue logs the outage and holds deliveries); never an unhandled
  // `error` event.
  const redis =
    typeof options.redis === "string" ? new Redis(options.redis, { maxRetriesPerRequest: 2 }) : options.redis;
  if (typeof options.redis === "string") redis.on("error", () => {});
  let closed = false;

  const cooldownKey = (pullKey: string): string => `${prefix}cooldown:${pullKey}`;
  const tokenKey = (installationId: number, now: number): string =>
    `${prefix}tokens:${installationId}:${toUtcDay(now)}`;

  async function getUsed(installationId: number, now: number): Promise<number> {
    try {
      const value = await redis.get(tokenKey(installationId, now));
      return value === null ? 0 : Number(value);
    } catch (error) {
      throw new Error(`Failed to read today's token usage of installation ${installationId} from Redis`, {
        cause: error,
      });
    }
  }

  return {
    async tryStartCooldown(pullKey, seconds, now = Date.now()) {
      const durationMs = toCooldownMs(seconds);
      if (durationMs <= 0) return { ok: true };
      let result: unknown;
      try {
        result = await redis.eval(
          startCooldownScript,
          1,
          cooldownKey(pullKey),
          String(now),
          String(durationMs),
        );
      } catch (error) {
        throw new Error(`Failed to start the command cooldown of ${pullKey} in Redis`, { cause: error });
      }
      const endsAt = Number(result);
      return endsAt === 0 ? { ok: true } : { ok: false, retryAt: new Date(endsAt) };
    },
    async getTokensUsedToday(installationId, now = Date.now()) {
      return getUsed(installationId, now);
    },
    async addTokens(installationId, count, now = Date.now()) {
      const amount = toTokenCount(count);
      if (amount === 0) return;
      const key = tokenKey(installationId, now);
      try {
        const results = await redis.multi().incrby(key, amount).pexpire(key, tokenKeyTtlMs).exec();
        const failure = results?.find(([error]) => error !== null)?.[0];
        if (failure) throw failure;
      } catch (error) {
        throw new Error(`Failed to count ${amount} tokens for installation ${installationId} in Redis`, {
          cause: error,
        });
      }
    },
    async checkBudget(installationId, budget, now = Date.now()) {
      if (budget <= 0) return { ok: true };
      return toBudgetCheck(await getUsed(installationId, now), budget, now);
    },
    async close() {
      if (!ownsClient || closed) return;
      closed = true;
      await redis.quit();
    },
  };
}
