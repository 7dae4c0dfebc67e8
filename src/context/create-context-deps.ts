import type { Logger } from "pino";
import type { AppEnv } from "../config/env.js";
import type { ContextDeps } from "../review/gather-context.js";
import { createMemoryBlobCache, createRedisBlobCache } from "./blob-cache.js";

/**
 * The context dependencies of a process: the blob cache (in memory; shared through Redis when
 * REDIS_URL is set, with the memory cache in front) and the settings from the environment.
 */
export function createContextDeps(env: AppEnv, log: Logger): ContextDeps {
  const memory = createMemoryBlobCache({ maxBytes: env.CONTEXT_CACHE_MB * 1024 * 1024 });
  const cache = env.REDIS_URL
    ? createRedisBlobCache({
        redis: env.REDIS_URL,
        prefix: `${env.QUEUE_PREFIX}:blob:`,
        ttlSeconds: env.CONTEXT_CACHE_TTL_SECONDS,
        local: memory,
        onError: (error) => log.warn({ err: error }, "Blob cache error; reading from GitHub instead"),
      })
    : memory;
  return {
    cache,
    settings: {
      enabled: env.CONTEXT_ENABLED,
      tokenBudget: env.CONTEXT_TOKEN_BUDGET ?? Math.floor(env.REVIEW_TOKEN_BUDGET / 4),
      maxGitHubRequests: env.CONTEXT_MAX_GITHUB_REQUESTS,
      agentic: env.CONTEXT_AGENTIC,
      agentMaxTurns: env.CONTEXT_AGENT_MAX_TURNS,
      agentMaxTokens: env.CONTEXT_AGENT_MAX_TOKENS,
    },
  };
}
