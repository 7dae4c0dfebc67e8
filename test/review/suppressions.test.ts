import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { reviewLocalChange } from "../../src/cli/review-local-change.js";
import type { DiffFile } from "../../src/cli/split-git-diff.js";
import { defaultRepoConfig, parseRepoConfig, type RepoConfig } from "../../src/config/repo-config.js";
import {
  isSuppressed,
  listUnknownRules,
  parseIgnoreComment,
} from "../../src/review/apply-finding-policies.js";

/** A corpus sample (first line: `expect: <id>@<line>`), without its label line. */
function readSample(path: string): { lines: string[]; ruleId: string; line: number } {
  const text = readFileSync(new URL(`../corpus/${path}`, import.meta.url), "utf8");
  const [header, ...lines] = text.replace(/\n$/, "").split("\n");
  const [, ruleId, line] = /expect: ([a-z-]+)@(\d+)/.exec(header!)!;
  return { lines, ruleId: ruleId!, line: Number(line) - 1 };
}

function addedFile(filename: string, lines: string[]): DiffFile {
  return {
    filename,
    status: "added",
    additions: lines.length,
    deletions: 0,
    changes: lines.length,
    patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}`,
    binary: false,
  };
}

async function review(files: DiffFile[], config: RepoConfig = defaultRepoConfig) {
  return reviewLocalChange({
    files,
    config,
    model: null,
    modelId: "claude-sonnet-5-5",
    settings: { tokenBudget: 60_000, maxModelCalls: 1 },
    repo: { owner: "local", repo: "local" },
    title: "test",
  });
}

// The same detectors the app runs, on labelled samples of each language (test/corpus, written for this project).
const languages = [
  {
    name: "Go",
    sample: "sql-string-building/go-positive-sprintf.go",
    path: "internal/store/orders.go",
    comment: "//",
  },
  {
    name: "Java",
    sample: "sql-string-building/java-positive-statement.java",
    path: "src/main/java/Orders.java",
    comment: "//",
  },
  {
    name: "Python",
    sample: "sql-string-building/py-positive-cursor-fstring.py",
    path: "app/views.py",
    comment: "#",
  },
  {
    name: "TypeScript",
    sample: "sql-string-building/ts-positive-user-search.ts",
    path: "src/routes/users.ts",
    comment: "//",
  },
  {
    name: "SQL",
    sample: "unsafe-migration/sql-positive-add-column-index.sql",
    path: "db/migrations/V3__tier.sql",
    comment: "--",
  },
];

/** The finding a corpus label describes: same detector, its span covering the labelled line. */
function findTarget<T extends { ruleId?: string; line: number; endLine?: number }>(
  findings: T[],
  ruleId: string,
  line: number,
): T | undefined {
  return findings.find((f) => f.ruleId === ruleId && f.line <= line && line <= (f.endLine ?? f.line));
}

describe("architect-ignore comments", () => {
  it.each(languages)(
    "$name: a comment on the line above suppresses the detector's finding there",
    async ({ sample, path, comment }) => {
      const { lines, ruleId, line } = readSample(sample);
      const before = await review([addedFile(path, lines)]);
      const target = findTarget(before.findings, ruleId, line);
      expect(target).toBeDefined();
      const start = target!.line;

      const indent = /^\s*/.exec(lines[start - 1]!)![0];
      const withComment = [
        ...lines.slice(0, start - 1),
        `${indent}${comment} architect-ignore: ${ruleId} reviewed with the DBA, input is an enum`,
        ...lines.slice(start - 1),
      ];
      const after = await review([addedFile(path, withComment)]);

      expect(findTarget(after.findings, ruleId, line + 1)).toBeUndefined();
      expect(after.suppressed).toBe(1);
      // Other findings of the file stay (shifted by the inserted line).
      expect(after.findings.length).toBe(before.findings.length - 1);
    },
  );

  it.each(languages)(
    "$name: a trailing comment on the line itself suppresses by category",
    async ({ sample, path, comment }) => {
      const { lines, ruleId, line } = readSample(sample);
      const before = await review([addedFile(path, lines)]);
      const target = findTarget(before.findings, ruleId, line)!;
      const withComment = lines.map((text, i) =>
        i === target.line - 1 ? `${text} ${comment} architect-ignore: ${target.category}` : text,
      );

      const after = await review([addedFile(path, withComment)]);

      expect(findTarget(after.findings, ruleId, line)).toBeUndefined();
      expect(after.suppressed).toBe(1);
    },
  );

  it("a comment naming another rule suppresses nothing", async () => {
    const { lines, ruleId, line } = readSample("sql-string-building/ts-positive-user-search.ts");
    const before = await review([addedFile("src/routes/users.ts", lines)]);
    const start = findTarget(before.findings, ruleId, line)!.line;
    const withComment = [
      ...lines.slice(0, start - 1),
      "// architect-ignore: n-plus-one",
      ...lines.slice(start - 1),
    ];
    const after = await review([addedFile("src/routes/users.ts", withComment)]);
    expect(findTarget(after.findings, ruleId, line + 1)).toBeDefined();
    expect(after.suppressed).toBe(0);
  });

  it.each([
    { line: "// architect-ignore: sql-string-building why", names: ["sql-string-building"] },
    { line: "  # architect-ignore: security", names: ["security"] },
    {
      line: "x := 1 // architect-ignore: n-plus-one, performance -- batch of 3",
      names: ["n-plus-one", "performance"],
    },
    { line: "-- architect-ignore: unsafe-migration", names: ["unsafe-migration"] },
    { line: "/* architect-ignore: secret/github-token test key */", names: ["secret/github-token"] },
    { line: " * architect-ignore: all", names: ["all"] },
    { line: "const note = 'architect-ignore: security';", names: [] },
    { line: "architect-ignore: security", names: [] },
  ])("parses $line", ({ line, names }) => {
    expect(parseIgnoreComment(line)).toEqual(names);
  });

  it("a detector id also suppresses the model's own report of that problem (same category, no rule id)", () => {
    const lines = new Map([
      [9, "  // architect-ignore: sql-string-building"],
      [10, "  const rows = await pool.query(sql);"],
    ]);
    const get = (n: number) => lines.get(n);
    expect(isSuppressed({ line: 10, category: "security" }, get)).toBe(true);
    expect(isSuppressed({ line: 10, category: "performance" }, get)).toBe(false);
    expect(isSuppressed({ line: 10, category: "security", ruleId: "eval-or-shell-injection" }, get)).toBe(
      false,
    );
  });
});

describe("rules and test code", () => {
  const sample = readSample("sql-string-building/ts-positive-user-search.ts");

  it("rules: off turns a detector off; a severity replaces the detector's", async () => {
    const parsed = parseRepoConfig({ rules: { "sql-string-building": "off" } });
    if (!parsed.ok) throw new Error("invalid");
    const off = await review([addedFile("src/routes/users.ts", sample.lines)], parsed.config);
    expect(off.findings.some((f) => f.ruleId === "sql-string-building")).toBe(false);

    const lowered = parseRepoConfig({ rules: { "sql-string-building": "info" } });
    if (!lowered.ok) throw new Error("invalid");
    const low = await review([addedFile("src/routes/users.ts", sample.lines)], lowered.config);
    expect(low.findings.find((f) => f.ruleId === "sql-string-building")?.severity).toBe("info");
  });

  it.each([
    "test/routes/users.test.ts",
    "src/__tests__/users.ts",
    "fixtures/users.ts",
    "src/routes/users.spec.ts",
  ])("test code (%s): only secrets from the detectors by default", async (path) => {
    const token = ["ghp", "_", "Zq8", "xW2kLmN4pR7tV9yB3cD5fG6hJ1kL0mN2o"].join("");
    const lines = [...sample.lines, `const token = "${token}";`];
    const result = await review([addedFile(path, lines)]);
    expect(result.findings.some((f) => f.ruleId === "sql-string-building")).toBe(false);
    expect(result.findings.some((f) => f.ruleId?.startsWith("secret/"))).toBe(true);
    // Security findings are capped at low.
    for (const f of result.findings.filter((x) => x.category === "security")) expect(f.severity).toBe("low");
  });

  it("test code: a high-entropy guess is not reported (fixtures are full of them); in production code it is", async () => {
    const guess = ["k9Qz", "T2vX", "8mPw", "L4rN", "6sYb", "J1cH", "5dGf"].join("");
    const lines = [`const apiSecret = "${guess}";`];
    const inTest = await review([addedFile("test/fixtures/config.ts", lines)]);
    const inApp = await review([addedFile("src/config.ts", lines)]);
    expect(inApp.findings.map((f) => f.ruleId)).toEqual([expect.stringMatching(/^secret\/high-entropy/)]);
    expect(inTest.findings).toEqual([]);
  });

  it("test_code.detectors: all keeps every detector on test code, with security capped", async () => {
    const parsed = parseRepoConfig({ test_code: { detectors: "all" } });
    if (!parsed.ok) throw new Error("invalid");
    const result = await review([addedFile("test/users.test.ts", sample.lines)], parsed.config);
    const finding = result.findings.find((f) => f.ruleId === "sql-string-building");
    expect(finding?.severity).toBe("low");
  });

  it("names rules keys that match no detector (a typo would otherwise change nothing)", () => {
    const parsed = parseRepoConfig({
      rules: { "sql-string-bulding": "off", "n-plus-one": "low", secret: "low", "secret/aws-key": "off" },
    });
    if (!parsed.ok) throw new Error("invalid");
    expect(listUnknownRules(parsed.config)).toEqual(["sql-string-bulding"]);
  });
});
