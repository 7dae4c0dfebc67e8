import { encodeCodeSpan, encodeInlineText } from "../security/encode-markdown.js";
import { getSeverityLabel } from "./render-finding.js";
import type { SecondLookReport } from "./take-second-look.js";

const maxListed = 100;

function formatUsd(usd: number): string {
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

function where(finding: { path: string; line: number; endLine?: number }): string {
  return encodeCodeSpan(
    finding.endLine
      ? `${finding.path}:${finding.line}-${finding.endLine}`
      : `${finding.path}:${finding.line}`,
    { maxLength: 300 },
  );
}

/**
 * The check run's "Second look" section: what was checked with which model, what it cost (apart from the
 * review's own cost), failures (their findings were kept), and the withdrawn and lowered findings in
 * collapsed lists with the verifier's reasons. Titles are already neutralised; reasons are model text
 * and are encoded here.
 */
export function buildSecondLookLines(report: SecondLookReport | undefined): string[] {
  if (!report) return [];
  if (report.status === "off") return ["", "### Second look", `Second look ${report.reason}.`];
  if (report.status === "not-needed") {
    return [
      "",
      "### Second look",
      "No finding needed a second look (none of severity medium or worse below the confidence threshold, none critical).",
    ];
  }
  const { usage } = report;
  const lines = [
    "",
    "### Second look",
    `Model ${encodeCodeSpan(report.modelId)} checked ${report.checked} finding${report.checked === 1 ? "" : "s"} in ${report.calls} call${report.calls === 1 ? "" : "s"}${report.failedCalls ? ` (${report.failedCalls} failed)` : ""}: ${report.withdrawn.length} withdrawn, ${report.lowered.length} lowered, ${report.checked - report.withdrawn.length - report.lowered.length} kept as found.`,
    `Second-look cost: ${usage.input.toLocaleString("en")} input tokens, ${usage.output.toLocaleString("en")} output tokens, ${usage.cacheRead.toLocaleString("en")} cache-read tokens, ${usage.cacheWrite.toLocaleString("en")} cache-write tokens; estimated cost ${formatUsd(report.costUsd)}.`,
  ];
  if (report.failedCalls > 0) {
    lines.push(
      `> ⚠️ The second look failed for ${report.keptUnverified} finding${report.keptUnverified === 1 ? "" : "s"}; they are posted as the review found them. ${encodeInlineText(report.errors[0] ?? "", { maxLength: 300 })}`,
    );
  }
  if (report.ignoredRaises + report.unknownIds > 0) {
    lines.push(
      `The verifier's answer also had ${report.ignoredRaises} severity raise(s) and ${report.unknownIds} verdict(s) for unknown ids; they were ignored (a second look may only keep, lower or withdraw).`,
    );
  }
  if (report.withdrawn.length > 0) {
    lines.push(
      "",
      `<details><summary>Withdrawn after a second look (${report.withdrawn.length}; not posted)</summary>`,
      "",
      ...report.withdrawn
        .slice(0, maxListed)
        .map(
          ({ finding, reason }) =>
            `- ${getSeverityLabel(finding.severity)} — ${where(finding)} — **${finding.title}** — ${encodeInlineText(reason, { maxLength: 300 })}`,
        ),
      ...(report.withdrawn.length > maxListed ? [`- … and ${report.withdrawn.length - maxListed} more`] : []),
      "",
      "</details>",
    );
  }
  if (report.lowered.length > 0) {
    lines.push(
      "",
      `<details><summary>Severity lowered after a second look (${report.lowered.length})</summary>`,
      "",
      ...report.lowered
        .slice(0, maxListed)
        .map(
          ({ finding, from, reason }) =>
            `- ${where(finding)} — **${finding.title}** — ${from} → ${finding.severity}: ${encodeInlineText(reason, { maxLength: 300 })}`,
        ),
      ...(report.lowered.length > maxListed ? [`- … and ${report.lowered.length - maxListed} more`] : []),
      "",
      "</details>",
    );
  }
  return lines;
}
