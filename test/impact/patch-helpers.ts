import { type Hunk, parsePatch } from "../../src/diff/parse-patch.js";

/** The hunks of a new file holding `code` (every line added). */
export function buildAddedFile(code: string): Hunk[] {
  const lines = code.replace(/\n$/, "").split("\n");
  return parsePatch(`@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`);
}

/** The hunks of a deleted file that held `code`. */
export function buildDeletedFile(code: string): Hunk[] {
  const lines = code.replace(/\n$/, "").split("\n");
  return parsePatch(`@@ -1,${lines.length} +0,0 @@\n${lines.map((line) => `-${line}`).join("\n")}`);
}
