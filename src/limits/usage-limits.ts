/**
 * Per-pull-request command cooldown and per-installation daily token budget. The budget day is the UTC
 * day; it resets at the next UTC midnight.
 */
export interface UsageLimits {
  /**
   * Starts the cooldown of `pullKey` (`owner/repo#12`) unless one is running. `seconds <= 0` never
   * blocks.
   */
  tryStartCooldown(
    pullKey: string,
    seconds: number,
    now?: number,
  ): Promise<{ ok: true } | { ok: false; retryAt: Date }>;
  /** Tokens counted for the installation on the UTC day of `now`. */
  getTokensUsedToday(installationId: number, now?: number): Promise<number>;
  /** Counts tokens (rounded up; 0 or less is ignored) on the UTC day of `now`. */
  addTokens(installationId: number, tokens: number, now?: number): Promise<void>;
  /** `budget` 0 means unlimited. Refused once today's usage has reached the budget. */
  checkBudget(installationId: number, budget: number, now?: number): Promise<BudgetCheck>;
  /** Releases what the store owns (a Redis connection it opened); idempotent. */
  close(): Promise<void>;
}

export type BudgetCheck = { ok: true } | { ok: false; resetsAt: Date; used: number };

export { createMemoryUsageLimits } from "./memory-usage-limits.js";
export { createRedisUsageLimits, type RedisUsageLimitsOptions } from "./redis-usage-limits.js";
