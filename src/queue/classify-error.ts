/**
 * Marks an error that retrying cannot fix (bad configuration, a PR that no longer exists, …).
 *
 * @example
 * throw new PermanentError(`Repository config of ${owner}/${repo} is invalid`, { cause: err });
 */
export class PermanentError extends Error {
  override readonly name = "PermanentError";
}

export type ErrorClassification =
  | {
      kind: "retryable";
      reason: string /** Server-given wait (retry-after, rate-limit reset). */;
      retryAfterMs?: number;
    }
  | {
      kind: "permanent";
      reason: string /** True when the error matched no rule: worth a log line. */;
      unknown?: boolean;
    };

const retryableCodes = new Set([
  "ECONNRESET",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "EAI_AGAIN",
  "EPIPE",
  "ENOTFOUND",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** Anthropic SDK error names (duck-typed: the queue does not import the SDK). */
const retryableNames = new Set([
  "APIConnectionError",
  "APIConnectionTimeoutError",
  "RateLimitError",
  "InternalServerError",
  "ServiceUnavailableError",
  "GatewayTimeoutError",
  "OverloadedError",
  "TimeoutError",
]);

const permanentStatuses = new Set([400, 401, 403, 404, 410, 422]);

/**
 * Decides whether a failed review is worth another attempt. Walks the `cause` chain, so wrapping with
 * `{ cause }` keeps the classification.
 *
 * Retryable: network errors, HTTP 5xx and 408/429, GitHub's rate limits (403 saying "rate limit" or
 * carrying `retry-after`), Anthropic connection/rate-limit/server errors. Permanent: `PermanentError`,
 * 400/401/403/404/410/422, and anything unrecognised (`unknown: true`).
 */
export function classifyError(err: unknown): ErrorClassification {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    const verdict = classifyOne(current);
    if (verdict) return verdict;
    current = getProperty(current, "cause");
  }
  return { kind: "permanent", reason: `unrecognised error: ${describe(err)}`, unknown: true };
}

function classifyOne(err: unknown): ErrorClassification | undefined {
  if (err instanceof PermanentError) return { kind: "permanent", reason: err.message };
  const name = getString(err, "name");
  const code = getString(err, "code");
  const message = getString(err, "message") ?? "";
  const status = getNumber(err, "status");

  if (status !== undefined) {
    const retryAfterMs = getRetryAfterMs(err);
    if (status === 403 && (/rate limit/i.test(message) || retryAfterMs !== undefined)) {
      return { kind: "retryable", reason: `GitHub rate limit (403): ${message}`, retryAfterMs };
    }
    if (status === 429 || status === 408 || (status >= 500 && status <= 599)) {
      return { kind: "retryable", reason: `HTTP ${status}: ${message}`, retryAfterMs };
    }
    if (permanentStatuses.has(status)) return { kind: "permanent", reason: `HTTP ${status}: ${message}` };
  }
  if (code !== undefined && retryableCodes.has(code)) {
    return { kind: "retryable", reason: `network error ${code}` };
  }
  if (name !== undefined && retryableNames.has(name))
    return { kind: "retryable", reason: `${name}: ${message}` };
  if (/fetch failed/i.test(message)) return { kind: "retryable", reason: message };
  return undefined;
}

/** `retry-after` (seconds or HTTP date) or GitHub's `x-ratelimit-reset` when nothing remains. */
function getRetryAfterMs(err: unknown): number | undefined {
  const retryAfter = getHeader(err, "retry-after");
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  if (getHeader(err, "x-ratelimit-remaining") === "0") {
    const reset = Number(getHeader(err, "x-ratelimit-reset"));
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  }
  return undefined;
}

/** Headers live on `err.headers` (Anthropic: a `Headers`) or `err.response.headers` (Octokit: a record). */
function getHeader(err: unknown, name: string): string | undefined {
  for (const headers of [getProperty(err, "headers"), getProperty(getProperty(err, "response"), "headers")]) {
    if (headers === undefined || headers === null || typeof headers !== "object") continue;
    const get = getProperty(headers, "get");
    if (typeof get === "function") {
      const value: unknown = get.call(headers, name);
      if (typeof value === "string") return value;
      continue;
    }
    const value = getProperty(headers, name);
    if (typeof value === "string") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}

function getProperty(value: unknown, key: string): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}

function getString(value: unknown, key: string): string | undefined {
  const v = getProperty(value, key);
  return typeof v === "string" ? v : undefined;
}

function getNumber(value: unknown, key: string): number | undefined {
  const v = getProperty(value, key);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
