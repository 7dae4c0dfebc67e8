// expect: weak-randomness-for-secrets@5, weak-randomness-for-secrets@11
import { db } from "../db.js";

export async function createPasswordReset(userId: string) {
  const resetToken = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  await db.passwordReset.create({ data: { userId, token: resetToken, expiresAt: new Date(Date.now() + 3600_000) } });
  return resetToken;
}

export function generateOtp(): string {
  return String(Math.floor(100000 + Math.random() * 900000));
}
