import type { Rule, SgNode } from "@ast-grep/napi";
import { buildNewSideText } from "../diff/build-new-side-text.js";
import type { FileLineIndex } from "../diff/line-index.js";
import type { Finding } from "../findings/finding.js";
import { ensureAstGrepLanguages, parseSource, toAstGrepLanguage } from "./ast-grep-languages.js";
import { detectLanguage, isMigrationPath } from "./detect-language.js";
import type { Detector, DetectorHit, DetectorInput, DetectorLanguage } from "./detector.js";
import { beginTreeScope, createNodeFinder, endTreeScope, type NodeFinder } from "./find-matches.js";
import { detectorRegistry } from "./registry.js";

/** Files larger than this (new side as far as the patch shows it) are not analysed: generated or vendored code. */
const maxTextLength = 1_000_000;

export interface RunDetectorsOptions {
  /** Defaults to every detector of the registry. */
  detectors?: readonly Detector[];
  /** Told about a detector that threw on a file (the file is then skipped for that detector only). */
  onError?: (error: Error) => void;
}

/**
 * Runs the rule-based detectors over the changed files of a pull request.
 * Invariants: every finding's `line` is a line the PR adds (a hit touching only context lines is dropped),
 * `evidence` is that line's text, and the function never throws: a file that fails to parse yields nothing.
 *
 * @example runDetectors([buildLineIndex("src/db.ts", parsePatch(patch))]) // → Finding[] with source "rule"
 */
export function runDetectors(files: FileLineIndex[], options: RunDetectorsOptions = {}): Finding[] {
  const detectors = options.detectors ?? detectorRegistry;
  const findings: Finding[] = [];
  for (const file of files) {
    const language = detectLanguage(file.path);
    if (!language || file.added.size === 0) continue;
    findings.push(...runFileDetectors(file, language, detectors, options.onError));
  }
  return findings;
}

function runFileDetectors(
  file: FileLineIndex,
  language: DetectorLanguage,
  detectors: readonly Detector[],
  onError: RunDetectorsOptions["onError"],
): Finding[] {
  const applicable = detectors.filter((detector) => detector.languages.includes(language));
  if (applicable.length === 0) return [];
  const text = buildNewSideText(file.hunks);
  if (text.length > maxTextLength) return [];
  const input = new ParsedFileInput(file.path, language, text);
  const findings: Finding[] = [];
  // Nodes of this file's tree are cached by id while its detectors run (see find-matches.ts).
  beginTreeScope();
  try {
    for (const detector of applicable) findings.push(...runDetector(file, detector, input, text, onError));
  } finally {
    endTreeScope();
  }
  return findings;
}

function runDetector(
  file: FileLineIndex,
  detector: Detector,
  input: DetectorInput,
  text: string,
  onError: RunDetectorsOptions["onError"],
): Finding[] {
  const findings: Finding[] = [];
  {
    if (!detector.prefilter(text)) return findings;
    let hits: DetectorHit[];
    try {
      hits = detector.detect(input);
    } catch (error) {
      // A detector bug or a grammar edge case must not cost the review: skip this detector for this file.
      onError?.(new Error(`Detector ${detector.id} failed on ${file.path}`, { cause: error }));
      return findings;
    }
    findings.push(...toFindings(file, detector, removeContainedHits(hits), text));
  }
  return findings;
}

/**
 * A file's `DetectorInput`, parsed on first use. A class rather than an object of closures made per file: V8
 * keeps a closure's optimised code only while an instance of it lives, so per-file closures were compiled
 * again after every full garbage collection of the analysis threads.
 */
class ParsedFileInput implements DetectorInput {
  readonly isMigration: boolean;
  private root: SgNode | undefined = undefined;
  private finder: NodeFinder | undefined = undefined;
  private parsed = false;

  constructor(
    readonly path: string,
    readonly language: DetectorLanguage,
    readonly text: string,
  ) {
    this.isMigration = isMigrationPath(path);
  }

  getRoot(): SgNode | undefined {
    if (this.parsed) return this.root;
    this.parsed = true;
    const astGrepLanguage = toAstGrepLanguage(this.language);
    if (!astGrepLanguage) return undefined;
    try {
      ensureAstGrepLanguages();
      this.root = parseSource(astGrepLanguage, this.text);
    } catch {
      this.root = undefined;
    }
    return this.root;
  }

  findNodes(rule: Rule): SgNode[] {
    const tree = this.getRoot();
    if (!tree) return [];
    this.finder ??= createNodeFinder(tree, this.language);
    return this.finder.find(rule);
  }
}

/** Nested matches of one detector (a concatenation inside a concatenation) are one finding. */
function removeContainedHits(hits: DetectorHit[]): DetectorHit[] {
  const sorted = [...hits].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const kept: DetectorHit[] = [];
  for (const hit of sorted) {
    const container = kept.find((k) => k.startLine <= hit.startLine && hit.endLine <= k.endLine);
    if (!container) kept.push(hit);
  }
  return kept;
}

function toFindings(file: FileLineIndex, detector: Detector, hits: DetectorHit[], text: string): Finding[] {
  const lines = text.split("\n");
  const findings: Finding[] = [];
  const seen = new Set<number>();
  for (const hit of hits) {
    const line = findFirstAddedLine(file, hit);
    if (line === undefined || seen.has(line)) continue;
    seen.add(line);
    const finding: Finding = {
      path: file.path,
      line,
      severity: hit.severity ?? detector.severity,
      category: detector.category,
      confidence: hit.confidence ?? detector.confidence,
      title: detector.title,
      body: hit.detail ? `${hit.detail} ${detector.body}` : detector.body,
      evidence: lines[line - 1] ?? "",
      source: "rule",
      ruleId: detector.id,
    };
    const endLine = getEndLine(file, line, hit.endLine);
    if (endLine !== undefined) finding.endLine = endLine;
    findings.push(finding);
  }
  return findings;
}

function findFirstAddedLine(file: FileLineIndex, hit: DetectorHit): number | undefined {
  for (let line = hit.startLine; line <= hit.endLine; line++) if (file.added.has(line)) return line;
  return undefined;
}

/** The hit's last line when it is commentable in the same hunk as `line` (GitHub's rule for a range). */
function getEndLine(file: FileLineIndex, line: number, hitEnd: number): number | undefined {
  if (hitEnd <= line) return undefined;
  const hunk = file.right.get(line);
  for (let end = hitEnd; end > line; end--) if (file.right.get(end) === hunk) return end;
  return undefined;
}
