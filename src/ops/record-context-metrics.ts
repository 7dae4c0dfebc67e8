import { contextKinds } from "../context/context-piece.js";
import type { ContextReport } from "../review/gather-context.js";
import type { Metrics } from "./metrics.js";

/**
 * Counts one review's repository context into the metrics: tokens sent by kind, blob cache hits and
 * misses, GitHub requests, secrets redacted, and what was lost (the whole context, or files it could not
 * read). A context that is off by choice counts nothing.
 */
export function recordContextMetrics(metrics: Metrics, report: ContextReport): void {
  if (report.status === "off") {
    if (report.failure) metrics.contextFailures.inc({ reason: report.failure });
    return;
  }
  for (const kind of contextKinds) {
    const tokens = report.sent[kind].tokens;
    if (tokens > 0) metrics.contextTokens.inc({ kind }, tokens);
  }
  if (report.cachedReads > 0) metrics.contextBlobReads.inc({ result: "hit" }, report.cachedReads);
  if (report.blobRequests > 0) metrics.contextBlobReads.inc({ result: "miss" }, report.blobRequests);
  metrics.contextGithubRequests.inc(report.githubRequests);
  if (report.secretsRedacted > 0) metrics.contextSecretsRedacted.inc(report.secretsRedacted);
  if (report.readErrors > 0) metrics.contextFailures.inc({ reason: "read_error" }, report.readErrors);
  if (report.readsRefused > 0) metrics.contextFailures.inc({ reason: "request_budget" }, report.readsRefused);
}
