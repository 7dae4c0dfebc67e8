import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const redisUrl = "redis://127.0.0.1:6379";

/** A key prefix no other test (or process) uses. */
export function createTestPrefix(): string {
  return `test-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** Deletes every key under `prefix` (SCAN + DEL; never FLUSHALL on the shared Redis). */
export async function deleteKeysWithPrefix(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}
