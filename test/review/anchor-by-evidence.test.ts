import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { buildLineIndex, isCommentable, isCommentableRange } from "../../src/diff/line-index.js";
import { type Hunk, parsePatch } from "../../src/diff/parse-patch.js";
import { renderHunk } from "../../src/model/render-diff.js";
import { anchorByEvidence } from "../../src/review/anchor-by-evidence.js";

// New-file lines 10-16 in the first hunk, 40-44 in the second.
const patch = [
  "@@ -10,4 +10,7 @@ export async function getUser(req, res) {",
  "   const id = req.params.id;", // 10
  "-  const user = await db.query('SELECT * FROM users WHERE id = ' + id);",
  "+  const user = await db.query(", // 11
  "+    'SELECT * FROM users WHERE id = ' + id,", // 12
  "+  );", // 13
  "   if (!user) return res.sendStatus(404);", // 14
  "+  log(user);", // 15
  "   res.json(user);", // 16
  "@@ -37,2 +40,5 @@ export async function listUsers(req, res) {",
  "   const limit = req.query.limit;", // 40
  "+  const rows = await db.query('SELECT * FROM users LIMIT ' + limit);", // 41
  "+  log(user);", // 42
  "+  res.json(rows);", // 43
  "   return;", // 44
].join("\n");
const index = buildLineIndex("src/users.ts", parsePatch(patch));

describe("anchorByEvidence", () => {
  it.each([
    {
      name: "evidence on the model's line",
      finding: { line: 41, evidence: "const rows = await db.query('SELECT * FROM users LIMIT ' + limit);" },
      expected: { line: 41, method: "evidence", disagreed: false },
    },
    {
      name: "evidence on another line than the model's",
      finding: { line: 44, evidence: "const rows = await db.query('SELECT * FROM users LIMIT ' + limit);" },
      expected: { line: 41, method: "evidence", disagreed: true },
    },
    {
      name: "evidence with different whitespace",
      finding: {
        line: 1,
        evidence: "  const   rows=await db.query('SELECT * FROM users LIMIT ' + limit);  ",
      },
      expected: { line: 41, method: "evidence", disagreed: true },
    },
    {
      name: "evidence copied with the prompt's line prefix",
      finding: { line: 41, evidence: "12+|    'SELECT * FROM users WHERE id = ' + id," },
      expected: { line: 12, method: "evidence", disagreed: true },
    },
    {
      name: "evidence on a context line",
      finding: { line: 10, evidence: "const id = req.params.id;" },
      expected: { line: 10, method: "evidence", disagreed: false },
    },
    {
      name: "two matches: the one closest to the model's line (first hunk)",
      finding: { line: 14, evidence: "log(user);" },
      expected: { line: 15, method: "evidence", disagreed: true },
    },
    {
      name: "two matches: the one closest to the model's line (second hunk)",
      finding: { line: 40, evidence: "log(user);" },
      expected: { line: 42, method: "evidence", disagreed: true },
    },
    {
      name: "multi-line evidence: the sequence decides over the first line alone",
      finding: { line: 41, evidence: "log(user);\nres.json(user);" },
      expected: { line: 15, method: "evidence", disagreed: true },
    },
    {
      name: "multi-line evidence whose sequence is not in the diff: first line only",
      finding: { line: 44, evidence: "log(user);\nsomething else" },
      expected: { line: 42, method: "evidence", disagreed: true },
    },
    {
      name: "range kept with the model's length when it stays in the hunk",
      finding: { line: 1, endLine: 3, evidence: "const user = await db.query(" },
      expected: { line: 11, endLine: 13, method: "evidence", disagreed: true },
    },
    {
      name: "range that would leave the hunk becomes a single line",
      finding: { line: 42, endLine: 46, evidence: "log(user);" },
      expected: { line: 42, method: "evidence", disagreed: false },
    },
    {
      name: "no evidence: the model's commentable line",
      finding: { line: 43 },
      expected: { line: 43, method: "model-line", disagreed: false },
    },
    {
      name: "evidence not in the diff: the model's line, with its range",
      finding: { line: 41, endLine: 43, evidence: "nothing like this" },
      expected: { line: 41, endLine: 43, method: "model-line", disagreed: false },
    },
    {
      name: "evidence of a deleted line only",
      finding: { line: 12, evidence: "const user = await db.query('SELECT * FROM users WHERE id = ' + id);" },
      expected: { line: 12, method: "model-line", disagreed: false },
    },
    {
      name: "blank evidence",
      finding: { line: 16, evidence: "   \n  " },
      expected: { line: 16, method: "model-line", disagreed: false },
    },
    {
      name: "model's end before its start: single line",
      finding: { line: 13, endLine: 11 },
      expected: { line: 13, method: "model-line", disagreed: false },
    },
    {
      name: "no match and a line outside the diff",
      finding: { line: 30, evidence: "nothing like this" },
      expected: { line: 30, method: "none", disagreed: false },
    },
    {
      name: "no evidence and a line outside the diff",
      finding: { line: 100 },
      expected: { line: 100, method: "none", disagreed: false },
    },
  ])("$name", ({ finding, expected }) => {
    expect(anchorByEvidence(finding, index)).toEqual(expected);
  });
});

// ---- property ----

const lineTextArb = fc.constantFrom("a();", "b();", "  a();", "return x;", "}", "", "log(user);", "x = 1");

/** Hunks with consistent numbering from line specs: [kind, text]. */
const hunksArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 20 }),
      lines: fc.array(fc.tuple(fc.constantFrom("+", "-", " "), lineTextArb), { minLength: 1, maxLength: 12 }),
    }),
    { maxLength: 4 },
  )
  .map((specs) => {
    let oldLine = 1;
    let newLine = 1;
    const patchParts: string[] = [];
    for (const spec of specs) {
      oldLine += spec.gap;
      newLine += spec.gap;
      const oldCount = spec.lines.filter(([kind]) => kind !== "+").length;
      const newCount = spec.lines.filter(([kind]) => kind !== "-").length;
      patchParts.push(
        `@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`,
        ...spec.lines.map(([kind, text]) => `${kind}${text}`),
      );
      oldLine += oldCount;
      newLine += newCount;
    }
    return parsePatch(patchParts.join("\n"));
  });

describe("anchorByEvidence properties", () => {
  it("returns a commentable line (or method none) and a range that stays in one hunk", () => {
    fc.assert(
      fc.property(
        hunksArb,
        fc.integer({ min: 1, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        fc.option(fc.array(lineTextArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        (hunks: Hunk[], line, rangeLength, evidenceLines) => {
          const lineIndex = buildLineIndex("f.ts", hunks);
          const finding = {
            line,
            endLine: rangeLength === undefined ? undefined : line + rangeLength,
            evidence: evidenceLines?.join("\n"),
          };
          const anchor = anchorByEvidence(finding, lineIndex);
          if (anchor.method !== "none") expect(isCommentable(lineIndex, anchor.line)).toBe(true);
          else expect(anchor.endLine).toBeUndefined();
          if (anchor.endLine !== undefined) {
            expect(isCommentableRange(lineIndex, anchor.line, anchor.endLine)).toBe(true);
            expect(anchor.endLine - anchor.line).toBe(rangeLength);
          }
          expect(anchor.disagreed).toBe(anchor.method === "evidence" && anchor.line !== line);
          if (anchor.method === "evidence") {
            const text = hunks
              .flatMap((h) => h.lines)
              .find((l) => l.kind !== "del" && l.newLine === anchor.line)?.text;
            const firstEvidence = finding.evidence?.split("\n").find((l) => l.trim() !== "");
            expect(text?.replace(/\s+/g, "")).toBe(firstEvidence?.replace(/\s+/g, ""));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds any added or context line quoted from the prompt's rendering", () => {
    fc.assert(
      fc.property(hunksArb, fc.nat(), (hunks, pick) => {
        const shown = hunks
          .flatMap((h) => renderHunk(h).split("\n").slice(1))
          .filter((l) => !l.startsWith("-|"));
        fc.pre(shown.some((l) => l.split("|")[1]!.trim() !== ""));
        const nonBlank = shown.filter((l) => l.split("|")[1]!.trim() !== "");
        const quoted = nonBlank[pick % nonBlank.length]!;
        const lineNumber = Number.parseInt(quoted, 10);
        const anchor = anchorByEvidence(
          { line: lineNumber, evidence: quoted },
          buildLineIndex("f.ts", hunks),
        );
        expect(anchor).toEqual({ line: lineNumber, method: "evidence", disagreed: false });
      }),
    );
  });
});
