import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { buildLineIndex, type FileLineIndex } from "../../src/diff/line-index.js";
import { type DiffLine, type Hunk, parsePatch } from "../../src/diff/parse-patch.js";

// ---------------------------------------------------------------------------------------------------
// A model of a well-formed GitHub per-file patch, generated, then printed as GitHub prints it.

interface ModelLine {
  kind: DiffLine["kind"];
  text: string;
  /** Print an empty context line as "" instead of " " (some tools strip the trailing space). */
  bare?: boolean;
}

interface ModelHunk {
  gap: number;
  omitCountsWhenOne: boolean;
  section: string;
  lines: ModelLine[];
}

interface ModelPatch {
  hunks: ModelHunk[];
  /** "\ No newline at end of file" after the last line. */
  noNewlineAtEnd: boolean;
  crlf: boolean;
}

const lineText = fc
  .oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        " ",
        "\t",
        "\tindented();",
        "@@ -1 +1 @@",
        "@@ -1,3 +1,4 @@ fake header",
        "++ b/evil.ts",
        "-- a/evil.ts",
        "diff --git a/x b/x",
        "\\ No newline at end of file",
        "index 0000000..1111111 100644",
        "new file mode 100644",
        "héllo wörld ✓ 日本語 🚀",
        "\u202e\u2066 bidi",
      ),
    },
  )
  // A line's text never holds a line break; a carriage return only ever ends a CRLF line.
  .map((text) => text.replace(/[\r\n]/g, ""));

const modelLine: fc.Arbitrary<ModelLine> = fc.record({
  kind: fc.constantFrom<DiffLine["kind"]>("add", "del", "context"),
  text: lineText,
  bare: fc.boolean(),
});

const modelHunk: fc.Arbitrary<ModelHunk> = fc.record({
  gap: fc.nat({ max: 40 }),
  omitCountsWhenOne: fc.boolean(),
  section: fc.constantFrom("", " function handler(req, res) {", " class Süß", " @@"),
  lines: fc.array(modelLine, { minLength: 1, maxLength: 25 }),
});

const modelPatch: fc.Arbitrary<ModelPatch> = fc.record({
  hunks: fc.array(modelHunk, { minLength: 1, maxLength: 6 }),
  noNewlineAtEnd: fc.boolean(),
  crlf: fc.boolean(),
});

/** Prints the model as a patch and returns the hunks parsePatch should produce for it. */
function printPatch(model: ModelPatch): { patch: string; expected: Hunk[] } {
  const out: string[] = [];
  const expected: Hunk[] = [];
  const eol = model.crlf ? "\r" : "";
  let oldNext = 1;
  let newNext = 1;
  model.hunks.forEach((hunk, hunkIndex) => {
    oldNext += hunk.gap;
    newNext += hunk.gap;
    const oldLines = hunk.lines.filter((l) => l.kind !== "add").length;
    const newLines = hunk.lines.filter((l) => l.kind !== "del").length;
    // git writes "-0,0" / "+0,0" for an empty side.
    const oldStart = oldLines === 0 ? oldNext - 1 : oldNext;
    const newStart = newLines === 0 ? newNext - 1 : newNext;
    const range = (start: number, count: number) =>
      count === 1 && hunk.omitCountsWhenOne ? `${start}` : `${start},${count}`;
    const header = `@@ -${range(oldStart, oldLines)} +${range(newStart, newLines)} @@${hunk.section}`;
    out.push(header + eol);
    const lines: DiffLine[] = [];
    for (const line of hunk.lines) {
      if (line.kind === "add") {
        out.push(`+${line.text}${eol}`);
        lines.push({ kind: "add", newLine: newNext++, text: line.text });
      } else if (line.kind === "del") {
        out.push(`-${line.text}${eol}`);
        lines.push({ kind: "del", oldLine: oldNext++, text: line.text });
      } else {
        out.push(line.text === "" && line.bare && !model.crlf ? "" : ` ${line.text}${eol}`);
        lines.push({ kind: "context", oldLine: oldNext++, newLine: newNext++, text: line.text });
      }
    }
    // GitHub's marker line comes from git and never carries a carriage return.
    if (model.noNewlineAtEnd && hunkIndex === model.hunks.length - 1)
      out.push("\\ No newline at end of file");
    expected.push({ oldStart, oldLines, newStart, newLines, header, lines });
  });
  return { patch: out.join("\n"), expected };
}

// ---------------------------------------------------------------------------------------------------
// The invariants GitHub enforces on review comments, checked on the index of any parse.

function checkIndexInvariants(hunks: Hunk[]): FileLineIndex {
  const index = buildLineIndex("src/a.ts", hunks);
  // Collected, then asserted once: one expect per line would make the 50,000-line case take seconds.
  const violations: string[] = [];
  // Per hunk, its shown lines by number (a lookup table keeps the 50,000-line case linear).
  const byNewLine = hunks.map(
    (h) => new Map(h.lines.filter((l) => l.kind !== "del").map((l) => [l.newLine, l])),
  );
  const byOldLine = hunks.map(
    (h) => new Map(h.lines.filter((l) => l.kind === "del").map((l) => [l.oldLine, l])),
  );
  for (const [newLine, hunkIndex] of index.right) {
    const hunk = hunks[hunkIndex];
    const kind = byNewLine[hunkIndex]?.get(newLine)?.kind;
    if (!hunk || (kind !== "add" && kind !== "context"))
      violations.push(`RIGHT ${newLine}: not a shown line of hunk ${hunkIndex}`);
    else if (newLine < hunk.newStart || newLine >= hunk.newStart + hunk.newLines)
      violations.push(`RIGHT ${newLine}: outside ${hunk.header}`);
  }
  for (const [oldLine, hunkIndex] of index.left) {
    const hunk = hunks[hunkIndex];
    if (!hunk || byOldLine[hunkIndex]?.get(oldLine)?.kind !== "del")
      violations.push(`LEFT ${oldLine}: not a deleted line of hunk ${hunkIndex}`);
    else if (oldLine < hunk.oldStart || oldLine >= hunk.oldStart + hunk.oldLines)
      violations.push(`LEFT ${oldLine}: outside ${hunk.header}`);
  }
  for (const newLine of index.added) {
    if (byNewLine[index.right.get(newLine) ?? -1]?.get(newLine)?.kind !== "add")
      violations.push(`added ${newLine}: not an added line`);
  }
  expect(violations).toEqual([]);
  return index;
}

/** Every shown line of hunk `h` is indexed to `h` (no line is claimed by two hunks). */
function checkHunkIndexesConsistent(hunks: Hunk[], index: FileLineIndex): void {
  const violations: string[] = [];
  hunks.forEach((hunk, hunkIndex) => {
    for (const line of hunk.lines) {
      const indexed =
        line.kind === "del" ? index.left.get(line.oldLine ?? -1) : index.right.get(line.newLine ?? -1);
      if (indexed !== hunkIndex)
        violations.push(`${line.kind} ${line.oldLine}/${line.newLine}: hunk ${indexed} ≠ ${hunkIndex}`);
    }
  });
  expect(violations).toEqual([]);
}

const runs = { numRuns: 300 };

describe("parsePatch + buildLineIndex (properties)", () => {
  it("parses every well-formed patch exactly (LF and CRLF, counts omitted, markers, unicode, tabs)", () => {
    fc.assert(
      fc.property(modelPatch, (model) => {
        const { patch, expected } = printPatch(model);
        const hunks = parsePatch(patch);
        expect(hunks).toEqual(expected);
        checkHunkIndexesConsistent(hunks, checkIndexInvariants(hunks));
      }),
      runs,
    );
  });

  it("keeps the index invariants on a well-formed patch cut off anywhere (truncated hunk)", () => {
    fc.assert(
      fc.property(modelPatch, fc.double({ min: 0, max: 1, noNaN: true }), (model, fraction) => {
        const { patch } = printPatch(model);
        const hunks = parsePatch(patch.slice(0, Math.floor(patch.length * fraction)));
        checkHunkIndexesConsistent(hunks, checkIndexInvariants(hunks));
      }),
      runs,
    );
  });

  it("never throws on arbitrary text, and what it indexes is real", () => {
    const garbage = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc
        .array(
          fc.oneof(
            lineText,
            fc.constantFrom("@@ -1 +1 @@", "@@ -0,0 +1,3 @@", "+", "-", " ", "\\ No newline at end of file"),
          ),
          {
            maxLength: 40,
          },
        )
        .map((lines) => lines.join("\n")),
      fc
        .tuple(modelPatch, fc.array(fc.tuple(fc.nat(), lineText), { maxLength: 5 }))
        .map(([model, inserts]) => {
          // A well-formed patch with garbage lines spliced in.
          const lines = printPatch(model).patch.split("\n");
          for (const [at, text] of inserts) lines.splice(at % (lines.length + 1), 0, text);
          return lines.join("\n");
        }),
    );
    fc.assert(
      fc.property(garbage, (patch) => {
        let hunks: Hunk[] = [];
        expect(() => {
          hunks = parsePatch(patch);
        }).not.toThrow();
        const index = buildLineIndex("src/a.ts", hunks);
        for (const [newLine, hunkIndex] of index.right) {
          expect(hunks[hunkIndex]?.lines.some((l) => l.kind !== "del" && l.newLine === newLine)).toBe(true);
        }
        for (const [oldLine, hunkIndex] of index.left) {
          expect(hunks[hunkIndex]?.lines.some((l) => l.kind === "del" && l.oldLine === oldLine)).toBe(true);
        }
      }),
      runs,
    );
  });

  // Malformed patches GitHub does not send today, which parse-diff alone got wrong.
  it("a hunk whose header undercounts its new side does not swallow the next hunk", () => {
    // parse-diff ends a hunk only when both counts reach exactly 0; "+1,1" with two added lines drives
    // the new count to -1, so "@@ -10,1 +10,1 @@" becomes a context line and line 2 is indexed as
    // commentable although GitHub's diff does not show it (a review with it fails with 422).
    const hunks = parsePatch("@@ -1,2 +1,1 @@\n+a\n+b\n-c\n-d\n@@ -10,1 +10,1 @@\n-x\n+y");
    checkIndexInvariants(hunks);
  });

  it("a CRLF marker line inside a hunk does not shift the numbers of the lines after it", () => {
    // "\\ No newline at end of file\r" does not match parse-diff's anchored marker regex, so it is
    // counted as a context line: "+a" gets new line 2 instead of 1 and "+b" falls out of the hunk.
    const hunks = parsePatch("@@ -1,1 +1,2 @@\r\n-a\r\n\\ No newline at end of file\r\n+a\r\n+b\r\n");
    expect(hunks[0]?.lines).toEqual([
      { kind: "del", oldLine: 1, text: "a" },
      { kind: "add", newLine: 1, text: "a" },
      { kind: "add", newLine: 2, text: "b" },
    ]);
  });

  const noPatch = [
    { name: "binary file: no patch", patch: undefined },
    { name: "null patch", patch: null },
    { name: "rename or mode change only: empty patch", patch: "" },
    { name: "whitespace only", patch: " \n\t\n" },
    { name: "header without hunks", patch: "--- a/x\n+++ b/x" },
    { name: "Binary files differ", patch: "Binary files a/logo.png and b/logo.png differ" },
  ];

  it.each(noPatch)("$name: no hunks", ({ patch }) => {
    expect(parsePatch(patch)).toEqual([]);
  });

  it("handles a 50,000-line hunk", () => {
    const body = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? `+added ${i}` : ` context ${i}`));
    const newLines = body.length;
    const oldLines = body.filter((l) => l.startsWith(" ")).length;
    const hunks = parsePatch(`@@ -1,${oldLines} +1,${newLines} @@\n${body.join("\n")}`);
    expect(hunks).toHaveLength(1);
    expect(hunks[0]?.lines).toHaveLength(50_000);
    expect(hunks[0]?.lines.at(-1)).toEqual({
      kind: "context",
      oldLine: oldLines,
      newLine: newLines,
      text: "context 49999",
    });
    const index = checkIndexInvariants(hunks);
    expect(index.right.size).toBe(50_000);
    expect(index.added.size).toBe(16_667);
  });

  it("handles a 1 MB line", () => {
    const long = "x".repeat(1_000_000);
    const hunks = parsePatch(`@@ -1 +1 @@\n-${long}\n+${long}y`);
    expect(hunks[0]?.lines.map((l) => [l.kind, l.text.length])).toEqual([
      ["del", 1_000_000],
      ["add", 1_000_001],
    ]);
    checkIndexInvariants(hunks);
  });
});
