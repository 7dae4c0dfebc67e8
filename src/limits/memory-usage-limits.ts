import type { UsageLimits } from "./usage-limits.js";
import { toBudgetCheck, toCooldownMs, toTokenCount, toUtcDay } from "./usage-window.js";

/** Past this many entries, expired cooldowns are swept on the next write. */
const sweepThreshold = 1_000;

/**
 * The default store: a single process, nothing to run. Counters are lost on restart and not shared
 * between processes (use {@link createRedisUsageLimits} for several workers).
 */
export function createMemoryUsageLimits(): UsageLimits {
  /** pullKey → end of cooldown (ms since epoch). */
  const cooldowns = new Map<string, number>();
  /** `${installationId}:${utcDay}` → tokens. */
  const tokens = new Map<string, number>();

  function sweepCooldowns(now: number): void {
    if (cooldowns.size < sweepThreshold) return;
    for (const [key, endsAt] of cooldowns) if (endsAt <= now) cooldowns.delete(key);
  }

  function sweepTokens(today: string): void {
    // Keep yesterday too: callers near midnight may still read it with an earlier `now`.
    const yesterday = toUtcDay(Date.parse(`${today}T00:00:00Z`) - 1);
    for (const key of tokens.keys()) {
      const day = key.slice(key.indexOf(":") + 1);
      if (day !== today && day !== yesterday) tokens.delete(key);
    }
  }

  const getUsed = (installationId: number, now: number): number =>
    tokens.get(`${installationId}:${toUtcDay(now)}`) ?? 0;

  return {
    async tryStartCooldown(pullKey, seconds, now = Date.now()) {
      const durationMs = toCooldownMs(seconds);
      if (durationMs <= 0) return { ok: true };
      const endsAt = cooldowns.get(pullKey);
      if (endsAt !== undefined && endsAt > now) return { ok: false, retryAt: new Date(endsAt) };
      sweepCooldowns(now);
      cooldowns.set(pullKey, now + durationMs);
      return { ok: true };
    },
    async getTokensUsedToday(installationId, now = Date.now()) {
      return getUsed(installationId, now);
    },
    async addTokens(installationId, count, now = Date.now()) {
      const amount = toTokenCount(count);
      if (amount === 0) return;
      const today = toUtcDay(now);
      const key = `${installationId}:${today}`;
      if (!tokens.has(key)) sweepTokens(today);
      tokens.set(key, (tokens.get(key) ?? 0) + amount);
    },
    async checkBudget(installationId, budget, now = Date.now()) {
      if (budget <= 0) return { ok: true };
      return toBudgetCheck(getUsed(installationId, now), budget, now);
    },
    async close() {},
  };
}
