import { type RepoConfig, renderEffectiveConfig } from "../config/repo-config.js";
import type { LeftOutFile } from "../diff/select-server-files.js";
import { categories, type Finding, isAtLeast, type Severity, severities } from "../findings/finding.js";
import type { CheckAnnotation, CheckConclusion, CheckOutput } from "../github/checks.js";
import type { ModelUsage } from "../model/review-model.js";
import type { RejectedFinding } from "../model/review-output-schema.js";
import { buildContextCostNote, buildContextLine } from "./build-context-line.js";
import type { ContextReport } from "./gather-context.js";
import type { PlacedFindings } from "./place-findings.js";
import { renderFindingListItem } from "./render-finding.js";
import { buildSecondLookLines } from "./render-second-look.js";
import type { SecondLookReport } from "./take-second-look.js";

/** Everything a finished review has to say, for the check run and the review body. */
export interface ReviewReport {
  headSha: string;
  scope: { mode: "full" | "incremental"; reason: string };
  /** Server-side files that were reviewed (by the detectors, and the model when it ran). */
  reviewedPaths: string[];
  leftOut: LeftOutFile[];
  /** Reviewed by the detectors but not shown to the model (budget), with why. */
  notShownToModel: { path: string; reason: string }[];
  findings: Finding[];
  placed: PlacedFindings;
  /** Findings of earlier reviews: still on the diff / gone with their code. */
  history: {
    stillOpen: number;
    resolved: number;
    alreadyPosted: number;
    /** Findings people dismissed on an earlier review (👎, a reply, a resolved thread): not posted again. */
    dismissed?: Finding[];
    /** Findings silenced by an `architect-ignore:` comment in the code. */
    suppressed?: Finding[];
    /** What could not be read about earlier findings. */
    notes?: string[];
  };
  model:
    | {
        status: "ran";
        id: string;
        calls: number;
        failedCalls: number;
        usage: ModelUsage;
        costUsd: number;
        errors: string[];
      }
    | { status: "skipped"; reason: string };
  rejected: RejectedFinding[];
  /** Repository context: what was read and sent, or why there was none. Absent when the app reads none. */
  context?: ContextReport;
  /** What the second look at serious findings did (absent: not part of this review). */
  secondLook?: SecondLookReport;
  /** The "Architecture impact" section (Markdown, already encoded); absent when nothing applies. */
  impactSection?: string;
  config: RepoConfig;
  failOn: Severity | "never";
}

const maxListed = 150;
/** GitHub refuses a review body longer than this, with a margin for the fallback list of findings. */
const maxReviewBodyLength = 60_000;

function plural(count: number, word: string): string {
  return `${count.toLocaleString("en")} ${word}${count === 1 ? "" : "s"}`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function listCapped<T>(items: T[], render: (item: T) => string): string {
  const shown = items.slice(0, maxListed).map(render);
  if (items.length > maxListed) shown.push(`- … and ${items.length - maxListed} more`);
  return shown.join("\n");
}

/** failure when a finding reaches `fail_on`; neutral for findings below it (or an incomplete review); success otherwise. */
export function getConclusion(report: Pick<ReviewReport, "findings" | "failOn" | "model">): CheckConclusion {
  const { failOn } = report;
  if (failOn !== "never" && report.findings.some((f) => isAtLeast(f.severity, failOn))) return "failure";
  if (report.findings.length > 0) return "neutral";
  if (report.model.status === "ran" && report.model.failedCalls > 0) return "neutral";
  return "success";
}

export function buildCheckTitle(report: ReviewReport): string {
  const n = report.findings.length;
  const incomplete =
    report.model.status === "ran" &&
    report.model.failedCalls === report.model.calls &&
    report.model.calls > 0;
  if (incomplete) return `Review incomplete: the model was unavailable · ${plural(n, "rule-based finding")}`;
  if (n === 0) return `No findings in ${plural(report.reviewedPaths.length, "server-side file")}`;
  const counts = severities
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`);
  return `${plural(n, "finding")}: ${counts.join(", ")}`;
}

function formatUsd(usd: number): string {
  return usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

export function buildCheckOutput(report: ReviewReport): CheckOutput {
  const lines: string[] = [];
  const conclusion = getConclusion(report);
  const failOnText =
    report.failOn === "never" ? "never fails (`fail_on: never`)" : `fails on ${code(report.failOn)} or worse`;
  lines.push(`**${buildCheckTitle(report)}** — this check ${failOnText}; conclusion: **${conclusion}**.`);
  if (report.model.status === "ran" && report.model.errors.length > 0) {
    lines.push(
      `> ⚠️ ${report.model.failedCalls} of ${report.model.calls} model calls failed, so part of the change was reviewed by the rule-based detectors only: ${report.model.errors[0]}`,
    );
  }
  if (report.model.status === "skipped") lines.push(`> ℹ️ ${report.model.reason}`);

  if (report.findings.length > 0) {
    lines.push("", "| Severity | Findings |", "| --- | --- |");
    for (const s of severities) {
      const c = report.findings.filter((f) => f.severity === s).length;
      if (c > 0) lines.push(`| ${s} | ${c} |`);
    }
    const byCategory = categories
      .map((c) => [c, report.findings.filter((f) => f.category === c).length] as const)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${c} ${n}`);
    lines.push("", `By category: ${byCategory.join(" · ")}`);
    lines.push(
      `Placed: ${report.placed.inline.length} inline, ${report.placed.inBody.length} in the review body, ${report.placed.lowConfidence.length} low-confidence (below).`,
    );
  }
  const { history } = report;
  if (history.stillOpen + history.resolved + history.alreadyPosted > 0) {
    lines.push(
      "",
      `Since the last review: ${plural(report.findings.length - history.alreadyPosted, "new finding")}, ${history.stillOpen} still open, ${history.resolved} resolved.`,
    );
  }
  lines.push(...buildVerdictLines(history));

  // The context line rides with the scope line: both stay above the file listing.
  lines.push(
    "",
    `### What was read`,
    `Review: ${report.scope.mode} — ${report.scope.reason}.${report.context ? `\n${buildContextLine(report.context)}` : ""}`,
  );
  const listing = buildFileListing(report);

  if (report.model.status === "ran") {
    const { usage } = report.model;
    lines.push(
      "",
      `### Cost`,
      `Model ${code(report.model.id)}: ${plural(report.model.calls, "call")}${report.model.failedCalls ? ` (${report.model.failedCalls} failed)` : ""}, ${usage.input.toLocaleString("en")} input tokens, ${usage.output.toLocaleString("en")} output tokens, ${usage.cacheRead.toLocaleString("en")} cache-read tokens, ${usage.cacheWrite.toLocaleString("en")} cache-write tokens; estimated cost ${formatUsd(report.model.costUsd)}.${buildContextCostNote(report.context)}`,
    );
  }

  lines.push(...buildSecondLookLines(report.secondLook));
  if (report.impactSection) lines.push("", report.impactSection.replace(/^#### /, "### "));
  if (report.placed.lowConfidence.length > 0) {
    lines.push(
      "",
      `<details><summary>Low-confidence findings (${report.placed.lowConfidence.length}, below min_confidence ${report.config.min_confidence})</summary>`,
      "",
      listCapped(report.placed.lowConfidence, (f) =>
        renderFindingListItem(f, `confidence ${Math.round(f.confidence * 100)}%`),
      ),
      "",
      "</details>",
    );
  }
  if (report.rejected.length > 0) {
    lines.push(
      "",
      `<details><summary>Model findings that could not be read (${report.rejected.length})</summary>`,
      "",
      listCapped(
        report.rejected,
        (r) =>
          `- ${r.path ? code(`${r.path}${r.line ? `:${r.line}` : ""}`) : "(no path)"} — ${r.title ? code(r.title) : "(no title)"}: ${code(r.reason.slice(0, 300))}`,
      ),
      "",
      "</details>",
    );
  }
  lines.push(
    "",
    "<details><summary>Effective configuration</summary>",
    "",
    "```yaml",
    renderEffectiveConfig(report.config).trimEnd(),
    "```",
    "",
    "</details>",
  );
  const head = lines.slice(0, lines.indexOf("### What was read") + 2).join("\n");
  const tail = lines.slice(lines.indexOf("### What was read") + 2).join("\n");
  return { title: buildCheckTitle(report), ...fitFileListing({ head, listing, tail }) };
}

/**
 * Every file is named: as many lines of `listing` as fit in the summary (between `head` and `tail`), the
 * rest in the output's text. Only past both of GitHub's 64 KB limits does the list say how many are unnamed.
 */
function fitFileListing(params: {
  head: string;
  listing: string[];
  tail: string;
}): Omit<CheckOutput, "title"> {
  const { head, listing, tail } = params;
  const budget = outputBudgetBytes - Buffer.byteLength(head) - Buffer.byteLength(tail) - 200;
  const { taken, rest } = takeLines(listing, budget);
  const summary = [
    head,
    ...taken,
    rest.length > 0 ? "_The file list continues in the details below._" : "",
    tail,
  ]
    .filter((part) => part !== "")
    .join("\n");
  if (rest.length === 0) return { summary };
  const more = takeLines(rest, outputBudgetBytes - 200);
  const unlisted = more.rest.filter((line) => line.startsWith("- ")).length;
  const text = [
    "### Files (continued)",
    ...more.taken,
    unlisted > 0
      ? `- … and ${unlisted} more files not named here (GitHub limits a check run's output to 2 × 64 KB).`
      : "",
  ]
    .filter((part) => part !== "")
    .join("\n");
  return { summary, text };
}

/** The check run of a pull request without server-side code: why, and every file left out. */
export function buildNoServerCodeOutput(params: {
  total: number;
  leftOut: { path: string; reason: string }[];
}): CheckOutput {
  return {
    title: "No server-side code to review",
    ...fitFileListing({
      head: `None of the ${params.total} changed files is server-side code, so nothing was sent to the model.\n`,
      listing: listWithReasons(params.leftOut),
      tail: "",
    }),
  };
}

const outputBudgetBytes = 65_000;

function takeLines(lines: string[], maxBytes: number): { taken: string[]; rest: string[] } {
  let used = 0;
  for (let i = 0; i < lines.length; i += 1) {
    used += Buffer.byteLength(lines[i]!) + 1;
    if (used > maxBytes) return { taken: lines.slice(0, i), rest: lines.slice(i) };
  }
  return { taken: lines, rest: [] };
}

/** Reviewed, not shown to the model, and left out — every file, one line each; long lists grouped by reason. */
function buildFileListing(report: ReviewReport): string[] {
  const out = [`Reviewed ${plural(report.reviewedPaths.length, "file")}:`];
  if (report.reviewedPaths.length === 0) out.push("- (none)");
  for (const path of report.reviewedPaths) out.push(`- ${code(path)}`);
  if (report.notShownToModel.length > 0) {
    out.push(
      `Not shown to the model (${report.notShownToModel.length}; the rule-based detectors still read them):`,
    );
    out.push(...listWithReasons(report.notShownToModel));
  }
  if (report.leftOut.length > 0) {
    out.push(`Left out ${plural(report.leftOut.length, "file")}:`);
    out.push(...listWithReasons(report.leftOut));
  }
  return out;
}

function listWithReasons(items: { path: string; reason: string }[]): string[] {
  if (items.length <= 20) return items.map((item) => `- ${code(item.path)} — ${item.reason}`);
  const byReason = new Map<string, string[]>();
  for (const item of items) {
    const paths = byReason.get(item.reason);
    if (paths) paths.push(item.path);
    else byReason.set(item.reason, [item.path]);
  }
  const out: string[] = [];
  for (const [reason, paths] of byReason) {
    out.push(`${capitalizeFirst(reason)} (${paths.length}):`);
    for (const path of paths) out.push(`- ${code(path)}`);
  }
  return out;
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const annotationLevel: Record<Severity, CheckAnnotation["annotation_level"]> = {
  critical: "failure",
  high: "failure",
  medium: "warning",
  low: "notice",
  info: "notice",
};

/** One annotation per finding on a file of this pull request. */
export function buildAnnotations(findings: Finding[], paths: ReadonlySet<string>): CheckAnnotation[] {
  return findings
    .filter((f) => paths.has(f.path))
    .map((f) => ({
      path: f.path,
      start_line: f.line,
      end_line: f.endLine && f.endLine >= f.line ? f.endLine : f.line,
      annotation_level: annotationLevel[f.severity],
      title: `[${f.severity}] ${f.title}`.slice(0, 255),
      message: f.body.slice(0, 4000) || f.title,
    }));
}

/** The review's own body: the model's summary, counts, and every finding not commented inline. */
export function buildReviewBody(params: { report: ReviewReport; summary: string; marker: string }): string {
  const { report } = params;
  const parts: string[] = ["### Backend Architect"];
  if (params.summary.trim()) parts.push(params.summary.trim());
  const counts = severities
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}`);
  if (counts.length > 0)
    parts.push(`**${plural(report.findings.length, "finding")}** (${counts.join(", ")}).`);
  const notInline = report.placed.inBody;
  if (notInline.length > 0) {
    parts.push(
      `#### Not commented inline (${notInline.length})`,
      listCapped(notInline, (p) => renderFindingListItem(p.finding, p.reason)),
    );
  }
  if (report.history.stillOpen + report.history.resolved > 0) {
    parts.push(
      `Since the last review: ${report.history.stillOpen} earlier finding(s) still open, ${report.history.resolved} resolved.`,
    );
  }
  parts.push(
    `<sub>Reviewed ${plural(report.reviewedPaths.length, "server-side file")} at ${report.headSha.slice(0, 7)} (${report.scope.mode} review). Details, skipped files and cost are in the “Backend Architect” check run.</sub>`,
  );
  parts.push(params.marker);
  // The impact section goes after the summary, when the body still fits GitHub's 65,536 characters.
  const impact = report.impactSection;
  if (impact && parts.join("\n\n").length + impact.length + 2 <= maxReviewBodyLength) {
    parts.splice(params.summary.trim() ? 2 : 1, 0, impact);
  }
  return parts.join("\n\n");
}

/** Dismissed and suppressed findings (each named), and what could not be read about them (check run output). */
function buildVerdictLines(history: ReviewReport["history"]): string[] {
  const lines: string[] = [];
  const name = (f: Finding) => `- ${code(`${f.path}:${f.line}`)} — **${f.title}**`;
  const dismissed = history.dismissed ?? [];
  const suppressed = history.suppressed ?? [];
  if (dismissed.length > 0) {
    lines.push(
      `${plural(dismissed.length, "finding")} dismissed earlier, not repeated:`,
      listCapped(dismissed, name),
    );
  }
  if (suppressed.length > 0) {
    lines.push(
      `${plural(suppressed.length, "finding")} suppressed by \`architect-ignore\` comments in the code:`,
      listCapped(suppressed, name),
    );
  }
  for (const note of history.notes ?? []) lines.push(`> ℹ️ ${note}.`);
  return lines.length > 0 ? ["", ...lines] : [];
}
