import { severities } from "../findings/finding.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import { renderFindingListItem } from "../review/render-finding.js";
import { encodeCodeSpan, encodeInlineText } from "../security/encode-markdown.js";
import { neutralizeModelText } from "../security/neutralize-model-text.js";
import type { LocalReport } from "./build-local-report.js";

/**
 * The report as Markdown, shaped like the app's review body (same heading, counts and finding list items),
 * grouped by file — for a pull-request description, a CI job summary ($GITHUB_STEP_SUMMARY) or a chat.
 */
export function buildMarkdownReport(report: LocalReport): string {
  const parts: string[] = ["### Backend Architect"];
  const summary = (report.model?.summaries ?? []).join("\n\n").trim();
  if (summary) parts.push(neutralizeModelText(summary, { maxLength: 8_000 }));
  if (report.findings.length === 0) {
    parts.push(`No findings in ${plural(report.reviewedPaths.length, "server-side file")}.`);
  } else {
    const counts = severities
      .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    parts.push(`**${plural(report.findings.length, "finding")}** (${counts.join(", ")}).`);
    const byPath = new Map<string, ReconciledFinding[]>();
    for (const f of report.findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
    for (const [path, findings] of byPath) {
      parts.push(
        `#### ${code(path)}`,
        findings.map((f) => renderFindingListItem(f, describeSource(f))).join("\n"),
      );
    }
  }
  if (report.belowConfidence > 0) {
    parts.push(
      `_${plural(report.belowConfidence, "finding")} below the minimum confidence ${report.minConfidence} not shown._`,
    );
  }
  if (report.leftOut.length > 0) {
    parts.push(
      `<details><summary>Left out ${plural(report.leftOut.length, "file")}</summary>\n\n${report.leftOut
        .map((f) => `- ${code(f.path)} — ${encodeInlineText(f.reason)}`)
        .join("\n")}\n\n</details>`,
    );
  }
  parts.push(`<sub>${buildFooter(report)}</sub>`);
  return `${parts.join("\n\n")}\n`;
}

function describeSource(finding: ReconciledFinding): string {
  if (finding.source === "rule") return `rule-based: ${finding.ruleId ?? "detector"}`;
  const confirmed = finding.ruleId ? `, confirmed by rule ${finding.ruleId}` : "";
  return `confidence ${Math.round(finding.confidence * 100)}%${confirmed}`;
}

function buildFooter(report: LocalReport): string {
  const reviewed = `Reviewed ${plural(report.reviewedPaths.length, "server-side file")} of ${encodeInlineText(report.source)} locally`;
  const model = report.model
    ? `model ${code(report.model.id)}: ${plural(report.model.calls, "call")}${report.model.failedCalls > 0 ? ` (${report.model.failedCalls} failed)` : ""}, estimated $${report.model.costUsd.toFixed(4)}`
    : "rule-based detectors only";
  const verdict =
    report.failOn === "never"
      ? "never fails"
      : `${plural(report.failing, "finding")} at ${code(report.failOn)} or worse`;
  return `${reviewed} · ${model} · ${verdict}.`;
}

function code(text: string): string {
  return encodeCodeSpan(text, { maxLength: 1_000 });
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}
