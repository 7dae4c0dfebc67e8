import { describe, expect, it } from "@jest/globals";
import { classifyError, PermanentError } from "../../src/queue/classify-error.js";

/** Builds an error the way the SDKs shape them: `name`, `status`, `code`, headers, `cause`. */
function makeError(message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), fields);
}

function named(name: string, message: string, fields: Record<string, unknown> = {}): Error {
  const err = makeError(message, fields);
  Object.defineProperty(err, "name", { value: name });
  return err;
}

const retryable: { name: string; error: unknown; retryAfterMs?: number }[] = [
  { name: "ECONNRESET", error: makeError("socket hang up", { code: "ECONNRESET" }) },
  { name: "ETIMEDOUT", error: makeError("connect ETIMEDOUT", { code: "ETIMEDOUT" }) },
  { name: "ECONNREFUSED", error: makeError("connect ECONNREFUSED", { code: "ECONNREFUSED" }) },
  { name: "EAI_AGAIN", error: makeError("getaddrinfo EAI_AGAIN api.github.com", { code: "EAI_AGAIN" }) },
  {
    name: "undici fetch failed",
    error: new TypeError("fetch failed", { cause: makeError("x", { code: "UND_ERR_SOCKET" }) }),
  },
  { name: "fetch failed without a code", error: new TypeError("fetch failed") },
  { name: "HTTP 500", error: makeError("Internal Server Error", { status: 500 }) },
  { name: "HTTP 502", error: makeError("Bad Gateway", { status: 502 }) },
  { name: "HTTP 503", error: makeError("Service Unavailable", { status: 503 }) },
  { name: "HTTP 429", error: makeError("Too Many Requests", { status: 429 }) },
  {
    name: "GitHub secondary rate limit (403, message)",
    error: named("HttpError", "You have exceeded a secondary rate limit. Please wait a few minutes", {
      status: 403,
    }),
  },
  {
    name: "GitHub 403 with retry-after (Octokit response headers)",
    error: named("HttpError", "Forbidden", { status: 403, response: { headers: { "retry-after": "60" } } }),
    retryAfterMs: 60_000,
  },
  {
    name: "Anthropic 429 with retry-after (fetch Headers)",
    error: named("RateLimitError", "429 rate_limit_error", {
      status: 429,
      headers: new Headers({ "retry-after": "7" }),
    }),
    retryAfterMs: 7_000,
  },
  {
    name: "Anthropic APIConnectionError (no status)",
    error: named("APIConnectionError", "Connection error."),
  },
  {
    name: "Anthropic APIConnectionTimeoutError",
    error: named("APIConnectionTimeoutError", "Request timed out."),
  },
  {
    name: "Anthropic InternalServerError",
    error: named("InternalServerError", "500 api_error", { status: 500 }),
  },
  {
    name: "Anthropic overloaded (529)",
    error: named("InternalServerError", "529 overloaded_error", { status: 529 }),
  },
  {
    name: "a retryable cause under a domain wrapper",
    error: new Error("Failed to list files of acme/api#12", {
      cause: makeError("reset", { code: "ECONNRESET" }),
    }),
  },
];

const permanent: { name: string; error: unknown; unknown?: boolean }[] = [
  { name: "PermanentError", error: new PermanentError("Repository config of acme/api is invalid") },
  {
    name: "PermanentError wrapping a network error",
    error: new PermanentError("gave up", { cause: makeError("reset", { code: "ECONNRESET" }) }),
  },
  { name: "HTTP 400", error: makeError("Bad Request", { status: 400 }) },
  { name: "HTTP 401", error: makeError("Bad credentials", { status: 401 }) },
  {
    name: "HTTP 403 without rate limit",
    error: named("HttpError", "Resource not accessible by integration", { status: 403 }),
  },
  { name: "HTTP 404", error: makeError("Not Found", { status: 404 }) },
  { name: "HTTP 410", error: makeError("Gone", { status: 410 }) },
  {
    name: "HTTP 422",
    error: makeError("Pull request review thread line must be part of the diff", { status: 422 }),
  },
  { name: "an unknown error", error: new TypeError("Cannot read properties of undefined"), unknown: true },
  { name: "a thrown string", error: "boom", unknown: true },
  { name: "undefined", error: undefined, unknown: true },
];

describe("classifyError", () => {
  describe("retryable", () => {
    it.each(retryable)("$name", ({ error, retryAfterMs }) => {
      const verdict = classifyError(error);

      expect(verdict.kind).toBe("retryable");
      if (retryAfterMs !== undefined) expect(verdict).toMatchObject({ retryAfterMs });
    });
  });

  describe("permanent", () => {
    it.each(permanent)("$name", ({ error, unknown }) => {
      const verdict = classifyError(error);

      expect(verdict.kind).toBe("permanent");
      expect(verdict.kind === "permanent" && verdict.unknown === true).toBe(unknown === true);
    });
  });

  it("reads GitHub's rate-limit reset when nothing remains", () => {
    const resetInSeconds = Math.floor(Date.now() / 1000) + 120;
    const error = named("HttpError", "API rate limit exceeded for installation ID 1", {
      status: 403,
      response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(resetInSeconds) } },
    });

    const verdict = classifyError(error);

    expect(verdict.kind).toBe("retryable");
    expect(verdict.kind === "retryable" && verdict.retryAfterMs).toBeGreaterThan(60_000);
  });
});
