import { severities } from "../findings/finding.js";
import type { ReconciledFinding } from "../review/reconcile-findings.js";
import type { LocalReport } from "./build-local-report.js";

const indent = "          ";

/**
 * The human-readable report: findings grouped by file (severity, path:line, title, wrapped body, where
 * it comes from), then what was left out, the model's cost and the --fail-on verdict.
 */
export function buildTextReport(report: LocalReport, options: { width?: number } = {}): string {
  const width = Math.max(60, options.width ?? 100);
  const out: string[] = [buildHeadline(report), ""];
  for (const summary of report.model?.summaries ?? []) out.push(...wrap(summary, width, ""), "");

  const byPath = new Map<string, ReconciledFinding[]>();
  for (const finding of report.findings)
    byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  for (const [path, findings] of byPath) {
    out.push(path);
    for (const finding of findings) out.push(...renderFinding(finding, width), "");
  }

  if (report.belowConfidence > 0) {
    out.push(
      `${plural(report.belowConfidence, "finding")} below --min-confidence ${report.minConfidence} not shown.`,
    );
  }
  if (report.leftOut.length > 0) {
    out.push(`Left out ${plural(report.leftOut.length, "file")}:`);
    for (const file of report.leftOut) out.push(`  ${file.path} — ${file.reason}`);
  }
  out.push(buildModelLine(report));
  out.push(buildVerdict(report));
  return `${out.join("\n")}\n`;
}

function buildHeadline(report: LocalReport): string {
  const files = plural(report.reviewedPaths.length, "server-side file");
  if (report.findings.length === 0) return `Backend Architect · no findings in ${files} (${report.source})`;
  const counts = severities
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `Backend Architect · ${plural(report.findings.length, "finding")} (${counts.join(", ")}) in ${files} (${report.source})`;
}

function renderFinding(finding: ReconciledFinding, width: number): string[] {
  const where = `${finding.path}:${finding.line}${finding.endLine && finding.endLine > finding.line ? `-${finding.endLine}` : ""}`;
  // "CRITICAL" fills 8 columns: the space keeps it apart from the path.
  const lines = [`  ${finding.severity.toUpperCase().padEnd(8)} ${where}  ${finding.title}`];
  lines.push(...wrap(finding.body, width, indent));
  if (finding.suggestion !== undefined) {
    lines.push(`${indent}Suggested change:`);
    for (const line of finding.suggestion.split("\n")) lines.push(`${indent}  ${line}`);
  }
  const origin =
    finding.source === "rule"
      ? `rule ${finding.ruleId ?? "detector"}`
      : `model${finding.ruleId ? `, confirmed by rule ${finding.ruleId}` : ""}`;
  lines.push(
    `${indent}(${finding.category} · ${origin} · confidence ${Math.round(finding.confidence * 100)}%)`,
  );
  return lines;
}

function buildModelLine(report: LocalReport): string {
  const { model } = report;
  if (!model) return `Model: not asked — ${report.modelSkippedReason ?? "detectors only"}.`;
  const { usage } = model;
  const failed = model.failedCalls > 0 ? ` (${model.failedCalls} failed: ${model.errors[0] ?? "error"})` : "";
  return `Model ${model.id}: ${plural(model.calls, "call")}${failed}, ${usage.input.toLocaleString("en")} input / ${usage.output.toLocaleString("en")} output tokens (${(usage.cacheRead + usage.cacheWrite).toLocaleString("en")} cached), estimated $${model.costUsd.toFixed(4)}.`;
}

function buildVerdict(report: LocalReport): string {
  if (report.failOn === "never") return "Result: passes (--fail-on never).";
  if (report.failing === 0) return `Result: passes — no finding is ${report.failOn} or worse.`;
  return `Result: fails — ${plural(report.failing, "finding")} ${report.failing === 1 ? "is" : "are"} ${report.failOn} or worse.`;
}

/** Wraps each paragraph line at `width`; code (fenced or indented) is kept as it is. */
function wrap(text: string, width: number, prefix: string): string[] {
  const out: string[] = [];
  let inFence = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence || /^\s*(```|~~~)/.test(line) || /^( {4}|\t)/.test(line) || line.trim() === "") {
      out.push(line.trim() === "" ? "" : prefix + line);
      continue;
    }
    const continuation = /^\s*([-*]|\d+\.)\s/.exec(line);
    const hanging = continuation ? " ".repeat(continuation[0].length) : "";
    let current = "";
    for (const word of line.trim().split(/\s+/)) {
      if (current !== "" && prefix.length + current.length + 1 + word.length > width) {
        out.push(prefix + current);
        current = hanging + word;
      } else current = current === "" ? word : `${current} ${word}`;
    }
    if (current !== "") out.push(prefix + current);
  }
  return out;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}
