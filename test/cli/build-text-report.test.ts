import { describe, expect, it } from "@jest/globals";
import { buildTextReport } from "../../src/cli/build-text-report.js";
import { buildReport, leakFinding, sqlFinding } from "./report-fixtures.js";

describe("buildTextReport", () => {
  it("groups the findings by file with severity, path:line, title, wrapped body and origin", () => {
    const text = buildTextReport(buildReport({ findings: [sqlFinding, leakFinding], failing: 1 }));
    expect(text).toBe(
      [
        "Backend Architect · 2 findings (1 high, 1 medium) in 2 server-side files (changes since origin/main (merge base 1a2b3c4))",
        "",
        "The search route builds SQL from request input.",
        "",
        "src/routes/users.js",
        "  HIGH     src/routes/users.js:11  SQL built from strings with interpolated values",
        "          This SQL text is assembled by concatenation, interpolation or formatting, so any value",
        "          that reaches it from a request can change the statement itself (SQL injection), and the",
        "          database cannot reuse the plan. Pass values as bind parameters instead: placeholders ($1,",
        "          ?, %s, :name) with a separate values array or map, a tagged template that binds (sql`…`,",
        "          Prisma.sql, $queryRaw`…`), or the query builder; identifiers such as column names must",
        "          come from an allow-list, never from input.",
        "          (security · rule sql-string-building · confidence 85%)",
        "",
        "  MEDIUM   src/routes/users.js:14-15  Database errors returned to the client",
        "          `err.message` reaches the response body.",
        "          Suggested change:",
        "                next(err);",
        "          (reliability · model · confidence 90%)",
        "",
        "Left out 1 file:",
        "  docs/api.md — documentation",
        "Model claude-sonnet-5-5: 1 call, 1,200 input / 300 output tokens (0 cached), estimated $0.0081.",
        "Result: fails — 1 finding is high or worse.",
        "",
      ].join("\n"),
    );
  });

  it("keeps every body line within the width", () => {
    const text = buildTextReport(buildReport(), { width: 72 });
    for (const line of text.split("\n").filter((l) => l.startsWith("          "))) {
      expect(line.length).toBeLessThanOrEqual(72);
    }
  });

  it.each([
    {
      name: "no findings, detectors only",
      overrides: { findings: [], failing: 0, model: null, modelSkippedReason: "--no-model" },
      expected: [
        "Backend Architect · no findings in 2 server-side files",
        "Model: not asked — --no-model.",
        "Result: passes — no finding is high or worse.",
      ],
    },
    {
      name: "findings below --min-confidence",
      overrides: { findings: [leakFinding], failing: 0, belowConfidence: 2, minConfidence: 0.95 },
      expected: ["2 findings below --min-confidence 0.95 not shown.", "Result: passes"],
    },
    {
      name: "--fail-on never",
      overrides: { failOn: "never" as const, failing: 0 },
      expected: ["Result: passes (--fail-on never)."],
    },
    {
      name: "a failed model call",
      overrides: {
        model: {
          ...buildReport().model!,
          calls: 2,
          failedCalls: 1,
          errors: ["The Anthropic API could not be reached"],
        },
      },
      expected: ["2 calls (1 failed: The Anthropic API could not be reached)"],
    },
  ])("says so for $name", ({ overrides, expected }) => {
    const text = buildTextReport(buildReport(overrides));
    for (const part of expected) expect(text).toContain(part);
  });
});
