import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "@jest/globals";
import type { JsonReport } from "../../src/cli/build-json-report.js";
import { parseBaseline } from "../../src/cli/load-baseline.js";
import { runReviewCommand } from "../../src/cli/review-command.js";

const dir = mkdtempSync(join(tmpdir(), "architect-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A git diff adding `src/routes/orders.js` with these lines. */
function buildDiff(lines: string[]): string {
  return [
    "diff --git a/src/routes/orders.js b/src/routes/orders.js",
    "new file mode 100644",
    "--- /dev/null",
    "+++ b/src/routes/orders.js",
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((line) => `+${line}`),
    "",
  ].join("\n");
}

const handler = [
  "const express = require('express');",
  "const db = require('../db');",
  "const router = express.Router();",
  "router.get('/orders', async (req, res) => {",
  '  const sql = "SELECT * FROM orders WHERE customer = \'" + req.query.customer + "\'";',
  "  res.json(await db.query(sql));",
  "});",
];
const laterHandler = [
  "// Orders API",
  "// (moved down by a header)",
  ...handler.slice(0, 6),
  "router.get('/refunds', async (req, res) => {",
  '  const sql = "SELECT * FROM refunds WHERE id = \'" + req.query.id + "\'";',
  "  res.json(await db.query(sql));",
  "});",
  "});",
];

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runReviewCommand(argv, {
    stdin: Readable.from([]),
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk), isTTY: false },
    env: {},
    cwd: dir,
  });
  return { code, out: stdout.join(""), err: stderr.join("") };
}

describe("--baseline", () => {
  writeFileSync(join(dir, "first.diff"), buildDiff(handler));
  writeFileSync(join(dir, "later.diff"), buildDiff(laterHandler));

  it.each(["sarif", "json"])(
    "round trip through its own %s output: nothing old is reported, the new is",
    async (format) => {
      const first = await run(["--diff", "first.diff", "--no-model", "--format", format]);
      expect(first.code).toBe(1);
      writeFileSync(join(dir, `baseline.${format}`), first.out);
      expect(parseBaseline(JSON.parse(first.out))).toHaveLength(1);

      // The same change: everything is in the baseline.
      const same = await run([
        "--diff",
        "first.diff",
        "--no-model",
        "--format",
        "json",
        "--baseline",
        `baseline.${format}`,
      ]);
      expect(same.code).toBe(0);
      expect((JSON.parse(same.out) as JsonReport).findings).toEqual([]);
      expect(same.err).toContain(`1 finding(s) already in the baseline baseline.${format}: not reported.`);

      // Later: the old query moved two lines down, and a new one appeared: only the new one is reported.
      const later = await run([
        "--diff",
        "later.diff",
        "--no-model",
        "--format",
        "json",
        "--baseline",
        `baseline.${format}`,
      ]);
      const report = JSON.parse(later.out) as JsonReport;
      expect(report.findings.map((f) => ({ line: f.line, ruleId: f.ruleId }))).toEqual([
        { line: 10, ruleId: "sql-string-building" },
      ]);
      expect(later.code).toBe(1);
    },
  );

  it.each([
    { name: "a missing file", content: null, message: "Could not read the baseline" },
    { name: "a file that is not JSON", content: "<xml/>", message: "is not JSON" },
    { name: "JSON of another shape", content: '{"results": []}', message: "neither a SARIF log" },
  ])("refuses $name with exit code 2", async ({ content, message }) => {
    const name = `bad-${message.length}.json`;
    if (content !== null) writeFileSync(join(dir, name), content);
    const result = await run([
      "--diff",
      "first.diff",
      "--no-model",
      "--baseline",
      content === null ? "nope.json" : name,
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  it("reads SARIF written before identity keys through its v1 fingerprint", () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              message: { text: "Title\n\nBody" },
              partialFingerprints: { "backendArchitect/v1": "0123456789abcdef" },
              properties: {},
            },
          ],
        },
      ],
    };
    expect(parseBaseline(sarif)).toEqual([{ keys: ["0123456789abcdef"], title: "Title" }]);
  });
});
