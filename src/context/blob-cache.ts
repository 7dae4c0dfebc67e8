import { Redis } from "ioredis";

/**
 * Blob contents by SHA. A blob's SHA is the hash of its content, so an entry never goes stale: the cache
 * only bounds memory (in process) or time (Redis TTL). Implementations never throw from `get`/`set`: a
 * cache that fails is a cache that misses.
 */
export interface BlobCache {
  get(sha: string): Promise<string | undefined>;
  set(sha: string, text: string): Promise<void>;
  close(): Promise<void>;
}

export interface MemoryBlobCacheOptions {
  /** Bytes of text kept at most (UTF-16 length × 2 is counted). Default 64 MiB. */
  maxBytes?: number;
}

/**
 * The default: an in-process LRU bounded by bytes. A Map keeps insertion order, so re-inserting on a hit
 * makes the first key the least recently used.
 */
export function createMemoryBlobCache(options: MemoryBlobCacheOptions = {}): BlobCache & {
  readonly bytes: number;
  readonly size: number;
} {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, string>();
  let bytes = 0;
  const sizeOf = (text: string) => text.length * 2;
  return {
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
    async get(sha) {
      const text = entries.get(sha);
      if (text === undefined) return undefined;
      entries.delete(sha);
      entries.set(sha, text);
      return text;
    },
    async set(sha, text) {
      const size = sizeOf(text);
      if (size > maxBytes) return;
      const old = entries.get(sha);
      if (old !== undefined) {
        bytes -= sizeOf(old);
        entries.delete(sha);
      }
      entries.set(sha, text);
      bytes += size;
      for (const [key, value] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(key);
        bytes -= sizeOf(value);
      }
    },
    async close() {
      entries.clear();
      bytes = 0;
    },
  };
}

export interface RedisBlobCacheOptions {
  /** A connected client (the caller closes it) or a `redis://` URL (the cache opens and closes it). */
  redis: Redis | string;
  /** Prepended to every key. Default `architect:blob:`. */
  prefix?: string;
  /** Seconds an entry lives. Default 7 days: long enough for a pull request's life, short enough to forget a repository. */
  ttlSeconds?: number;
  /** Blobs larger than this are not stored (they would crowd out many small ones). Default 1 MiB. */
  maxEntryBytes?: number;
  /** A small in-process layer in front of Redis (hot files of one review). Default a 16 MiB memory cache. */
  local?: BlobCache;
  onError?(error: Error): void;
}

/**
 * Shared by every worker that talks to the same Redis: `<prefix><sha>` → text, with a TTL. A small memory
 * layer answers repeated reads within one process without a round trip.
 */
export function createRedisBlobCache(options: RedisBlobCacheOptions): BlobCache {
  const prefix = options.prefix ?? "architect:blob:";
  const ttlSeconds = options.ttlSeconds ?? 7 * 24 * 60 * 60;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const ownsClient = typeof options.redis === "string";
  const redis =
    typeof options.redis === "string"
      ? new Redis(options.redis, { maxRetriesPerRequest: 1, lazyConnect: false })
      : options.redis;
  // Failed calls are reported through onError; the queue logs the outage. Never an unhandled `error` event.
  if (ownsClient) redis.on("error", () => {});
  const local = options.local ?? createMemoryBlobCache({ maxBytes: 16 * 1024 * 1024 });
  const report = (what: string, error: unknown) =>
    options.onError?.(new Error(`Blob cache: ${what} failed in Redis`, { cause: error }));
  return {
    async get(sha) {
      const hit = await local.get(sha);
      if (hit !== undefined) return hit;
      try {
        const text = await redis.get(prefix + sha);
        if (text === null) return undefined;
        await local.set(sha, text);
        return text;
      } catch (error) {
        report("a read", error);
        return undefined;
      }
    },
    async set(sha, text) {
      await local.set(sha, text);
      if (Buffer.byteLength(text) > maxEntryBytes) return;
      try {
        await redis.set(prefix + sha, text, "EX", ttlSeconds);
      } catch (error) {
        report("a write", error);
      }
    },
    async close() {
      await local.close();
      if (ownsClient) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
