import type { Category } from "../findings/finding.js";

/** The categories a comment can focus a review on: `/architect security`. */
export const focusWords = [
  "architecture",
  "security",
  "performance",
  "reliability",
  "maintainability",
] as const satisfies readonly Category[];

export type Command =
  /** `auto`: review what changed since the last review; `full`: the whole pull request again. */
  | { kind: "review"; scope: "auto" | "full"; focus?: Category[] }
  | { kind: "help" }
  /** `/architect <word>` with a word that is no sub-command: answer with the help text. */
  | { kind: "unknown"; word: string };

/**
 * `/architect` then end of line or whitespace, after at most three spaces (four spaces or a tab start
 * an indented code block in markdown, which is quoted text, not a command). `/architecture` is not it.
 */
const commandLine = /^ {0,3}\/architect(?:$|\s+(\S*))/i;

/**
 * Reads an `/architect` command from a comment body. Only the first non-empty line counts, so a
 * command quoted (`> /architect`) or shown in a code block is never run.
 *
 * @example
 * parseCommand("/architect security\nplease check the auth changes");
 * // { kind: "review", scope: "auto", focus: ["security"] }
 * parseCommand("Thanks! /architect"); // null
 */
export function parseCommand(body: string): Command | null {
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== "");
  if (firstLine === undefined) return null;
  const match = commandLine.exec(firstLine);
  if (match === null) return null;
  const word = (match[1] ?? "").toLowerCase();
  if (word === "") return { kind: "review", scope: "auto" };
  if (word === "full") return { kind: "review", scope: "full" };
  if (word === "help") return { kind: "help" };
  const focus = focusWords.find((category) => category === word);
  if (focus !== undefined) return { kind: "review", scope: "auto", focus: [focus] };
  return { kind: "unknown", word: match[1] ?? "" };
}
