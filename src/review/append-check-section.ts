import type { CheckOutput } from "../github/checks.js";
import { githubLimits, truncateToBytes } from "../github/limits.js";

/** Room left in the summary for what is appended after this (the review marker line). */
const reservedBytes = 512;

/**
 * Adds a section to a check run's output: at the end of the summary when it fits there, else at the end
 * of the text, cut to GitHub's 64 KB limit if it must be. An empty section changes nothing.
 */
export function appendCheckSection(output: CheckOutput, section: string): CheckOutput {
  if (section === "") return output;
  const summary = `${output.summary}\n\n${section}`;
  if (Buffer.byteLength(summary) <= githubLimits.maxCheckOutputBytes - reservedBytes)
    return { ...output, summary };
  const text = output.text ? `${output.text}\n\n${section}` : section;
  return { ...output, text: truncateToBytes(text, githubLimits.maxCheckOutputBytes) };
}
