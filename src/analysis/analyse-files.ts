import { type Declaration, findDeclarations } from "../context/find-declarations.js";
import type { DetectorLanguage } from "../detectors/detector.js";
import { runDetectors } from "../detectors/run-detectors.js";
import { buildLineIndex, type FileLineIndex } from "../diff/line-index.js";
import { type Hunk, parsePatch } from "../diff/parse-patch.js";
import type { Finding } from "../findings/finding.js";
import { type ArchitectureImpact, createEmptyImpact } from "../impact/architecture-impact.js";
import { addFileImpact, type ImpactFile } from "../impact/build-architecture-impact.js";
import { redactSecrets } from "../security/redact-secrets.js";

/** What the analysis of a set of files gives back. */
export interface FileAnalysis {
  /** The files with every detected secret redacted, in the order given (unchanged files as they were). */
  files: FileLineIndex[];
  /** Hard-coded credentials found on added lines (never their values). */
  secretFindings: Finding[];
  /** Findings of the rule-based detectors, run on the redacted files. */
  ruleFindings: Finding[];
  /** Messages of detectors that threw on a file (that detector skipped that file). */
  errors: string[];
}

/**
 * Step 7's CPU work on one batch of files: the secret scan (and redaction), then the detectors over the
 * redacted text. The same function runs on the main thread and in the worker pool, so both give the same
 * result.
 */
export async function analyseFiles(files: FileLineIndex[]): Promise<FileAnalysis> {
  const redacted = await redactSecrets(files);
  const errors: string[] = [];
  const ruleFindings = runDetectors(redacted.files, {
    onError: (error) => errors.push(error.message),
  });
  return { files: redacted.files, secretFindings: redacted.findings, ruleFindings, errors };
}

/** A file as GitHub sends it: its path and its patch, still to be parsed. */
export interface PatchSource {
  path: string;
  patch: string;
}

/** The analysis of files given as patches: only what the caller does not have already. */
export interface PatchAnalysis {
  /** Redacted hunks of the files that had a secret, by path (other files are unchanged). */
  redactedHunks: Map<string, Hunk[]>;
  secretFindings: Finding[];
  ruleFindings: Finding[];
  errors: string[];
}

/**
 * `analyseFiles` over patches: parses and indexes each one as the pipeline does (a patch that yields no
 * hunk is not reviewed, so it is skipped), then analyses them. What goes in and out is small (strings
 * and findings), so a worker thread can run it without copying whole parsed diffs across.
 */
export async function analysePatchSources(sources: PatchSource[]): Promise<PatchAnalysis> {
  const indexes: FileLineIndex[] = [];
  for (const source of sources) {
    const hunks = parsePatch(source.patch);
    if (hunks.length > 0) indexes.push(buildLineIndex(source.path, hunks));
  }
  return analyseIndexes(indexes);
}

/** `analyseFiles`, answering with the redacted hunks only (what a caller holding the files lacks). */
export async function analyseIndexes(indexes: FileLineIndex[]): Promise<PatchAnalysis> {
  const analysis = await analyseFiles(indexes);
  const redactedHunks = new Map<string, Hunk[]>();
  analysis.files.forEach((file, i) => {
    if (file !== indexes[i]) redactedHunks.set(file.path, file.hunks);
  });
  return {
    redactedHunks,
    secretFindings: analysis.secretFindings,
    ruleFindings: analysis.ruleFindings,
    errors: analysis.errors,
  };
}

/** Joins batch results in batch order: secrets of every file first, then detector findings, as one call would. */
export function mergePatchAnalyses(parts: PatchAnalysis[]): PatchAnalysis {
  return {
    redactedHunks: new Map(parts.flatMap((part) => [...part.redactedHunks])),
    secretFindings: parts.flatMap((part) => part.secretFindings),
    ruleFindings: parts.flatMap((part) => part.ruleFindings),
    errors: parts.flatMap((part) => part.errors),
  };
}

/** Gives the redacted hunks of a `PatchAnalysis` to the files the caller indexed itself. */
export function applyPatchAnalysis(files: FileLineIndex[], analysis: PatchAnalysis): FileAnalysis {
  return {
    files: files.map((file) => {
      const hunks = analysis.redactedHunks.get(file.path);
      // Redaction replaces text only: line numbers, and so the index's maps, stay the same.
      return hunks ? { ...file, hunks } : file;
    }),
    secretFindings: analysis.secretFindings,
    ruleFindings: analysis.ruleFindings,
    errors: analysis.errors,
  };
}

/** What the impact extraction of a batch of files gives back. */
export interface ImpactExtraction {
  impact: ArchitectureImpact;
  /** Files that could not be read, with why (their part of the impact is missing). */
  errors: { path: string; message: string }[];
}

/**
 * The architecture-impact extraction of a batch of changed files (parsed with ast-grep: CPU work), file by
 * file: one extraction per file, in order (`mergeImpactExtractions` joins them into what
 * `buildArchitectureImpact` gives), so that each file's part can be remembered (see `createImpactMemo`).
 */
export function extractImpactPerFile(files: readonly ImpactFile[]): ImpactExtraction[] {
  return files.map((file) => extractFileImpact(file, undefined));
}

/** One file's part of the architecture impact; `hunks`: its patch already parsed, when the caller has it. */
function extractFileImpact(file: ImpactFile, hunks: readonly Hunk[] | undefined): ImpactExtraction {
  const part: ImpactExtraction = { impact: createEmptyImpact(), errors: [] };
  addFileImpact(part.impact, file, hunks, {
    onError: (path, error) =>
      part.errors.push({ path, message: error instanceof Error ? error.message : String(error) }),
  });
  return part;
}

/** Joins batch results in batch order. */
export function mergeImpactExtractions(parts: readonly ImpactExtraction[]): ImpactExtraction {
  const impact = createEmptyImpact();
  for (const part of parts) {
    for (const key of Object.keys(impact) as (keyof ArchitectureImpact)[]) {
      (impact[key] as unknown[]).push(...part.impact[key]);
    }
  }
  return { impact, errors: parts.flatMap((part) => part.errors) };
}

/**
 * A changed file of a review: its patch, and which parts of the analysis it takes — the secret scan and the
 * detectors (`analyse`: a server-code candidate) and the architecture impact (`impact`: every file the
 * configuration includes).
 */
export interface ReviewSource extends PatchSource {
  analyse: boolean;
  impact: boolean;
}

/** Both analyses of a review's changed files. */
export interface ReviewAnalysis {
  analysis: PatchAnalysis;
  impact: ImpactExtraction;
}

/** `analyseReviewSources`' answer: the impact file by file (one part per source marked `impact`, in order). */
export interface ReviewBatchAnalysis {
  analysis: PatchAnalysis;
  impacts: ImpactExtraction[];
}

/**
 * `analysePatchSources` over the files marked `analyse` and `extractImpactPerFile` over those marked `impact`,
 * in one pass: each patch is parsed once, and a file's detectors and its impact extraction run one after the
 * other, so both read the same parsed tree of its new side (see `parseSource`). Gives what the two
 * separate calls give.
 */
export async function analyseReviewSources(sources: readonly ReviewSource[]): Promise<ReviewBatchAnalysis> {
  const parsed = sources.map((source) => ({ source, hunks: parsePatch(source.patch) }));
  const indexes: FileLineIndex[] = [];
  for (const { source, hunks } of parsed) {
    if (source.analyse && hunks.length > 0) indexes.push(buildLineIndex(source.path, hunks));
  }
  const redacted = await redactSecrets(indexes);
  const errors: string[] = [];
  const ruleFindings: Finding[] = [];
  const impacts: ImpactExtraction[] = [];
  let next = 0;
  for (const { source, hunks } of parsed) {
    if (source.analyse && hunks.length > 0) {
      const file = redacted.files[next++] as FileLineIndex;
      ruleFindings.push(...runDetectors([file], { onError: (error) => errors.push(error.message) }));
    }
    if (source.impact) impacts.push(extractFileImpact({ filename: source.path, patch: source.patch }, hunks));
  }
  const redactedHunks = new Map<string, Hunk[]>();
  redacted.files.forEach((file, i) => {
    if (file !== indexes[i]) redactedHunks.set(file.path, file.hunks);
  });
  return {
    analysis: { redactedHunks, secretFindings: redacted.findings, ruleFindings, errors },
    impacts,
  };
}

/** A repository file whose declarations the context assembly needs. */
export interface DeclarationSource {
  text: string;
  language: DetectorLanguage;
}

/** `findDeclarations` over a batch of files (parsing: CPU work, run where the rest of the analysis runs). */
export function findDeclarationsOf(files: readonly DeclarationSource[]): Declaration[][] {
  return files.map((file) => findDeclarations(file.text, file.language));
}
