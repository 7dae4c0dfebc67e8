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
  // The patch's digest, not the patch: the memo does not keep pull requests' text.
  const keyOf = (path: string, patch: string) => `${path}\u0000${hash("sha1", patch, "base64")}`;
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
  const parts = files.map((file) => (file.patch ? memo.get(file.filename, file.patch) : undefined));
  const missing = files.filter((_, i) => parts[i] === undefined);
  const fresh = missing.length > 0 ? await read(missing) : [];
  let next = 0;
  files.forEach((file, i) => {
    if (parts[i] !== undefined) return;
    const part = fresh[next++] as ImpactExtraction;
    parts[i] = part;
    if (file.patch) memo.set(file.filename, file.patch, part);
  });
  return mergeImpactExtractions(parts as ImpactExtraction[]);
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
  const known = sources.map((source) => (source.impact ? memo.get(source.path, source.patch) : undefined));
  const toRead: ReviewSource[] = [];
  sources.forEach((source, i) => {
    if (known[i] !== undefined) {
      if (source.analyse) toRead.push({ ...source, impact: false });
    } else if (source.analyse || source.impact) toRead.push(source);
  });
  const batches = toRead.length > 0 ? await analyse(toRead) : [];
  const read = batches.flatMap((batch) => batch.impacts);
  const parts: ImpactExtraction[] = [];
  let next = 0;
  sources.forEach((source, i) => {
    if (!source.impact) return;
    const knownPart = known[i];
    if (knownPart) {
      parts.push(knownPart);
      return;
    }
    const part = read[next++] as ImpactExtraction;
    memo.set(source.path, source.patch, part);
    parts.push(part);
  });
  return {
    analysis: mergePatchAnalyses(batches.map((batch) => batch.analysis)),
    impact: mergeImpactExtractions(parts),
  };
}
