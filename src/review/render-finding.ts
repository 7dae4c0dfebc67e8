import type { Finding, Severity } from "../findings/finding.js";

const severityLabel: Record<Severity, string> = {
  critical: "🔴 Critical",
  high: "🟠 High",
  medium: "🟡 Medium",
  low: "🔵 Low",
  info: "⚪ Info",
};

export function getSeverityLabel(severity: Severity): string {
  return severityLabel[severity];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A fence longer than any backtick run inside `text`, so the text cannot close it. */
export function getFence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

function renderSource(finding: Finding): string {
  if (finding.source === "rule") return `rule-based: \`${finding.ruleId ?? "detector"}\``;
  const confirmed = finding.ruleId ? ` · confirmed by rule \`${finding.ruleId}\`` : "";
  return `confidence ${Math.round(finding.confidence * 100)}%${confirmed}`;
}

/**
 * The Markdown of one inline comment. Title, body and suggestion must already be neutralised
 * (they may come from the model). `marker` is the hidden fingerprint marker.
 */
export function renderCommentBody(
  finding: Finding,
  options: { suggestionApplies: boolean; marker?: string },
): string {
  const parts = [
    `**${getSeverityLabel(finding.severity)} · ${capitalize(finding.category)}** — ${finding.title}`,
    finding.body,
  ];
  if (finding.suggestion !== undefined) {
    const fence = getFence(finding.suggestion);
    parts.push(
      options.suggestionApplies
        ? `${fence}suggestion\n${finding.suggestion}\n${fence}`
        : `Suggested change:\n${fence}\n${finding.suggestion}\n${fence}`,
    );
  }
  parts.push(`<sub>Backend Architect · ${renderSource(finding)}</sub>`);
  if (options.marker) parts.push(options.marker);
  return parts.join("\n\n");
}

/** A finding as a list item of the review body or the check run (for those not commented inline). */
export function renderFindingListItem(finding: Finding, note?: string): string {
  const where = finding.endLine
    ? `${finding.path}:${finding.line}-${finding.endLine}`
    : `${finding.path}:${finding.line}`;
  const head = `- ${getSeverityLabel(finding.severity)} · ${capitalize(finding.category)} — \`${where.replace(/`/g, "'")}\` — **${finding.title}**`;
  const body = finding.body
    .split("\n")
    .map((line) => (line ? `  ${line}` : ""))
    .join("\n");
  return [head + (note ? ` _(${note})_` : ""), body].filter(Boolean).join("\n");
}
