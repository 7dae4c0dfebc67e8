import { describe, expect, it } from "@jest/globals";
import { parsePatch } from "../../src/diff/parse-patch.js";
import {
  buildCompareCutReason,
  forcePushReason,
  selectIncremental,
} from "../../src/review/select-incremental.js";

// The pull request (base...head) as it is now: two hunks in users.ts, one in orders.ts, a binary file.
const usersPatch = [
  "@@ -10,3 +10,5 @@ export async function getUser(req, res) {",
  "   const id = req.params.id;",
  "+  const user = await db.query('SELECT * FROM users WHERE id = ' + id);",
  "+  if (!user) return res.sendStatus(404);",
  "   res.json(user);",
  "   return;",
  "@@ -40,2 +42,4 @@ export async function listUsers(req, res) {",
  "   const limit = req.query.limit;",
  "+  const rows = await db.query('SELECT * FROM users LIMIT ' + limit);",
  "+  res.json(rows);",
  "   return;",
].join("\n");
const ordersPatch = [
  "@@ -1,1 +1,2 @@",
  " import { db } from './db.js';",
  "+export const listOrders = () => db.query('SELECT 1');",
].join("\n");
const currentFiles = [
  { filename: "src/users.ts", patch: usersPatch, status: "modified" },
  { filename: "src/orders.ts", patch: ordersPatch, status: "added" },
  { filename: "assets/logo.png", status: "added" },
];

describe("selectIncremental", () => {
  it.each([
    {
      name: "force-push (diverged)",
      compare: { status: "diverged" as const, files: [] },
      reason: forcePushReason,
    },
    {
      name: "base moved under the PR (behind)",
      compare: { status: "behind" as const, files: [] },
      reason: forcePushReason,
    },
    {
      name: "old SHA unknown (404)",
      compare: null,
      reason:
        "the last reviewed commit is no longer known; history was rewritten since the last review (force-push): full review",
    },
  ])("reviews everything after a $name", ({ compare, reason }) => {
    expect(selectIncremental({ currentFiles, compare })).toEqual({
      mode: "full",
      reason,
      files: [
        { filename: "src/users.ts", hunks: parsePatch(usersPatch) },
        { filename: "src/orders.ts", hunks: parsePatch(ordersPatch) },
        { filename: "assets/logo.png", hunks: [] },
      ],
      dropped: [],
    });
  });

  it("reviews nothing when the head did not change", () => {
    expect(selectIncremental({ currentFiles, compare: { status: "identical", files: [] } })).toEqual({
      mode: "incremental",
      reason: "no new changes since the last review",
      files: [],
      dropped: currentFiles.map((f) => ({ filename: f.filename, reason: "unchanged since the last review" })),
    });
  });

  it("after a one-line follow-up push, reviews only the hunk holding that line, with the PR's numbering", () => {
    // The follow-up commit changed the LIMIT line (new line 43), nothing else.
    const followUp = [
      "@@ -42,3 +42,3 @@ export async function listUsers(req, res) {",
      "   const limit = req.query.limit;",
      "-  const rows = await db.query(`SELECT * FROM users`);",
      "+  const rows = await db.query('SELECT * FROM users LIMIT ' + limit);",
      "   res.json(rows);",
    ].join("\n");
    const result = selectIncremental({
      currentFiles,
      compare: {
        status: "ahead",
        files: [{ filename: "src/users.ts", patch: followUp, status: "modified" }],
      },
    });
    expect(result).toEqual({
      mode: "incremental",
      reason: "reviewing the changes since the last review (1 of 3 files)",
      files: [{ filename: "src/users.ts", hunks: [parsePatch(usersPatch)[1]] }],
      dropped: [
        { filename: "src/orders.ts", reason: "unchanged since the last review" },
        { filename: "assets/logo.png", reason: "unchanged since the last review" },
      ],
    });
  });

  it("keeps every hunk the new commits added lines to, across files", () => {
    const result = selectIncremental({
      currentFiles,
      compare: {
        status: "ahead",
        files: [
          {
            filename: "src/users.ts",
            patch:
              "@@ -10,2 +10,3 @@\n   const id = req.params.id;\n+  const user = await db.query('SELECT * FROM users WHERE id = ' + id);\n   res.json(user);",
            status: "modified",
          },
          { filename: "src/orders.ts", patch: ordersPatch, status: "added" },
        ],
      },
    });
    expect(result.mode).toBe("incremental");
    expect(result.files).toEqual([
      { filename: "src/users.ts", hunks: [parsePatch(usersPatch)[0]] },
      { filename: "src/orders.ts", hunks: parsePatch(ordersPatch) },
    ]);
  });

  it("drops a file whose new commits only deleted lines", () => {
    const deletionOnly =
      "@@ -12,2 +12,1 @@\n   if (!user) return res.sendStatus(404);\n-  console.log(user);";
    const result = selectIncremental({
      currentFiles,
      compare: {
        status: "ahead",
        files: [{ filename: "src/users.ts", patch: deletionOnly, status: "modified" }],
      },
    });
    expect(result.files).toEqual([]);
    expect(result.dropped).toContainEqual({
      filename: "src/users.ts",
      reason: "the new commits added no line that this pull request adds (only deletions or reverts)",
    });
  });

  it("ignores lines merged in from the base branch: they are not added by the pull request", () => {
    const mergedFromBase = "@@ -1,0 +1,1 @@\n+// license header from main";
    const result = selectIncremental({
      currentFiles: [
        {
          filename: "src/orders.ts",
          patch: "@@ -1,1 +1,2 @@\n // license header from main\n+x();",
          status: "modified",
        },
      ],
      compare: {
        status: "ahead",
        files: [{ filename: "src/orders.ts", patch: mergedFromBase, status: "modified" }],
      },
    });
    expect(result.files).toEqual([]);
  });

  it("keeps the whole file when the new commits' patch for it is missing (too large to diff)", () => {
    const result = selectIncremental({
      currentFiles,
      compare: { status: "ahead", files: [{ filename: "src/users.ts", status: "modified" }] },
    });
    expect(result.files).toEqual([{ filename: "src/users.ts", hunks: parsePatch(usersPatch) }]);
  });

  it("drops a touched file that has no patch in the pull request (binary)", () => {
    const result = selectIncremental({
      currentFiles,
      compare: { status: "ahead", files: [{ filename: "assets/logo.png", status: "modified" }] },
    });
    expect(result.files).toEqual([]);
    expect(result.dropped).toContainEqual({
      filename: "assets/logo.png",
      reason: "no diff to review (binary, or too large for GitHub to show)",
    });
  });

  it("ignores compared files that are no longer part of the pull request (reverted)", () => {
    const result = selectIncremental({
      currentFiles,
      compare: {
        status: "ahead",
        files: [{ filename: "src/gone.ts", patch: "@@ -1,1 +0,0 @@\n-x", status: "removed" }],
      },
    });
    expect(result.files).toEqual([]);
    expect(result.dropped.map((d) => d.filename)).toEqual([
      "src/users.ts",
      "src/orders.ts",
      "assets/logo.png",
    ]);
  });

  it.each([299, 300, 301])("with %i compared files: full review only from 300 on", (count) => {
    const compared = [
      {
        filename: "src/orders.ts",
        status: "modified",
        patch:
          "@@ -1,1 +1,2 @@\n import { db } from './db.js';\n+export const listOrders = () => db.query('SELECT 1');",
      },
      ...Array.from({ length: count - 1 }, (_, i) => ({ filename: `data/${i}.csv`, status: "added" })),
    ];
    const selection = selectIncremental({ currentFiles, compare: { status: "ahead", files: compared } });
    if (count < 300) {
      expect(selection.mode).toBe("incremental");
      expect(selection.files.map((f) => f.filename)).toEqual(["src/orders.ts"]);
    } else {
      expect(selection).toEqual({
        mode: "full",
        reason: buildCompareCutReason(count, currentFiles.length),
        files: currentFiles.map((f) => ({ filename: f.filename, hunks: parsePatch(f.patch) })),
        dropped: [],
      });
    }
  });
});
