import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { buildLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { categories, type Finding } from "../../src/findings/finding.js";
import {
  buildFindingIdentity,
  buildLegacyFingerprint,
  isSameFinding,
  matchFindings,
} from "../../src/findings/finding-identity.js";
import { type ReconciledFinding, reconcileFindings } from "../../src/review/reconcile-findings.js";

// A handler with a concatenated SQL query on its third line; reviews insert filler lines above it.
const handler = [
  "export async function getUser(req, res) {",
  "  const id = req.params.id;",
  "  const rows = await db.query('SELECT * FROM users WHERE id = ' + id);",
  "  res.json(rows);",
  "}",
];
const queryLine = 3;
const repo = { owner: "acme", repo: "shop" };

/** An added file: `shift` filler lines, then the handler. */
function buildIndex(path: string, shift: number) {
  const lines = [...Array.from({ length: shift }, (_, i) => `// filler ${i}`), ...handler];
  const patch = `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`;
  return buildLineIndex(path, parsePatch(patch));
}

function modelFinding(path: string, line: number, title: string, category: Finding["category"] = "security") {
  return {
    path,
    line,
    severity: "high",
    category,
    confidence: 0.9,
    title,
    body: "Bind the id as a parameter.",
    evidence: handler[queryLine - 1]!.trim(),
    source: "model",
  } satisfies Finding;
}

function ruleFinding(path: string, line: number, ruleId = "sql-string-building") {
  return {
    path,
    line,
    severity: "high",
    category: "security",
    confidence: 0.85,
    title: "SQL built by string concatenation",
    body: "Use a parameterised query.",
    source: "rule",
    ruleId,
  } satisfies Finding;
}

/** One review: reconcile like the app, return the findings with identities. */
function review(params: {
  path?: string;
  shift: number;
  rules?: Finding[];
  model?: Finding[];
  previousPath?: string;
}): ReconciledFinding[] {
  const path = params.path ?? "src/users.ts";
  return reconcileFindings({
    ruleFindings: params.rules ?? [],
    modelFindings: params.model ?? [],
    indexes: new Map([[path, buildIndex(path, params.shift)]]),
    repo,
    ...(params.previousPath ? { previousPaths: new Map([[path, params.previousPath]]) } : {}),
  }).findings;
}

/** What a later review reads back from the markers of the comments it posted. */
function toPrevious(findings: readonly ReconciledFinding[]) {
  return findings.map((f) => ({ keys: f.identity.keys, title: f.title }));
}

const shift = fc.integer({ min: 0, max: 300 });
const title = fc.string({ minLength: 1, maxLength: 80 });

describe("finding identity (properties)", () => {
  it("survives rewording: any two titles of the same problem on the same code are one finding", () => {
    fc.assert(
      fc.property(title, title, shift, shift, (first, second, shiftA, shiftB) => {
        const [before] = review({
          shift: shiftA,
          model: [modelFinding("src/users.ts", shiftA + queryLine, first)],
        });
        const [after] = review({
          shift: shiftB,
          model: [modelFinding("src/users.ts", shiftB + queryLine, second)],
        });
        expect(after!.fingerprint).toBe(before!.fingerprint);
        expect(matchFindings([after!.identity], toPrevious([before!]))).toEqual([0]);
      }),
    );
  });

  it("survives line moves: the same finding with the code N lines lower keeps every key", () => {
    fc.assert(
      fc.property(shift, shift, (shiftA, shiftB) => {
        const [a] = review({ shift: shiftA, rules: [ruleFinding("src/users.ts", shiftA + queryLine)] });
        const [b] = review({ shift: shiftB, rules: [ruleFinding("src/users.ts", shiftB + queryLine)] });
        expect(b!.identity.keys).toEqual(a!.identity.keys);
      }),
    );
  });

  it("survives a detector merge: a detector-confirmed finding is the model-only or rule-only report that follows", () => {
    fc.assert(
      fc.property(
        shift,
        shift,
        title,
        title,
        fc.integer({ min: -2, max: 2 }),
        (shiftA, shiftB, firstTitle, laterTitle, drift) => {
          // Review 1: the detector and the model report the same line (the model up to 2 lines off,
          // but quoting the code): one confirmed finding carrying the rule id.
          const modelLine = Math.max(1, shiftA + queryLine + drift);
          const confirmed = review({
            shift: shiftA,
            rules: [ruleFinding("src/users.ts", shiftA + queryLine)],
            model: [modelFinding("src/users.ts", modelLine, firstTitle)],
          });
          expect(confirmed).toHaveLength(1);
          expect(confirmed[0]!.ruleId).toBe("sql-string-building");
          const previous = toPrevious(confirmed);

          // Review 2, model alone (reworded), or detector alone: the same finding.
          const [modelOnly] = review({
            shift: shiftB,
            model: [modelFinding("src/users.ts", shiftB + queryLine, laterTitle)],
          });
          const [ruleOnly] = review({
            shift: shiftB,
            rules: [ruleFinding("src/users.ts", shiftB + queryLine)],
          });
          expect(matchFindings([modelOnly!.identity], previous)).toEqual([0]);
          expect(matchFindings([ruleOnly!.identity], previous)).toEqual([0]);

          // And the other way round: a detector-only finding, then the model's confirmation of it.
          const ruleFirst = toPrevious(
            review({ shift: shiftA, rules: [ruleFinding("src/users.ts", shiftA + queryLine)] }),
          );
          const later = review({
            shift: shiftB,
            rules: [ruleFinding("src/users.ts", shiftB + queryLine)],
            model: [modelFinding("src/users.ts", shiftB + queryLine, laterTitle)],
          });
          expect(matchFindings([later[0]!.identity], ruleFirst)).toEqual([0]);
        },
      ),
    );
  });

  it("survives a different span: the model quotes one line, then the same problem over several", () => {
    fc.assert(
      fc.property(shift, fc.integer({ min: 1, max: 2 }), title, title, (s, extra, first, second) => {
        const line = s + queryLine;
        const [short] = review({ shift: s, model: [modelFinding("src/users.ts", line, first)] });
        const [long] = review({
          shift: s,
          model: [{ ...modelFinding("src/users.ts", line, second), endLine: line + extra }],
        });
        expect(long!.endLine).toBe(line + extra);
        expect(matchFindings([long!.identity], toPrevious([short!]))).toEqual([0]);
        expect(matchFindings([short!.identity], toPrevious([long!]))).toEqual([0]);
      }),
    );
  });

  it("keeps different kinds on the same code apart: other category, other rule", () => {
    fc.assert(
      fc.property(
        shift,
        fc.constantFrom(...categories.filter((c) => c !== "security")),
        title,
        (s, otherCategory, anyTitle) => {
          const line = s + queryLine;
          const security = review({ shift: s, model: [modelFinding("src/users.ts", line, anyTitle)] });
          const other = review({
            shift: s,
            model: [modelFinding("src/users.ts", line, anyTitle, otherCategory)],
          });
          expect(matchFindings([other[0]!.identity], toPrevious(security))).toEqual([-1]);

          const ruleA = review({
            shift: s,
            rules: [ruleFinding("src/users.ts", line, "sql-string-building")],
          });
          const ruleB = review({ shift: s, rules: [ruleFinding("src/users.ts", line, "unbounded-query")] });
          expect(matchFindings([ruleB[0]!.identity], toPrevious(ruleA))).toEqual([-1]);
          // Both reported in one review: two findings, not one.
          expect(
            review({
              shift: s,
              rules: [
                ruleFinding("src/users.ts", line, "sql-string-building"),
                ruleFinding("src/users.ts", line, "unbounded-query"),
              ],
            }),
          ).toHaveLength(2);
        },
      ),
    );
  });

  it("survives a file rename (previous_filename) with the code moved", () => {
    fc.assert(
      fc.property(shift, shift, title, title, (shiftA, shiftB, first, second) => {
        const before = review({
          path: "src/users.ts",
          shift: shiftA,
          model: [modelFinding("src/users.ts", shiftA + queryLine, first)],
        });
        const renamed = review({
          path: "src/routes/user-routes.ts",
          previousPath: "src/users.ts",
          shift: shiftB,
          model: [modelFinding("src/routes/user-routes.ts", shiftB + queryLine, second)],
        });
        expect(matchFindings([renamed[0]!.identity], toPrevious(before))).toEqual([0]);
        // Without the rename information it is another file, hence another finding.
        const elsewhere = review({
          path: "src/routes/user-routes.ts",
          shift: shiftB,
          model: [modelFinding("src/routes/user-routes.ts", shiftB + queryLine, second)],
        });
        expect(matchFindings([elsewhere[0]!.identity], toPrevious(before))).toEqual([-1]);
      }),
    );
  });
});

describe("finding identity (examples)", () => {
  const anchor = [handler[queryLine - 1]!];
  const base = { path: "src/users.ts", category: "security", title: "SQL injection in getUser" };

  it("uses the title only to break ties: two problems of one kind on one line, one posted before", () => {
    const posted = buildFindingIdentity(base, [anchor]);
    const a = buildFindingIdentity({ ...base, title: "Response leaks the whole row" }, [anchor]);
    const b = buildFindingIdentity({ ...base, title: "SQL injection in getUser()" }, [anchor]);
    expect(matchFindings([a, b], [{ keys: posted.keys, title: base.title }])).toEqual([-1, 0]);
  });

  it("reads markers written before identities (title-based fingerprints)", () => {
    const legacy = buildLegacyFingerprint(base, anchor);
    expect(isSameFinding(buildFindingIdentity(base, [anchor]), [legacy])).toBe(true);
    expect(
      isSameFinding(buildFindingIdentity({ ...base, title: "Something else" }, [anchor]), [legacy]),
    ).toBe(false);
  });

  it("writes a category key, and a rule key when a detector is involved", () => {
    expect(buildFindingIdentity(base, [anchor]).keys).toHaveLength(1);
    const withRule = buildFindingIdentity({ ...base, ruleId: "sql-string-building" }, [anchor]);
    expect(withRule.keys).toHaveLength(2);
    for (const key of withRule.keys) expect(key).toMatch(/^[0-9a-f]{16}$/);
  });
});
