import { type ContextKind, contextKindLabels, contextKinds } from "../context/context-piece.js";
import { encodeCodeSpan, encodeInlineText } from "../security/encode-markdown.js";
import type { ContextReport } from "./gather-context.js";

const n = (value: number) => value.toLocaleString("en");
const maxPathsListed = 10;

/**
 * The check run's "Context" line: files and tokens of repository context by kind, what the budget left
 * out, the exploration's tool turns, and the GitHub requests it cost; or why there was none.
 */
export function buildContextLine(report: ContextReport): string {
  if (report.status === "off")
    return `Context: none — ${encodeInlineText(report.reason, { maxLength: 400 })}.`;
  const kinds = contextKinds
    .filter((kind: ContextKind) => report.sent[kind].count > 0)
    .map(
      (kind) =>
        `${contextKindLabels[kind]} ${report.sent[kind].count} (${n(report.sent[kind].tokens)} tokens)`,
    );
  const sentTokens = contextKinds.reduce((sum, kind) => sum + report.sent[kind].tokens, 0);
  const parts = [
    `Context: ${n(report.filesRead)} file${report.filesRead === 1 ? "" : "s"} read, ${n(sentTokens)} tokens sent${kinds.length > 0 ? ` — ${kinds.join(", ")}` : " (nothing relevant found)"}.`,
  ];
  if (report.leftOut.count > 0) {
    const paths = report.leftOut.paths
      .slice(0, maxPathsListed)
      .map((p) => encodeCodeSpan(p, { maxLength: 200 }));
    const more =
      report.leftOut.paths.length > maxPathsListed
        ? ` and ${report.leftOut.paths.length - maxPathsListed} more`
        : "";
    parts.push(
      `Left out for the budget: ${report.leftOut.count} excerpt${report.leftOut.count === 1 ? "" : "s"} (${n(report.leftOut.tokens)} tokens) from ${paths.join(", ")}${more}.`,
    );
  }
  if (report.exploration) {
    const e = report.exploration;
    parts.push(
      `Exploration: ${e.turns} tool turn${e.turns === 1 ? "" : "s"}, ${e.toolCalls} tool call${e.toolCalls === 1 ? "" : "s"}, ${n(e.tokens)} tokens${e.stoppedBy.length > 0 ? `; stopped at ${e.stoppedBy.map((r) => encodeInlineText(r, { maxLength: 100 })).join(", ")}` : ""}.`,
    );
  }
  parts.push(
    `GitHub requests for context: ${n(report.githubRequests)} (${n(report.cachedReads)} file${report.cachedReads === 1 ? "" : "s"} from the cache).`,
  );
  const notes = report.notes.map(
    (note) => `> ⚠️ Context incomplete: ${encodeInlineText(note, { maxLength: 300 })}`,
  );
  return [parts.join(" "), ...notes].join("\n");
}

/** Appended to the cost line: the share of input tokens that was repository context. */
export function buildContextCostNote(report: ContextReport | undefined): string {
  if (report?.status !== "ran" || report.promptTokens === 0) return "";
  return ` Repository context (excerpts and their framing): about ${n(report.promptTokens)} of the input tokens (estimated).`;
}
