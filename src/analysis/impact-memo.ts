import { hash } from "node:crypto";
import type { ImpactFile } from "../impact/build-architecture-impact.js";
import {
  type ImpactExtraction,
  mergeImpactExtractions,
  mergePatchAnalyses,
  type ReviewAnalysis,
  type ReviewBatchAnalysis,
  type ReviewSource,
} from "./analyse-files.js";

/** Files whose impact a memo keeps (the most recently used; a part is a few small objects). */
export const impactMemoFiles = 20_000;

/**
 * The architecture impact of files already read, by path and patch: a file's part depends on nothing else,
 * so a push that changes one file of a large pull request reads that file again and takes the others' parts
 * from here (the section still covers every file). Bounded: the least recently used parts are forgotten.
 */
export interface ImpactMemo {
  get(path: string, patch: string): ImpactExtraction | undefined;
  set(path: string, patch: string, part: ImpactExtraction): void;
  readonly size: number;
}

export function createImpactMemo(maxFiles = impactMemoFiles): ImpactMemo {
  const parts = new Map<string, ImpactExtraction>();
  // The patch's digest, not the patch: the memo does not keep pull requests' text. A part is a function of
  // the path and the patch alone, so whoever's pull request a key came from, its part is the same (SHA-256:
  // no crafted patch can take another's key).
  const keyOf = (path: string, patch: string) => `${path}\u0000${hash("sha256", patch, "base64")}`;
  return {
    get(path, patch) {
      const key = keyOf(path, patch);
      const part = parts.get(key);
      if (part) {
        parts.delete(key);
        parts.set(key, part);
      }
      return part;
    },
    set(path, patch, part) {
      const key = keyOf(path, patch);
      parts.delete(key);
      parts.set(key, part);
      if (parts.size > maxFiles) parts.delete(parts.keys().next().value as string);
    },
    get size() {
      return parts.size;
    },
  };
}

/**
 * The impact of `files` (what `extractImpactPerFile` over all of them, merged, gives), reading only those the
 * memo does not hold with `read` (one part per file it is given, in order).
 */
export async function extractImpactWithMemo(
  memo: ImpactMemo,
  files: readonly ImpactFile[],
  read: (files: ImpactFile[]) => Promise<ImpactExtraction[]>,
): Promise<ImpactExtraction> {
  const entries = files.map((file) => ({ path: file.filename, patch: file.patch }));
  const known = lookUp(memo, entries);
  const missing = files.filter((_, i) => known[i] === undefined);
  const fresh = missing.length > 0 ? await read(missing) : [];
  return mergeImpactExtractions(fillIn(memo, entries, known, fresh));
}

/**
 * `analyseReview` with the memo: a source whose impact is known is read for the detectors only (or not at
 * all), and the impact parts read are remembered. `analyse` runs the batches (one part per source marked
 * `impact`, in order, per batch).
 */
export async function analyseReviewWithMemo(
  memo: ImpactMemo,
  sources: readonly ReviewSource[],
  analyse: (sources: ReviewSource[]) => Promise<ReviewBatchAnalysis[]>,
): Promise<ReviewAnalysis> {
  const impactSources = sources.filter((source) => source.impact);
  const known = lookUp(memo, impactSources);
  const knownPaths = new Set(impactSources.filter((_, i) => known[i] !== undefined).map((s) => s.path));
  const toRead: ReviewSource[] = [];
  for (const source of sources) {
    if (source.impact && knownPaths.has(source.path)) {
      if (source.analyse) toRead.push({ ...source, impact: false });
    } else if (source.analyse || source.impact) toRead.push(source);
  }
  const batches = toRead.length > 0 ? await analyse(toRead) : [];
  const fresh = batches.flatMap((batch) => batch.impacts);
  return {
    analysis: mergePatchAnalyses(batches.map((batch) => batch.analysis)),
    impact: mergeImpactExtractions(fillIn(memo, impactSources, known, fresh)),
  };
}

/** A file whose impact part the memo may hold (one without a patch adds nothing and is never remembered). */
interface MemoEntry {
  path: string;
  patch?: string | undefined;
}

function lookUp(memo: ImpactMemo, entries: readonly MemoEntry[]): (ImpactExtraction | undefined)[] {
  return entries.map((entry) => (entry.patch ? memo.get(entry.path, entry.patch) : undefined));
}

/** The parts of `entries` in order: the known ones, and `fresh` (in order) for the others, now remembered. */
function fillIn(
  memo: ImpactMemo,
  entries: readonly MemoEntry[],
  known: readonly (ImpactExtraction | undefined)[],
  fresh: readonly ImpactExtraction[],
): ImpactExtraction[] {
  let next = 0;
  return entries.map((entry, i) => {
    const knownPart = known[i];
    if (knownPart) return knownPart;
    const part = fresh[next++] as ImpactExtraction;
    if (entry.patch) memo.set(entry.path, entry.patch, part);
    return part;
  });
}
