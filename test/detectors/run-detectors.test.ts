import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { buildLineIndex } from "../../src/diff/line-index.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { buildAddedFile } from "./build-added-file.js";

/** JavaScript source containing `${name}`, the interpolation under test (not a placeholder of this file). */
const name = "$" + "{name}";

describe("runDetectors and the lines a pull request adds", () => {
  it("drops a hit that lies on context lines only", () => {
    // Line 2 (the defect) is context; the PR only adds line 3.
    const patch = [
      "@@ -1,3 +1,4 @@",
      " export async function find(pool, name) {",
      `   return pool.query(\`SELECT * FROM users WHERE name = '${name}'\`);`,
      "+  // TODO: cache",
      " }",
    ].join("\n");
    const findings = runDetectors([buildLineIndex("src/users.ts", parsePatch(patch))]);
    expect(findings).toEqual([]);
  });

  it("reports the same code when the PR adds it", () => {
    const patch = [
      "@@ -1,2 +1,3 @@",
      " export async function find(pool, name) {",
      `+  return pool.query(\`SELECT * FROM users WHERE name = '${name}'\`);`,
      " }",
    ].join("\n");
    const findings = runDetectors([buildLineIndex("src/users.ts", parsePatch(patch))]);
    expect(findings).toMatchObject([{ ruleId: "sql-string-building", line: 2, source: "rule" }]);
  });

  it("anchors a multi-line hit on its first added line", () => {
    // The call spans lines 2-4; only line 3 is added.
    const patch = [
      "@@ -1,4 +1,5 @@",
      " export async function find(pool, name) {",
      "   return pool.query(",
      `+    \`SELECT * FROM users WHERE name = '${name}'\`,`,
      "   );",
      " }",
    ].join("\n");
    const findings = runDetectors([buildLineIndex("src/users.ts", parsePatch(patch))]);
    expect(findings).toMatchObject([
      {
        ruleId: "sql-string-building",
        line: 3,
        evidence: `    \`SELECT * FROM users WHERE name = '${name}'\`,`,
      },
    ]);
  });

  it("gives endLine only within the hunk of line", () => {
    const code = ["app.use(", "  cors({", "    origin: true,", "    credentials: true,", "  }),", ");"].join(
      "\n",
    );
    const [finding] = runDetectors([buildAddedFile("src/app.ts", code)]);
    expect(finding).toMatchObject({ ruleId: "cors-any-origin-with-credentials", line: 2, endLine: 5 });
  });
});

describe("runDetectors on unusual input", () => {
  const garbage: { name: string; path: string; code: string }[] = [
    {
      name: "binary-like bytes in a .ts file",
      path: "src/blob.ts",
      code: "\u0000\u0001\u0002\uFFFD\u0007PNG\r\n\u001a\n".repeat(50),
    },
    {
      name: "a 200,000-character line",
      path: "src/huge.js",
      code: `const x = "${"a".repeat(200_000)}" + y;`,
    },
    {
      name: "unbalanced code",
      path: "app/broken.py",
      code: "def f(:\n  for x in\n    cursor.execute(f'SELECT {x' \n",
    },
    { name: "an unknown extension", path: "README.weird", code: "SELECT * FROM users WHERE id = ' + id" },
    { name: "a file with no name part", path: ".ts", code: "eval(x)" },
    {
      name: "SQL with an unterminated string and comment",
      path: "db/m.sql",
      code: "ALTER TABLE t ADD COLUMN a text NOT NULL; '/* \n -- ",
    },
  ];

  it.each(garbage)("never throws on $name", ({ path, code }) => {
    const errors: Error[] = [];
    expect(() =>
      runDetectors([buildAddedFile(path, code)], { onError: (e) => errors.push(e) }),
    ).not.toThrow();
    expect(errors).toEqual([]);
  });

  it("skips files without hunks or added lines", () => {
    expect(
      runDetectors([buildLineIndex("src/a.ts", []), buildLineIndex("src/b.ts", parsePatch(undefined))]),
    ).toEqual([]);
  });
});

describe("runDetectors on the labelled corpus", () => {
  const root = join(process.cwd(), "test", "corpus");
  const list = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? list(path) : name === "README.md" ? [] : [path];
    });
  const samples = list(root).map((path) => ({
    path: path.slice(root.length + 1),
    code: readFileSync(path, "utf8"),
  }));

  it("has samples", () => {
    expect(samples.length).toBeGreaterThan(100);
  });

  it.each(samples)("no detector fails on $path", ({ path, code }) => {
    const errors: Error[] = [];
    runDetectors([buildAddedFile(path, code)], { onError: (e) => errors.push(e) });
    expect(errors).toEqual([]);
  });
});
