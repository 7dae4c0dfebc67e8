import { invisibleCharacterPattern } from "./invisible-character-pattern.js";

/**
 * Makes invisible and bidirectional control characters in a line of code visible, so that neither the
 * model nor a human reading the review is shown code whose meaning differs from how it looks (Trojan
 * Source). Each such character becomes a marker naming its code point; everything else, including tabs
 * and any instruction-like text, is left as it is: code is data and is fenced, not rewritten.
 *
 * @example sanitizeCodeLine("if (isAdmin\u202E) {") === "if (isAdmin⟦U+202E⟧) {"
 */
export function sanitizeCodeLine(line: string): string {
  return line.replace(invisibleCharacterPattern, (char) => {
    const codePoint = char.codePointAt(0) ?? 0;
    return `⟦U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}⟧`;
  });
}
