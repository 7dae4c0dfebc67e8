import { invisibleCharacterPattern } from "../security/invisible-character-pattern.js";

/**
 * A name taken from an API description as one inline code span: one line, capped, invisible characters
 * shown as `⟦U+…⟧`, a fence longer than any backtick run inside, and no `<!--` (so it cannot carry one of
 * the app's hidden markers). Inside a code span nothing mentions, links or renders.
 */
export function buildCodeSpan(text: string, maxLength = 200): string {
  let line = text.replace(/\r\n?|\n|\u2028|\u2029/g, " ");
  if (line.length > maxLength) line = `${line.slice(0, maxLength - 1)}…`;
  line = line
    .replace(invisibleCharacterPattern, (char) => {
      const code = char.codePointAt(0) ?? 0;
      return `⟦U+${code.toString(16).toUpperCase().padStart(4, "0")}⟧`;
    })
    .replace(/<!--/g, "<!- -");
  const longestRun = Math.max(0, ...[...line.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  const padded = /^[`\s]|[`\s]$/.test(line) || line === "" ? ` ${line} ` : line;
  return `${fence}${padded}${fence}`;
}
