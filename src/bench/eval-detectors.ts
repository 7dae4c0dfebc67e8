/**
 * Precision, recall and F1 of the rule-based detectors (and of the secret scan) on two labelled sets:
 * "own" = test/corpus (written together with the detectors, see its README) and "external" =
 * test/corpus-external (cases taken from code nobody here wrote, see its README). Every line of a case
 * counts as added. Run from the project root:
 *   npm run build && npm run eval:detectors [-- --verbose] [-- --set external]
 * Each set is reported per class (detector id) and per language. The last line of output is one JSON
 * object: { own: Scores, external: Scores } where Scores = { cases, precision, recall, f1,
 * classes: { <id>: { tp, fp, fn, precision, recall, f1 } }, languages: { <language>: … } }.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { detectLanguage } from "../detectors/detect-language.js";
import { detectorIds } from "../detectors/registry.js";
import { runDetectors } from "../detectors/run-detectors.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { parsePatch } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import { redactSecrets } from "../security/redact-secrets.js";

/** The class every `secret/…` finding of the secret scan is scored under. */
const hardcodedSecretId = "hardcoded-secret";
const labelIds = new Set<string>([...detectorIds, hardcodedSecretId]);

/** Header lines are looked for in the first lines of a case (a `source:` line may precede `expect:`). */
const headerLines = 8;

interface Expectation {
  ruleId: string;
  line: number;
}

interface Case {
  set: string;
  path: string;
  language: string;
  text: string;
  expected: Expectation[];
  /** `owner/repo@commit:path[#Lx-Ly]` — required in the external set. */
  source?: string;
  licence?: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const expectPattern = /expect:\s*(.*)$/;
const sourcePattern = /source:\s*(\S+)\s+licen[cs]e:\s*([\w.+-]+(?:\s+(?:OR|AND|WITH)\s+[\w.+-]+)*)/;
const sourceReferencePattern = /^[\w.-]+\/[\w.-]+@[0-9a-f]{7,40}:[^#\s]+(#L\d+(-L\d+)?)?$/;

/** Strips a trailing block-comment closer from a header value. */
function stripCloser(value: string): string {
  return value.replace(/\s*(\*\/|-->|"""|''')\s*$/, "").trim();
}

function parseCaseHeaders(
  text: string,
  path: string,
  requireSource: boolean,
): { expected: Expectation[]; source?: string; licence?: string } {
  const head = text.split("\n", headerLines);
  const expectLine = head.find((line) => expectPattern.test(line));
  const match = expectLine ? expectPattern.exec(expectLine) : null;
  if (!match?.[1])
    throw new Error(`Corpus case ${path} has no "expect:" header in its first ${headerLines} lines`);
  const spec = stripCloser(match[1]);
  const expected =
    spec === "none"
      ? []
      : spec.split(",").map((entry) => {
          const [ruleId, line] = entry.trim().split("@");
          const lineNumber = Number(line);
          if (!ruleId || !Number.isInteger(lineNumber) || lineNumber < 1 || !labelIds.has(ruleId))
            throw new Error(
              `Corpus case ${path}: cannot read expectation "${entry.trim()}" (want <detector-id>@<line>; ids: ${[...labelIds].join(", ")})`,
            );
          return { ruleId, line: lineNumber };
        });
  const sourceLine = head.find((line) => sourcePattern.test(line));
  const sourceMatch = sourceLine ? sourcePattern.exec(sourceLine) : null;
  if (requireSource) {
    if (!sourceMatch?.[1] || !sourceMatch[2])
      throw new Error(
        `Corpus case ${path} has no "source: <owner/repo>@<commit>:<path> licence: <SPDX>" header`,
      );
    if (!sourceReferencePattern.test(sourceMatch[1]))
      throw new Error(
        `Corpus case ${path}: source "${sourceMatch[1]}" is not <owner/repo>@<commit>:<path>[#Lx-Ly]`,
      );
  }
  return {
    expected,
    ...(sourceMatch?.[1] ? { source: sourceMatch[1] } : {}),
    ...(sourceMatch?.[2] ? { licence: stripCloser(sourceMatch[2]) } : {}),
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return name === "README.md" || name.startsWith(".") ? [] : [path];
  });
}

function loadCases(set: string, root: string, requireSource: boolean): Case[] {
  if (!existsSync(root)) return [];
  return listFiles(root)
    .sort()
    .map((path) => {
      const text = readFileSync(path, "utf8");
      const relativePath = relative(root, path);
      return {
        set,
        path: relativePath,
        language: detectLanguage(relativePath) ?? "other",
        text,
        ...parseCaseHeaders(text, relativePath, requireSource),
      };
    });
}

/** The case as a patch that adds every line, the way a new file appears in a pull request. */
function toAddedFile(path: string, text: string): FileLineIndex {
  const lines = text.replace(/\n$/, "").split("\n");
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`;
  return buildLineIndex(path, parsePatch(patch));
}

function covers(finding: Finding, line: number): boolean {
  return finding.line <= line && line <= (finding.endLine ?? finding.line);
}

/** The class a finding is scored under: its detector id, or `hardcoded-secret` for the secret scan. */
function scoredId(finding: Finding): string | undefined {
  const id = finding.ruleId ?? "";
  if (id.startsWith("secret/")) return hardcodedSecretId;
  return labelIds.has(id) ? id : undefined;
}

interface Evaluation {
  byClass: Map<string, Tally>;
  byLanguage: Map<string, Tally>;
  disagreements: string[];
}

function bump(map: Map<string, Tally>, key: string, field: keyof Tally): void {
  let tally = map.get(key);
  if (!tally) {
    tally = { tp: 0, fp: 0, fn: 0 };
    map.set(key, tally);
  }
  tally[field]++;
}

async function evaluate(cases: Case[]): Promise<Evaluation> {
  const byClass = new Map<string, Tally>();
  const byLanguage = new Map<string, Tally>();
  const disagreements: string[] = [];
  const files = cases.map((c) => toAddedFile(c.path, c.text));
  // One secret-scan call for the whole set (it batches), then the detectors file by file.
  const secrets = await redactSecrets(files);
  cases.forEach((sample, index) => {
    const file = files[index]!;
    const findings = [
      ...runDetectors([file], {
        onError: (error) => disagreements.push(`  error       ${error.message}: ${String(error.cause)}`),
      }),
      ...secrets.findings.filter((f) => f.path === file.path),
    ];
    const used = new Set<Finding>();
    for (const expectation of sample.expected) {
      const found = findings.find(
        (f) => !used.has(f) && scoredId(f) === expectation.ruleId && covers(f, expectation.line),
      );
      const field: keyof Tally = found ? "tp" : "fn";
      bump(byClass, expectation.ruleId, field);
      bump(byLanguage, sample.language, field);
      if (found) used.add(found);
      else disagreements.push(`  missed      ${expectation.ruleId}@${expectation.line}  ${sample.path}`);
    }
    for (const finding of findings) {
      if (used.has(finding)) continue;
      const id = scoredId(finding);
      if (!id) continue;
      // A second finding on a label already matched (two rules of one class on one line) is no false positive.
      if (sample.expected.some((e) => e.ruleId === id && covers(finding, e.line))) continue;
      bump(byClass, id, "fp");
      bump(byLanguage, sample.language, "fp");
      disagreements.push(
        `  unexpected  ${id}@${finding.line}  ${sample.path}  | ${(finding.evidence ?? "").trim().slice(0, 120)}`,
      );
    }
  });
  return { byClass, byLanguage, disagreements };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function score(tally: Tally): Score {
  const precision = tally.tp + tally.fp === 0 ? 1 : tally.tp / (tally.tp + tally.fp);
  const recall = tally.tp + tally.fn === 0 ? 1 : tally.tp / (tally.tp + tally.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...tally, precision: round(precision), recall: round(recall), f1: round(f1) };
}

function sum(tallies: Iterable<Tally>): Tally {
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const t of tallies) {
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  return total;
}

function formatRow(name: string, s: Score): string {
  return `${name.padEnd(34)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}`;
}

function table(title: string, entries: [string, Tally][], lines: string[]): Record<string, Score> {
  const out: Record<string, Score> = {};
  lines.push(`${title.padEnd(34)}   TP   FP   FN precision  recall     F1`);
  for (const [name, tally] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    out[name] = score(tally);
    lines.push(formatRow(name, out[name]));
  }
  return out;
}

async function report(set: string, cases: Case[], verbose: boolean) {
  const { byClass, byLanguage, disagreements } = await evaluate(cases);
  const lines: string[] = [];
  const positives = cases.reduce((n, c) => n + c.expected.length, 0);
  lines.push(
    `== ${set}: ${cases.length} cases, ${positives} labelled findings, ${cases.filter((c) => c.expected.length === 0).length} cases without defects`,
  );
  if (verbose && disagreements.length > 0) lines.push(`Disagreements:\n${disagreements.join("\n")}`);
  const classes = table("class", [...byClass], lines);
  lines.push("");
  const languages = table("language", [...byLanguage], lines);
  const overall = score(sum(byClass.values()));
  lines.push(formatRow("overall", overall));
  console.log(lines.join("\n"));
  return {
    cases: cases.length,
    precision: overall.precision,
    recall: overall.recall,
    f1: overall.f1,
    tp: overall.tp,
    fp: overall.fp,
    fn: overall.fn,
    classes,
    languages,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose") || args.includes("-v");
  const setIndex = args.indexOf("--set");
  const only = setIndex >= 0 ? args[setIndex + 1] : undefined;
  const sets: [string, string, boolean][] = [
    ["own", join(process.cwd(), "test", "corpus"), false],
    ["external", join(process.cwd(), "test", "corpus-external"), true],
  ];
  const result: Record<string, Awaited<ReturnType<typeof report>>> = {};
  for (const [name, root, requireSource] of sets) {
    if (only && only !== name) continue;
    result[name] = await report(name, loadCases(name, root, requireSource), verbose);
    console.log("");
  }
  console.log(JSON.stringify(result));
}

await main();
