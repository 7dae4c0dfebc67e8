import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { type BlobCache, createMemoryBlobCache, createRedisBlobCache } from "../../src/context/blob-cache.js";

const redisUrl = "redis://127.0.0.1:6379";

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 100);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
}

let redis: Redis;
beforeAll(() => {
  redis = new Redis(redisUrl);
});
afterAll(async () => {
  await redis.quit();
});

const implementations: { name: string; create(prefix: string): BlobCache }[] = [
  { name: "memory", create: () => createMemoryBlobCache() },
  {
    name: "redis",
    create: (prefix) =>
      createRedisBlobCache({ redis, prefix, local: createMemoryBlobCache({ maxBytes: 1 }) }),
  },
];

describe.each(implementations)("blob cache conformance: $name", ({ create }) => {
  let prefix = "";
  let cache: BlobCache;
  afterEach(async () => {
    await cache.close();
    await deleteKeys(redis, prefix);
  });

  it("misses, then returns what was stored, by SHA", async () => {
    prefix = `test:blob:${randomUUID()}:`;
    cache = create(prefix);
    expect(await cache.get("a".repeat(40))).toBeUndefined();
    await cache.set("a".repeat(40), "export const x = 1;\n");
    await cache.set("b".repeat(40), "ünïcode ✓\n");
    expect(await cache.get("a".repeat(40))).toBe("export const x = 1;\n");
    expect(await cache.get("b".repeat(40))).toBe("ünïcode ✓\n");
  });
});

describe("memory blob cache", () => {
  it("evicts the least recently used blobs past its byte bound", async () => {
    const cache = createMemoryBlobCache({ maxBytes: 40 });
    await cache.set("1", "aaaaaaaaaa"); // 20 bytes
    await cache.set("2", "bbbbbbbbbb"); // 40
    expect(await cache.get("1")).toBe("aaaaaaaaaa"); // 1 is now the most recent
    await cache.set("3", "cccccccccc"); // 60 > 40: evicts 2
    expect(await cache.get("2")).toBeUndefined();
    expect(await cache.get("1")).toBe("aaaaaaaaaa");
    expect(await cache.get("3")).toBe("cccccccccc");
    expect(cache.bytes).toBe(40);
    await cache.set("big", "x".repeat(100)); // larger than the whole cache: not stored, nothing evicted
    expect(await cache.get("big")).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe("redis blob cache", () => {
  it("is shared by workers and expires with its TTL", async () => {
    const prefix = `test:blob:${randomUUID()}:`;
    const first = createRedisBlobCache({ redis, prefix, ttlSeconds: 120 });
    const second = createRedisBlobCache({ redis, prefix, ttlSeconds: 120 });
    await first.set("c".repeat(40), "shared text");
    expect(await second.get("c".repeat(40))).toBe("shared text");
    const ttl = await redis.ttl(`${prefix}${"c".repeat(40)}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await first.close();
    await second.close();
    await deleteKeys(redis, prefix);
  });

  it("misses instead of failing when Redis is unreachable, and reports it", async () => {
    const errors: Error[] = [];
    const down = new Redis("redis://127.0.0.1:1", {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    const cache = createRedisBlobCache({
      redis: down,
      local: createMemoryBlobCache({ maxBytes: 1 }),
      onError: (e) => errors.push(e),
    });
    await cache.set("d".repeat(40), "text");
    expect(await cache.get("d".repeat(40))).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual([
      "Blob cache: a write failed in Redis",
      "Blob cache: a read failed in Redis",
    ]);
    await cache.close();
    down.disconnect();
  });
});
