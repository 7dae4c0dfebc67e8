import type { Logger } from "pino";
import { isContractPath, type RepoConfig } from "../config/repo-config.js";
import type { ChangedFile } from "../diff/changed-file.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import { type FileAtRef, getFileAtRef } from "../github/contents.js";
import type { GitHubClient } from "../github/github-client.js";
import { encodeCodeSpan } from "../security/encode-markdown.js";
import { compareSpecInWorker } from "./compare-spec-in-worker.js";
import type { ContractChange, SpecFormat } from "./contract-change.js";
import { type SpecFile, selectSpecFiles } from "./select-spec-files.js";

/** Limits on what one review compares; spec files are untrusted input. */
export const contractLimits = {
  /** API description files compared per pull request (each costs up to two contents requests). */
  maxFiles: 20,
  /** Bytes per file version; the contents API returns at most 1 MB inline anyway. */
  maxBytes: 1_000_000,
  /** Findings per file (a change shared by several operations is one); the rest are counted in the check run. */
  maxFindingsPerFile: 25,
  /** Additions listed per file. */
  maxAdditionsPerFile: 50,
  /** Time for one file's parse and comparison (in a worker thread, terminated past it). */
  timeoutMs: 30_000,
  /** Time for all the comparisons of one review; files left when it is used up are not compared. */
  totalTimeoutMs: 90_000,
  maxHeapMb: 512,
} as const;

export interface ComparedSpec {
  file: string;
  format: SpecFormat;
  breaking: number;
  additions: number;
  /** Findings beyond the per-file cap, counted but not posted. */
  notPosted: number;
  /** Findings posted for them (a change shared by several operations is one). */
  findings: number;
}

export interface ContractReport {
  /** One `architecture`/`high` finding per breaking change, rule id `api-contract/<kind>`. */
  findings: Finding[];
  /** Non-breaking additions (operations, fields, enum values, rpcs…) for the Architecture impact section. */
  additions: ContractChange[];
  compared: ComparedSpec[];
  /** Files that could not be compared, and why, in the app's own words. */
  problems: { file: string; problem: string }[];
  /** Commentable lines of the compared files, so findings can be placed on them. */
  indexes: Map<string, FileLineIndex>;
}

const libraryByFormat: Record<SpecFormat, string> = {
  // In code spans: `@graphql-inspector/core` outside one would mention the GitHub organisation.
  openapi: "`api-smart-diff`",
  graphql: "`@graphql-inspector/core`",
  protobuf: "a structural comparison of the `protobufjs` parse",
};

const formatName: Record<SpecFormat, string> = {
  openapi: "OpenAPI",
  graphql: "GraphQL",
  protobuf: "protobuf",
};

/**
 * The "API contract breaks" step: for every changed API description (OpenAPI 3.x / Swagger 2, GraphQL SDL,
 * protobuf) reads its base and head versions, compares them, and turns breaking changes into findings.
 * Never throws for a file's content: a file that cannot be read or compared is reported in `problems`.
 */
export async function checkContracts(params: {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  baseSha: string;
  headSha: string;
  files: ChangedFile[];
  config: RepoConfig;
  log?: Logger;
}): Promise<ContractReport> {
  const report: ContractReport = {
    findings: [],
    additions: [],
    compared: [],
    problems: [],
    indexes: new Map(),
  };
  if (!params.config.contracts.enabled) return report;
  const specs = selectSpecFiles(params.files, (path) => isContractPath(params.config, path));
  const deadline = Date.now() + contractLimits.totalTimeoutMs;
  for (const [i, spec] of specs.entries()) {
    if (Date.now() >= deadline) {
      report.problems.push({
        file: spec.path,
        problem: `not compared: the time for API comparisons in one review (${contractLimits.totalTimeoutMs / 1000} s) was used up`,
      });
      continue;
    }
    if (i >= contractLimits.maxFiles) {
      report.problems.push({
        file: spec.path,
        problem: `not compared: more than ${contractLimits.maxFiles} API description files changed`,
      });
      continue;
    }
    try {
      await checkSpec(spec, params, report);
    } catch (error) {
      params.log?.warn({ err: error, file: spec.path }, "Could not compare an API description");
      report.problems.push({ file: spec.path, problem: "could not be read from GitHub; not compared" });
    }
  }
  return report;
}

async function checkSpec(
  spec: SpecFile,
  params: { octokit: GitHubClient; owner: string; repo: string; baseSha: string; headSha: string },
  report: ContractReport,
): Promise<void> {
  const read = (path: string, ref: string): Promise<FileAtRef> =>
    getFileAtRef(params.octokit, {
      owner: params.owner,
      repo: params.repo,
      path,
      ref,
      maxBytes: contractLimits.maxBytes,
    });
  const base: FileAtRef = spec.existsAtBase ? await read(spec.basePath, params.baseSha) : { kind: "missing" };
  const head: FileAtRef = spec.existsAtHead ? await read(spec.path, params.headSha) : { kind: "missing" };
  for (const [side, file] of [
    ["base", base],
    ["head", head],
  ] as const) {
    if (file.kind === "too-large") {
      report.problems.push({
        file: spec.path,
        problem: `not compared: its ${side} version is ${file.size.toLocaleString("en")} bytes (the limit is ${contractLimits.maxBytes.toLocaleString("en")})`,
      });
      return;
    }
  }
  const baseText = base.kind === "file" ? base.text : null;
  const headText = head.kind === "file" ? head.text : null;
  if (baseText === null && headText === null) return;

  const comparison = await compareSpecInWorker(
    { format: spec.format, file: spec.path, baseText, headText },
    { timeoutMs: contractLimits.timeoutMs, maxHeapMb: contractLimits.maxHeapMb },
  );
  if (comparison === null) return; // not an API description after all (a YAML file without `openapi:`)
  if (!comparison.ok) {
    report.problems.push({ file: spec.path, problem: comparison.problem });
    return;
  }
  const hunks = spec.existsAtHead && spec.patch ? parsePatch(spec.patch) : [];
  const index = hunks.length > 0 ? buildLineIndex(spec.path, hunks) : undefined;
  if (index) report.indexes.set(spec.path, index);
  const breaking = groupBreakingChanges(
    index ? comparison.changes.map((change) => moveOntoDiff(change, index)) : comparison.changes,
  );
  const additions = comparison.changes.filter((change) => !change.breaking);
  const posted = breaking.slice(0, contractLimits.maxFindingsPerFile);
  report.findings.push(...posted.map((group) => toFinding(group)));
  report.additions.push(...additions.slice(0, contractLimits.maxAdditionsPerFile));
  report.compared.push({
    file: spec.path,
    format: spec.format,
    breaking: comparison.changes.filter((change) => change.breaking).length,
    findings: posted.length,
    additions: additions.length,
    notPosted: breaking.length - posted.length,
  });
}

/**
 * A change whose line is not in the diff but whose element spans lines that are (a field removed from a
 * message, an operation removed from a path: the parent survives, the removal is inside it) moves onto
 * the diff: the last line within the element next to a deleted line (where a removal shows; removals
 * are mostly at the end of what they leave), else the element's last commentable line.
 */
function moveOntoDiff(change: ContractChange, index: FileLineIndex): ContractChange {
  const { line, endLine } = change;
  if (line === undefined || endLine === undefined || index.right.has(line)) return change;
  const inRange = (n: number | undefined): n is number => n !== undefined && n >= line && n <= endLine;
  let besideDeletion: number | undefined;
  let last: number | undefined;
  for (const hunk of index.hunks) {
    hunk.lines.forEach((current, i) => {
      if (current.kind === "del" || !inRange(current.newLine)) return;
      const n = current.newLine;
      if (last === undefined || n > last) last = n;
      const nextToDeletion = hunk.lines[i - 1]?.kind === "del" || hunk.lines[i + 1]?.kind === "del";
      if (nextToDeletion && (besideDeletion === undefined || n > besideDeletion)) besideDeletion = n;
    });
  }
  const moved = besideDeletion ?? last;
  return moved === undefined ? change : { ...change, line: moved };
}

/** One breaking change as users see it: the same change at the same place, for every operation it affects. */
interface BreakingChangeGroup {
  change: ContractChange;
  targets: string[];
  descriptions: string[];
}

/**
 * A schema shared by several operations changes once but is reported once per operation: those are
 * one finding (same kind, same line of the head file) naming every operation. So are the removals of a
 * removed file (all on line 1).
 */
function groupBreakingChanges(changes: ContractChange[]): BreakingChangeGroup[] {
  const groups = new Map<string, BreakingChangeGroup>();
  for (const change of changes) {
    if (!change.breaking) continue;
    // Without a line (a removed file) the finding goes on line 1: one finding per kind there too, since
    // findings of one rule on one line are one finding to the review's identity matching.
    const key = `${change.kind}@${change.line ?? 1}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { change, targets: [change.target], descriptions: [change.description] });
      continue;
    }
    if (!group.targets.includes(change.target)) group.targets.push(change.target);
    if (!group.descriptions.includes(change.description)) group.descriptions.push(change.description);
  }
  return [...groups.values()];
}

/**
 * The findings of one file's breaking changes: `architecture`, `high`, rule id `api-contract/<kind>`,
 * every name from the description in a code span.
 */
export function buildContractFindings(changes: ContractChange[]): Finding[] {
  return groupBreakingChanges(changes).map((group) => toFinding(group));
}

const maxTargetsInTitle = 3;
const maxDescriptions = 5;

function toFinding(group: BreakingChangeGroup): Finding {
  const { change } = group;
  const kindWords = change.kind.replace(/-/g, " ");
  const shown = group.targets.filter((target) => target !== "").slice(0, maxTargetsInTitle);
  const more = group.targets.length - shown.length;
  const target =
    shown.length > 0
      ? ` ${shown.map((name) => (name.length > 120 ? `${name.slice(0, 119)}…` : name)).join(", ")}${more > 0 ? ` and ${more} more` : ""}`
      : "";
  const descriptions = group.descriptions.slice(0, maxDescriptions);
  const whatChanged =
    descriptions.length === 1
      ? `What changed: ${encodeCodeSpan(descriptions[0] ?? "", { maxLength: 400 })}`
      : [
          "What changed:",
          ...descriptions.map((text) => `- ${encodeCodeSpan(text, { maxLength: 400 })}`),
        ].join("\n");
  return {
    path: change.file,
    // Without a line in the head (e.g. a removed file), line 1 names the file; placement puts the
    // finding in the review body unless that line is in the diff.
    line: change.line ?? 1,
    severity: "high",
    category: "architecture",
    confidence: 1,
    source: "rule",
    ruleId: `api-contract/${change.kind}`,
    title: `Breaking ${formatName[change.format]} change (${kindWords}):${target}`,
    body: [
      whatChanged,
      "Clients built against the current contract can fail after this change. Keep the old shape working next to the new one (add, deprecate, remove in a later major version), or publish it as a new API version and tell its consumers.",
      `Found by comparing ${encodeCodeSpan(change.file, { maxLength: 200 })} at the base and head of this pull request with ${libraryByFormat[change.format]}.`,
    ].join("\n\n"),
  };
}

/** The check run's "API contracts" section: what was compared, what was found, what could not be read. */
export function buildContractsCheckSection(report: ContractReport): string {
  if (report.compared.length === 0 && report.problems.length === 0) return "";
  const lines = ["### API contracts"];
  for (const spec of report.compared) {
    const extra =
      spec.notPosted > 0
        ? ` (${spec.notPosted} beyond the first ${contractLimits.maxFindingsPerFile} not posted)`
        : "";
    lines.push(
      `- ${encodeCodeSpan(spec.file, { maxLength: 200 })} (${formatName[spec.format]}): ${spec.breaking} breaking change${spec.breaking === 1 ? "" : "s"}${spec.breaking > 0 ? ` (${spec.findings} finding${spec.findings === 1 ? "" : "s"})` : ""}${extra}, ${spec.additions} addition${spec.additions === 1 ? "" : "s"}`,
    );
  }
  for (const problem of report.problems)
    lines.push(`- ${encodeCodeSpan(problem.file, { maxLength: 200 })}: ${problem.problem}.`);
  if (report.additions.length > 0) {
    lines.push(
      "",
      `<details><summary>API additions (${report.additions.length})</summary>`,
      "",
      ...report.additions.map(
        (change) =>
          `- ${encodeCodeSpan(change.file, { maxLength: 200 })}: ${encodeCodeSpan(change.description, { maxLength: 300 })}`,
      ),
      "",
      "</details>",
    );
  }
  return lines.join("\n");
}

/**
 * The additions as the Architecture impact section lists them (its `ApiAddition`: one line of text, the
 * file and line). Every string is untrusted: the section encodes it.
 */
export function toImpactAdditions(
  additions: readonly ContractChange[],
): { description: string; path: string; line?: number }[] {
  return additions.map((change) => ({
    description: change.description,
    path: change.file,
    ...(change.line !== undefined ? { line: change.line } : {}),
  }));
}
