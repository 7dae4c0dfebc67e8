/** GitHub's limits, in one place. */
export const githubLimits = {
  /** pulls.listFiles returns at most this many files. */
  maxListedFiles: 3000,
  /** repos.compareCommits lists at most this many files, and says nothing when it cuts. */
  maxCompareFiles: 300,
  perPage: 100,
  /** Check run output.summary / output.text (GitHub counts bytes). */
  maxCheckOutputBytes: 65_535,
  /** Annotations per check-run create/update request. */
  annotationsPerRequest: 50,
  /** Review, review comment and issue comment bodies. */
  maxCommentChars: 65_536,
  checkTitleChars: 255,
  annotationMessageBytes: 64 * 1024 - 1,
  annotationTitleChars: 255,
} as const;

/** Cuts `text` so its UTF-8 encoding fits `maxBytes`, ending with `marker` when cut. */
export function truncateToBytes(text: string, maxBytes: number, marker = "\n\n… (truncated)"): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(marker, "utf8");
  let cut = text.slice(0, budget);
  while (Buffer.byteLength(cut, "utf8") > budget) cut = cut.slice(0, Math.floor(cut.length * 0.95));
  // Never leave a lone high surrogate at the end.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + marker;
}
