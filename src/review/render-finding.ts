import type { Finding, Severity } from "../findings/finding.js";
import { encodeCodeSpan, encodeFencedBlock, encodeInlineText } from "../security/encode-markdown.js";
import { invisibleCharacterPattern } from "../security/invisible-character-pattern.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";

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
  if (finding.source === "rule") return `rule-based: ${encodeCodeSpan(finding.ruleId ?? "detector")}`;
  const confirmed = finding.ruleId ? ` · confirmed by rule ${encodeCodeSpan(finding.ruleId)}` : "";
  return `confidence ${Math.round(finding.confidence * 100)}%${confirmed}`;
}

// Non-global copy: `.test` on the shared global pattern would carry `lastIndex` between calls.
const hiddenCharacter = new RegExp(invisibleCharacterPattern.source, "u");

/**
 * Why a suggestion must not be offered as a one-click commit, or null when it may: invisible or
 * bidirectional control characters (Trojan Source: the committed code would differ from what the
 * reader sees), or the opening of one of the app's markers.
 */
export function getUnsafeSuggestionReason(suggestion: string): string | null {
  if (hiddenCharacter.test(suggestion.replace(/\r\n/g, "\n"))) {
    return "It is not offered as a one-click suggestion because it contains invisible or bidirectional control characters (shown as ⟦U+…⟧): committed, the code could differ from what you read (Trojan Source).";
  }
  if (/<!--\s*backend-architect/i.test(suggestion)) {
    return "It is not offered as a one-click suggestion because it contains text that imitates the app's hidden markers.";
  }
  return null;
}

/**
 * The Markdown of one inline comment: title, body, rule id and suggestion are encoded here (they may
 * come from the model or quote the pull request). `marker` is the hidden fingerprint marker and
 * stays the last line.
 */
export function renderCommentBody(
  finding: Finding,
  options: { suggestionApplies: boolean; marker?: string },
): string {
  const parts = [
    `**${getSeverityLabel(finding.severity)} · ${capitalize(finding.category)}** — ${renderTitle(finding.title)}`,
    renderFindingBody(finding),
  ];
  if (finding.suggestion !== undefined)
    parts.push(renderSuggestion(finding.suggestion, options.suggestionApplies));
  parts.push(`<sub>Backend Architect · ${renderSource(finding)}</sub>`);
  if (options.marker) parts.push(options.marker);
  return parts.join("\n\n");
}

function renderSuggestion(suggestion: string, applies: boolean): string {
  const text = suggestion.replace(/\r\n?/g, "\n");
  const unsafe = getUnsafeSuggestionReason(text);
  if (unsafe) return `Suggested change (shown as text). ${unsafe}\n${encodeFencedBlock(text)}`;
  const fence = getFence(text);
  return applies ? `${fence}suggestion\n${text}\n${fence}` : `Suggested change:\n${encodeFencedBlock(text)}`;
}

/**
 * A finding's title as Markdown: as written when nothing in it needs escaping, else the whole title as
 * one code span — it still reads (and can be searched) exactly as written, and nothing in it renders or
 * notifies.
 */
export function renderTitle(title: string): string {
  const line = title.replace(/\s+/g, " ").trim();
  const encoded = encodeInlineText(line, { maxLength: 300 });
  return encoded === line ? line : encodeCodeSpan(line, { maxLength: 300 });
}

/** A finding's body as Markdown: model prose, encoded (`neutralizeModelText`), capped at 6,000 characters. */
export function renderFindingBody(finding: Finding): string {
  return neutralizeModelText(finding.body, { maxLength: 6_000 });
}

/** A finding as a list item of the review body or the check run (for those not commented inline). */
export function renderFindingListItem(finding: Finding, note?: string): string {
  const where = finding.endLine
    ? `${finding.path}:${finding.line}-${finding.endLine}`
    : `${finding.path}:${finding.line}`;
  const head = `- ${getSeverityLabel(finding.severity)} · ${capitalize(finding.category)} — ${encodeCodeSpan(where)} — **${renderTitle(finding.title)}**`;
  const body = renderFindingBody(finding)
    .split("\n")
    .map((line) => (line ? `  ${line}` : ""))
    .join("\n");
  return [head + (note ? ` _(${note})_` : ""), body].filter(Boolean).join("\n");
}
