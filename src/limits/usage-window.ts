import type { BudgetCheck } from "./usage-limits.js";

/** The windows usage is counted in: UTC days for tokens, whole milliseconds for cooldowns. */

/** `2026-11-05` */
export function toUtcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The next UTC midnight after `now`. */
export function getNextUtcMidnight(now: number): Date {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1));
}

export function toBudgetCheck(used: number, budget: number, now: number): BudgetCheck {
  if (budget <= 0 || used < budget) return { ok: true };
  return { ok: false, resetsAt: getNextUtcMidnight(now), used };
}

export function toTokenCount(tokens: number): number {
  if (!Number.isFinite(tokens))
    throw new RangeError(`Token count must be a finite number, received ${tokens}`);
  return Math.max(0, Math.ceil(tokens));
}

export function toCooldownMs(seconds: number): number {
  return Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : 0;
}
