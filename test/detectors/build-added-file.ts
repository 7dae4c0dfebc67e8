import { buildLineIndex, type FileLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";

/** The file as a pull request that adds it: every line is an added line. */
export function buildAddedFile(path: string, code: string): FileLineIndex {
  const lines = code.replace(/\n$/, "").split("\n");
  return buildLineIndex(
    path,
    parsePatch(`@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`),
  );
}
