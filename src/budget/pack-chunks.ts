import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Hunk } from "../diff/parse-patch.js";
import { renderFile } from "../model/render-diff.js";
import { estimateTokens } from "./estimate-tokens.js";
import { orderByRisk, orderByRiskInSlices } from "./rank-risk.js";

export interface PackFile {
  path: string;
  hunks: Hunk[];
}

/** What one model call reviews: files (or parts of a file, by hunk) whose rendered diff fits the budget. */
export interface PackedChunk {
  files: PackFile[];
  /** Sum of `estimate(renderFile(path, hunks))` over the chunk's files; ≤ budgetTokens. */
  tokens: number;
}

/**
 * A file, or part of a file, that is not reviewed. Show it as `${path} (${reason})`.
 * `hunks` is set when only part of the file is skipped (the rest is in a chunk): it lists the hunks left out.
 */
export interface SkippedFile {
  path: string;
  reason: string;
  hunks?: Hunk[];
}

export interface PackChunksInput {
  files: readonly PackFile[];
  /** Per model call, for the diff part of the prompt, in units of `estimate`. */
  budgetTokens: number;
  maxCalls: number;
  estimate?: (text: string) => number;
}

export interface PackChunksResult {
  chunks: PackedChunk[];
  skipped: SkippedFile[];
}

/**
 * Packs a pull request's files into at most `maxCalls` model calls of at most `budgetTokens` each,
 * riskiest files first.
 *
 * 1. Hunks that add nothing (deletion-only) or only re-indent/re-space existing lines are dropped; a file
 *    left with no hunk is skipped ("only deletions" / "only whitespace changes").
 * 2. Files are ordered by {@link orderByRisk}.
 * 3. Files are placed greedily, whole when they fit in one call: into the current chunk if there is room,
 *    else into a new chunk. A file bigger than a whole chunk is split by hunk over as many chunks as it
 *    needs (filling the current chunk first); a hunk bigger than a whole chunk is skipped. Once
 *    `maxCalls` chunks exist, later files still fill the last chunk if they fit, and are skipped otherwise.
 *
 * Invariants: no hunk is cut or placed twice (hunk objects are passed through, never copied); every chunk's
 * `tokens` is ≤ budgetTokens, measured as `estimate(renderFile(path, hunks))` of each part, exactly what the
 * prompt renders; chunks ≤ maxCalls; every input file is in a chunk (with any left-out hunks listed in
 * `skipped` with `hunks`) or in `skipped` without `hunks`; chunk files appear in risk order.
 *
 * @example packChunks({ files, budgetTokens: 40_000, maxCalls: 5 }).chunks.map((c) => c.files.length)
 */
export function packChunks(input: PackChunksInput): PackChunksResult {
  const { reviewable, packer, skipped } = startPacking(input);
  for (const file of orderByRisk(reviewable)) packer.add(file);
  return { chunks: packer.chunks, skipped };
}

/**
 * `packChunks`, letting the event loop run every `sliceFiles` files: ranking, rendering and estimating
 * thousands of files takes a server's main thread long enough to delay webhook answers. Same result.
 */
export async function packChunksInSlices(
  input: PackChunksInput,
  sliceFiles = 100,
): Promise<PackChunksResult> {
  const { reviewable, packer, skipped } = startPacking(input);
  const ordered = await orderByRiskInSlices(reviewable, sliceFiles * 2);
  for (const [i, file] of ordered.entries()) {
    packer.add(file);
    if ((i + 1) % sliceFiles === 0) await yieldToEventLoop();
  }
  return { chunks: packer.chunks, skipped };
}

function startPacking(input: PackChunksInput): {
  reviewable: PackFile[];
  packer: ChunkPacker;
  skipped: SkippedFile[];
} {
  const { budgetTokens, maxCalls } = input;
  if (!(Number.isFinite(budgetTokens) && budgetTokens >= 0)) {
    throw new RangeError(`budgetTokens must be a finite number ≥ 0, received ${budgetTokens}`);
  }
  if (!(Number.isInteger(maxCalls) && maxCalls >= 0)) {
    throw new RangeError(`maxCalls must be an integer ≥ 0, received ${maxCalls}`);
  }
  const estimate = input.estimate ?? estimateTokens;
  const skipped: SkippedFile[] = [];
  const reviewable: PackFile[] = [];
  for (const file of input.files) {
    const result = dropUnreviewableHunks(file);
    if ("reason" in result) skipped.push(result);
    else reviewable.push(result);
  }
  return { reviewable, packer: new ChunkPacker(budgetTokens, maxCalls, estimate, skipped), skipped };
}

class ChunkPacker {
  readonly chunks: PackedChunk[] = [];
  private readonly exhaustedReason: string;

  constructor(
    private readonly budget: number,
    private readonly maxCalls: number,
    private readonly estimate: (text: string) => number,
    private readonly skipped: SkippedFile[],
  ) {
    this.exhaustedReason = `token budget exhausted (max ${maxCalls} model ${maxCalls === 1 ? "call" : "calls"})`;
  }

  add(file: PackFile): void {
    const tokens = this.estimate(renderFile(file.path, file.hunks));
    if (tokens <= this.budget) this.addWhole(file, tokens);
    else this.addSplit(file, tokens);
  }

  private addWhole(file: PackFile, tokens: number): void {
    const chunk = this.getChunkWithRoom(tokens);
    if (!chunk) {
      this.skipped.push({ path: file.path, reason: this.exhaustedReason });
      return;
    }
    chunk.files.push(file);
    chunk.tokens += tokens;
  }

  /** The last chunk if `tokens` fit in it, else a new chunk if calls are left. */
  private getChunkWithRoom(tokens: number): PackedChunk | undefined {
    const last = this.chunks.at(-1);
    if (last && last.tokens + tokens <= this.budget) return last;
    if (this.chunks.length >= this.maxCalls) return undefined;
    const chunk: PackedChunk = { files: [], tokens: 0 };
    this.chunks.push(chunk);
    return chunk;
  }

  private addSplit(file: PackFile, fileTokens: number): void {
    const { path } = file;
    const fitting: { hunk: Hunk; tokens: number }[] = [];
    const tooLarge: { hunk: Hunk; tokens: number }[] = [];
    for (const hunk of file.hunks) {
      const tokens = this.estimate(renderFile(path, [hunk]));
      (tokens <= this.budget ? fitting : tooLarge).push({ hunk, tokens });
    }
    if (fitting.length === 0) {
      this.skipped.push({
        path,
        reason: `too large for the token budget (${fileTokens} tokens > budget ${this.budget})`,
      });
      return;
    }

    // The render of a part is about the sum of its hunks' renders, minus the <file> wrapper each of them
    // repeats, plus a separator between hunks. That guess picks the hunks; the estimate of the rendered part
    // decides, and the part is trimmed when the guess was too low.
    const wrapperTokens = this.estimate(renderFile(path, []));
    const first = fitting[0]!;
    const separatorTokens =
      this.estimate(renderFile(path, [first.hunk, first.hunk])) - (2 * first.tokens - wrapperTokens);
    const measure = (start: number, end: number): number =>
      this.estimate(renderFile(path, toHunks(fitting.slice(start, end))));
    let packedAny = false;
    let next = 0;
    while (next < fitting.length) {
      let chunk = this.chunks.at(-1);
      const room = chunk ? this.budget - chunk.tokens : 0;
      let end = next;
      let guess = 0;
      while (end < fitting.length) {
        const tokens = fitting[end]!.tokens;
        const nextGuess = end === next ? tokens : guess + tokens - wrapperTokens + separatorTokens;
        if (nextGuess > room) break;
        guess = nextGuess;
        end++;
      }
      let partTokens = end > next ? measure(next, end) : 0;
      // Guess too low: drop trailing hunks worth the excess (usually once), then bisect if that fails.
      for (let attempt = 0; partTokens > room && attempt < 3; attempt++) {
        let excess = partTokens - room;
        while (end > next && excess > 0) {
          end--;
          excess -= Math.max(1, fitting[end]!.tokens - wrapperTokens + separatorTokens);
        }
        partTokens = end > next ? measure(next, end) : 0;
      }
      if (partTokens > room) {
        let best = next;
        let bestTokens = 0;
        let low = next + 1;
        let high = end - 1;
        while (low <= high) {
          const middle = (low + high) >> 1;
          const tokens = measure(next, middle);
          if (tokens <= room) {
            best = middle;
            bestTokens = tokens;
            low = middle + 1;
          } else high = middle - 1;
        }
        end = best;
        partTokens = bestTokens;
      }
      if (end === next) {
        // Not even the next hunk fits in the current chunk: open a new one, if calls are left.
        if (chunk?.files.length === 0 || this.chunks.length >= this.maxCalls) break;
        chunk = { files: [], tokens: 0 };
        this.chunks.push(chunk);
        continue;
      }
      chunk!.files.push({ path, hunks: toHunks(fitting.slice(next, end)) });
      chunk!.tokens += partTokens;
      packedAny = true;
      next = end;
    }

    const unpacked = fitting.slice(next);
    if (!packedAny) {
      this.skipped.push({ path, reason: this.exhaustedReason });
      return;
    }
    if (tooLarge.length > 0) {
      const largest = Math.max(...tooLarge.map((h) => h.tokens));
      this.skipped.push({
        path,
        reason: `hunks ${formatHunkRanges(toHunks(tooLarge))} not reviewed: too large (${largest} tokens > budget ${this.budget})`,
        hunks: toHunks(tooLarge),
      });
    }
    if (unpacked.length > 0) {
      this.skipped.push({
        path,
        reason: `hunks ${formatHunkRanges(toHunks(unpacked))} not reviewed: ${this.exhaustedReason}`,
        hunks: toHunks(unpacked),
      });
    }
  }
}

function toHunks(entries: readonly { hunk: Hunk }[]): Hunk[] {
  return entries.map((entry) => entry.hunk);
}

const maxListedHunks = 5;

/** `@@ -1,2 +1,3 @@, @@ -40,0 +41,9 @@ and 3 more` */
function formatHunkRanges(hunks: readonly Hunk[]): string {
  const listed = hunks
    .slice(0, maxListedHunks)
    .map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`)
    .join(", ");
  return hunks.length > maxListedHunks ? `${listed} and ${hunks.length - maxListedHunks} more` : listed;
}

/**
 * Drops hunks that add nothing worth reviewing. A hunk is whitespace-only when its non-blank added lines
 * and its non-blank deleted lines are the same multiset modulo whitespace: a hunk that deletes code and
 * adds a blank line is a real change and is kept. In indentation-sensitive files (Python, YAML, Makefiles)
 * leading whitespace counts, since re-indenting changes meaning there.
 */
function dropUnreviewableHunks(file: PackFile): PackFile | SkippedFile {
  if (file.hunks.length === 0) {
    return { path: file.path, reason: "no diff to review (binary, or too large for GitHub to show)" };
  }
  const keepIndent = isIndentationSensitive(file.path);
  const kept: Hunk[] = [];
  let deletionOnly = 0;
  let whitespaceOnly = 0;
  for (const hunk of file.hunks) {
    const kind = classifyHunk(hunk, keepIndent);
    if (kind === "deletion-only") deletionOnly++;
    else if (kind === "whitespace-only") whitespaceOnly++;
    else kept.push(hunk);
  }
  if (kept.length > 0) return kept.length === file.hunks.length ? file : { path: file.path, hunks: kept };
  const reason =
    whitespaceOnly === 0
      ? "only deletions"
      : deletionOnly === 0
        ? "only whitespace changes"
        : "only deletions and whitespace changes";
  return { path: file.path, reason };
}

function classifyHunk(hunk: Hunk, keepIndent: boolean): "deletion-only" | "whitespace-only" | "change" {
  let added = 0;
  let deletedCount = 0;
  for (const line of hunk.lines) {
    if (line.kind === "context" || isBlank(line.text)) continue;
    if (line.kind === "add") added++;
    else deletedCount++;
  }
  if (!hunk.lines.some((line) => line.kind === "add")) return "deletion-only";
  // Same multiset needs the same count: most hunks are told apart here, without normalising any text.
  if (added !== deletedCount) return "change";
  const deleted = new Map<string, number>();
  for (const line of hunk.lines) {
    if (line.kind !== "del") continue;
    const key = normalizeWhitespace(line.text, keepIndent);
    if (key !== "") deleted.set(key, (deleted.get(key) ?? 0) + 1);
  }
  for (const line of hunk.lines) {
    if (line.kind !== "add") continue;
    const key = normalizeWhitespace(line.text, keepIndent);
    if (key === "") continue;
    const count = deleted.get(key);
    if (!count) return "change";
    if (count === 1) deleted.delete(key);
    else deleted.set(key, count - 1);
  }
  return deleted.size === 0 ? "whitespace-only" : "change";
}

/**
 * Whitespace between two word characters becomes one space (`a b` ≠ `ab`); any other whitespace goes
 * (`f(a,b)` = `f( a, b )`). With `keepIndent`, a non-blank line keeps its leading whitespace as is.
 */
function normalizeWhitespace(text: string, keepIndent: boolean): string {
  let out = "";
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start === text.length) return "";
  if (keepIndent) out = text.slice(0, start);
  let pendingSpace = false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && isWordCode(code) && isWordCode(out.charCodeAt(out.length - 1))) out += " ";
    pendingSpace = false;
    out += text[i];
  }
  return out;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11 || code === 160;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

function isIndentationSensitive(path: string): boolean {
  return /\.(py|pyi|ya?ml|mk|haml|pug|slim|coffee|nim)$|(^|\/)(GNU)?[Mm]akefile$/.test(path);
}
