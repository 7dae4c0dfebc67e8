import { z } from "zod";
import { defaultMemoryTargetMb } from "../analysis/collection-policy.js";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .default(fallback ? "true" : "false")
    .transform((value) => ["true", "1", "yes", "on"].includes(value));
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/**
 * The app's own settings from the environment (Probot reads its standard variables — APP_ID,
 * PRIVATE_KEY, WEBHOOK_SECRET, PORT, HOST, LOG_LEVEL, GHE_HOST… — itself). Parsed once, at the edge.
 */
export const envSchema = z.object({
  ANTHROPIC_API_KEY: optionalText,
  ANTHROPIC_BASE_URL: optionalText.pipe(z.url().optional()),
  ANTHROPIC_MODEL: z.string().trim().min(1).default("claude-sonnet-5-5"),
  /** Where Claude is reached: anthropic (ANTHROPIC_API_KEY), bedrock (AWS_REGION + AWS credentials), vertex. */
  MODEL_PROVIDER: z.enum(["anthropic", "bedrock", "vertex"]).default("anthropic"),
  AWS_REGION: optionalText,
  CLOUD_ML_REGION: optionalText,
  ANTHROPIC_VERTEX_PROJECT_ID: optionalText,
  /** Model of the second look at serious findings (`second_look.model` in architect.yml overrides it). */
  VERIFIER_MODEL: z.string().trim().min(1).default("claude-haiku-5-5"),
  /** Output tokens per model call. */
  MODEL_MAX_TOKENS: positiveInt(8192),
  /** Timeout of one model request, in ms; with MODEL_MAX_RETRIES it bounds a call's total time. */
  MODEL_TIMEOUT_MS: positiveInt(120_000),
  MODEL_MAX_RETRIES: nonNegativeInt(3),
  /** Global cap on concurrent model calls in this process. */
  MODEL_CONCURRENCY: positiveInt(4),
  /** Tokens of diff per model call (the fixed prompt prefix comes on top). */
  REVIEW_TOKEN_BUDGET: positiveInt(60_000),
  /** Model calls per review at most. */
  REVIEW_MAX_MODEL_CALLS: positiveInt(8),
  /** Reviews run at once by this process. */
  REVIEW_CONCURRENCY: positiveInt(2),
  /**
   * Worker threads that run the secret scan and the detectors of reviews (0: on the main thread).
   * Default: the available parallelism, less one core in the all-in-one role (for the webhooks).
   */
  ANALYSIS_THREADS: z.coerce.number().int().min(0).optional(),
  /**
   * Resident memory (MB) the review analysis tries to keep the process under: past it, the analysis threads
   * free parse trees sooner (at some cost in time).
   */
  ANALYSIS_MEMORY_TARGET_MB: positiveInt(defaultMemoryTargetMb),
  /** Reviews run at once per installation, across all workers. */
  INSTALLATION_CONCURRENCY: positiveInt(2),
  REDIS_URL: optionalText,
  /**
   * Ask GitHub for the app (GET /app) at start: auto = on GitHub.com only (a GitHub Enterprise Server is
   * then checked by its first installation token), on, or off.
   */
  STARTUP_GITHUB_APP_CHECK: z.enum(["auto", "on", "off"]).default("auto"),
  /** Deliveries held in memory while Redis is unreachable; beyond them webhooks are answered 503. */
  REDIS_OUTAGE_BUFFER: nonNegativeInt(1_000),
  /** Key prefix of the queue's Redis keys. */
  QUEUE_PREFIX: z.string().trim().min(1).default("backend-architect"),
  /** server: receive webhooks; worker: run reviews; all: both. Default: all without Redis, server with. */
  APP_ROLE: z.enum(["server", "worker", "all"]).optional(),
  JOB_ATTEMPTS: positiveInt(3),
  /** BullMQ: a worker's lock on a running job; when it lapses (worker died) another worker takes the job. */
  QUEUE_LOCK_MS: positiveInt(30_000),
  /** BullMQ: how often workers look for jobs whose worker died. */
  QUEUE_STALLED_INTERVAL_MS: positiveInt(15_000),
  JOB_BACKOFF_MS: positiveInt(5_000),
  /** Grace period for running reviews on SIGTERM/SIGINT. */
  SHUTDOWN_GRACE_MS: nonNegativeInt(25_000),
  /** Repository context beside the diff (see docs/configuration.md); a repository can turn it off. */
  CONTEXT_ENABLED: booleanFlag(true),
  /** Tokens of repository context per review. Unset: a quarter of REVIEW_TOKEN_BUDGET. */
  CONTEXT_TOKEN_BUDGET: z.coerce.number().int().min(0).optional(),
  /** GitHub requests for context per review beyond the one tree listing (blobs, subtrees, tool reads). */
  CONTEXT_MAX_GITHUB_REQUESTS: nonNegativeInt(200),
  /** The in-process blob cache, in MiB (in front of Redis when REDIS_URL is set). */
  CONTEXT_CACHE_MB: positiveInt(64),
  /** How long Redis keeps a cached blob, in seconds (REDIS_URL only). */
  CONTEXT_CACHE_TTL_SECONDS: positiveInt(7 * 24 * 60 * 60),
  /** Agentic exploration (read-only repository tools) for repositories that do not choose. */
  CONTEXT_AGENTIC: booleanFlag(false),
  /** Agentic mode: tool turns per model call, and tokens (input + output) per review. */
  CONTEXT_AGENT_MAX_TURNS: positiveInt(6),
  CONTEXT_AGENT_MAX_TOKENS: positiveInt(150_000),
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalText,
});

export type AppEnv = z.infer<typeof envSchema>;

export class EnvConfigError extends Error {}

/** Parses the environment; throws an EnvConfigError naming every bad variable and what it must be. */
export function loadEnv(env: NodeJS.ProcessEnv): AppEnv {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    // Never echo values that may be secrets.
    const shown = /KEY|TOKEN|SECRET|PASSWORD|URL/.test(name) ? "(hidden)" : JSON.stringify(env[name] ?? "");
    return `${name}=${shown}: ${issue.message}`;
  });
  throw new EnvConfigError(`Invalid environment:\n  ${problems.join("\n  ")}`);
}

export function getRole(env: AppEnv, argv: string[]): "server" | "worker" | "all" {
  if (argv.includes("--worker")) return "worker";
  return env.APP_ROLE ?? (env.REDIS_URL ? "server" : "all");
}
