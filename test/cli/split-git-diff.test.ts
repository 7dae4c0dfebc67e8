import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { splitGitDiff } from "../../src/cli/split-git-diff.js";
import { parsePatch } from "../../src/diff/parse-patch.js";

const readFixture = (name: string) =>
  readFileSync(new URL(`../fixtures/cli/${name}`, import.meta.url), "utf8");

const edgeCases = readFixture("edge-cases.diff");
const sample = readFixture("sample.diff");

describe("splitGitDiff", () => {
  it("splits a git diff with binary, deleted, new, renamed, mode-only and quoted-name files", () => {
    expect(splitGitDiff(edgeCases)).toEqual([
      { filename: "bin.dat", status: "modified", additions: 0, deletions: 0, changes: 0, binary: true },
      {
        filename: "del.txt",
        status: "removed",
        additions: 0,
        deletions: 1,
        changes: 1,
        patch: "@@ -1 +0,0 @@\n-x",
        binary: false,
      },
      { filename: "mode.sh", status: "changed", additions: 0, deletions: 0, changes: 0, binary: false },
      {
        filename: "moved2.ts",
        status: "renamed",
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: "@@ -1,4 +1,4 @@\n one\n two\n-three\n+THREE\n four",
        previous_filename: "ren2.ts",
        binary: false,
      },
      {
        filename: "new.go",
        status: "added",
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: "@@ -0,0 +1 @@\n+new",
        binary: false,
      },
      {
        filename: "old.txt",
        status: "modified",
        additions: 2,
        deletions: 2,
        changes: 4,
        patch: "@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+c\n\\ No newline at end of file",
        binary: false,
      },
      {
        filename: "renamed.ts",
        status: "renamed",
        additions: 0,
        deletions: 0,
        changes: 0,
        previous_filename: "ren.ts",
        binary: false,
      },
      {
        filename: "sp ace.py",
        status: "modified",
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: "@@ -1 +1 @@\n-q\n+q2",
        binary: false,
      },
      {
        filename: "ta\tb.py",
        status: "modified",
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: "@@ -1 +1 @@\n-tab\n+tab2",
        binary: false,
      },
      {
        filename: "x z.ts",
        status: "renamed",
        additions: 0,
        deletions: 0,
        changes: 0,
        previous_filename: "x y.ts",
        binary: false,
      },
      {
        filename: "ünï.py",
        status: "modified",
        additions: 1,
        deletions: 1,
        changes: 2,
        patch: "@@ -1 +1 @@\n-u\n+u2",
        binary: false,
      },
    ]);
  });

  it("keeps GitHub's patch form: the hunks of the file, verbatim, with the hunk header's context", () => {
    const users = splitGitDiff(sample).find((file) => file.filename === "src/routes/users.js");
    expect(users?.patch?.split("\n")[0]).toBe("@@ -3,6 +3,19 @@ const db = require('../db');");
    expect(users?.patch?.endsWith("\n")).toBe(false);
    expect(parsePatch(users?.patch).map((h) => [h.newStart, h.newLines, h.lines.length])).toEqual([
      [3, 19, 19],
    ]);
  });

  it.each([
    { name: "edge-cases.diff", text: edgeCases },
    { name: "sample.diff", text: sample },
  ])("every patch of $name is a verbatim part of the input and parses", ({ text }) => {
    for (const file of splitGitDiff(text)) {
      if (file.patch === undefined) continue;
      expect(text).toContain(file.patch);
      expect(parsePatch(file.patch).length).toBeGreaterThan(0);
    }
  });

  const cases = [
    {
      name: "a rename between quoted names, with an escaped quote and a backslash",
      diff: 'diff --git "a/q\\"uote.ts" "b/back\\\\slash.ts"\nsimilarity index 100%\nrename from "q\\"uote.ts"\nrename to "back\\\\slash.ts"\n',
      expected: [
        { filename: "back\\slash.ts", previous_filename: 'q"uote.ts', status: "renamed", binary: false },
      ],
    },
    {
      name: "a binary file whose name has spaces",
      diff: "diff --git a/img/my logo.png b/img/my logo.png\nnew file mode 100644\nindex 0000000..1111111\nBinary files /dev/null and b/img/my logo.png differ\n",
      expected: [{ filename: "img/my logo.png", status: "added", binary: true }],
    },
    {
      name: "a diff saved with CRLF line ends",
      diff: "diff --git a/app.py b/app.py\r\nindex 1..2 100644\r\n--- a/app.py\r\n+++ b/app.py\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n",
      expected: [
        { filename: "app.py", status: "modified", patch: "@@ -1 +1 @@\r\n-a\r\n+b\r", binary: false },
      ],
    },
    {
      name: "a plain `diff -u` without git headers",
      diff: "--- src/server.ts\t2024-01-01 10:00:00.000000000 +0000\n+++ src/server.ts\t2024-01-02 10:00:00.000000000 +0000\n@@ -1 +1,2 @@\n a\n+b\n",
      expected: [
        { filename: "src/server.ts", status: "modified", patch: "@@ -1 +1,2 @@\n a\n+b", binary: false },
      ],
    },
    {
      name: "text before the first file (git show, format-patch)",
      diff: "commit abc\nAuthor: A <a@b>\n\n    Subject\n\ndiff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -1 +1 @@\n-a\n+b\n",
      expected: [{ filename: "x.go", status: "modified", patch: "@@ -1 +1 @@\n-a\n+b", binary: false }],
    },
    {
      name: "a deleted line that looks like a file header (an SQL comment)",
      diff: "diff --git a/m.sql b/m.sql\n--- a/m.sql\n+++ b/m.sql\n@@ -1,2 +1 @@\n--- old comment\n SELECT 1;\n",
      expected: [
        {
          filename: "m.sql",
          status: "modified",
          patch: "@@ -1,2 +1 @@\n--- old comment\n SELECT 1;",
          binary: false,
        },
      ],
    },
  ];

  it.each(cases)("$name", ({ diff, expected }) => {
    expect(splitGitDiff(diff)).toEqual(expected.map((file) => expect.objectContaining(file)));
  });

  it("gives nothing for an empty diff or text that is not a diff", () => {
    expect(splitGitDiff("")).toEqual([]);
    expect(splitGitDiff("hello\nworld\n")).toEqual([]);
  });
});
