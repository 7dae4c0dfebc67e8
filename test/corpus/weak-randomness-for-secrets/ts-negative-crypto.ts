// expect: none
import { randomBytes, randomInt, randomUUID } from "node:crypto";

export function createPasswordResetToken(): string {
  return randomBytes(32).toString("base64url");
}

export function generateOtp(): string {
  return String(randomInt(100000, 1000000));
}

export function retryDelay(attempt: number): number {
  const jitter = Math.random() * 100;
  return 2 ** attempt * 100 + jitter;
}

export const requestId = () => randomUUID();
export const sampled = () => Math.random() < 0.1;
