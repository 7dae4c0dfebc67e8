import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import type { JsonReport } from "../../src/cli/build-json-report.js";
import type { SarifLog } from "../../src/cli/build-sarif-log.js";
import { type CommandIo, runReviewCommand } from "../../src/cli/review-command.js";
import { neutralizeModelText } from "../../src/security/neutralize-model-text.js";
import { createAnthropicMock, type ModelFindingFixture } from "../helpers/anthropic-mock.js";

const fixturesDir = fileURLToPath(new URL("../fixtures/cli/", import.meta.url));
const sampleDiff = readFileSync(join(fixturesDir, "sample.diff"), "utf8");
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface TestIo extends CommandIo {
  out(): string;
  err(): string;
}

function createIo(options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): TestIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk), isTTY: false },
    env: options.env ?? {},
    cwd: options.cwd ?? fixturesDir,
    out: () => stdout.join(""),
    err: () => stderr.join(""),
  };
}

async function runJson(
  argv: string[],
  io: TestIo = createIo(),
): Promise<{ code: number; report: JsonReport }> {
  const code = await runReviewCommand([...argv, "--format", "json"], io);
  return { code, report: JSON.parse(io.out()) as JsonReport };
}

const summarize = (report: JsonReport) =>
  report.findings.map((f) => ({
    path: f.path,
    line: f.line,
    severity: f.severity,
    source: f.source,
    ruleId: f.ruleId,
  }));

const ruleFindings = [
  {
    path: "services/billing/exchange_rates.py",
    line: 10,
    severity: "medium",
    source: "rule",
    ruleId: "http-client-without-timeout",
  },
  { path: "src/routes/users.js", line: 8, severity: "high", source: "rule", ruleId: "sql-string-building" },
];

describe("backend-architect review", () => {
  const tempDirs: string[] = [];
  const createTempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "architect-cli-"));
    tempDirs.push(dir);
    return dir;
  };
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  describe("with --no-model on the sample diff", () => {
    it("reports the detectors' findings and what was left out, and exits 1 on a high finding", async () => {
      const { code, report } = await runJson(["--diff", "sample.diff", "--no-model"]);
      expect(code).toBe(1);
      expect(summarize(report)).toEqual(ruleFindings);
      expect(report.findings.every((f) => /^[0-9a-f]{16}$/.test(f.fingerprint))).toBe(true);
      expect(report.files).toEqual({
        reviewed: ["services/billing/exchange_rates.py", "src/routes/users.js"],
        leftOut: [
          { path: "assets/logo.png", reason: "frontend asset" },
          { path: "docs/api.md", reason: "documentation" },
          { path: "services/billing/legacy_export.py", reason: "deleted file" },
        ],
      });
      expect(report.model).toBeNull();
      expect(report.failOn).toEqual({ threshold: "high", reached: 1 });
    });

    it.each([
      { failOn: "critical", code: 0 },
      { failOn: "high", code: 1 },
      { failOn: "medium", code: 1 },
      { failOn: "never", code: 0 },
    ])("exits $code with --fail-on $failOn", async ({ failOn, code }) => {
      const io = createIo();
      expect(await runReviewCommand(["--diff", "sample.diff", "--no-model", "--fail-on", failOn], io)).toBe(
        code,
      );
      expect(io.err()).toBe("");
    });

    it("leaves out findings below --min-confidence, also from --fail-on", async () => {
      const { code, report } = await runJson([
        "--diff",
        "sample.diff",
        "--no-model",
        "--min-confidence",
        "0.82",
      ]);
      expect(code).toBe(1);
      expect(summarize(report)).toEqual([ruleFindings[1]]);
      expect(report.minConfidence).toEqual({ threshold: 0.82, belowThreshold: 1 });
      const high = await runJson(["--diff", "sample.diff", "--no-model", "--min-confidence", "0.9"]);
      expect(high.code).toBe(0);
      expect(high.report.findings).toEqual([]);
    });

    it("reads the diff from stdin with --diff -", async () => {
      const { code, report } = await runJson(["--diff", "-", "--no-model"], createIo({ stdin: sampleDiff }));
      expect(code).toBe(1);
      expect(report.source).toBe("stdin");
      expect(summarize(report)).toEqual(ruleFindings);
    });

    it("prints text by default", async () => {
      const io = createIo();
      await runReviewCommand(["--diff", "sample.diff", "--no-model"], io);
      expect(io.out()).toContain(
        "  HIGH     src/routes/users.js:8-12  SQL built from strings with interpolated values",
      );
      expect(io.out()).toContain(
        "  MEDIUM   services/billing/exchange_rates.py:10  Outbound HTTP call without a timeout",
      );
      expect(io.out()).toContain("Result: fails — 1 finding is high or worse.");
    });

    it("prints SARIF with one rule per detector", async () => {
      const io = createIo();
      await runReviewCommand(["--diff", "sample.diff", "--no-model", "--format", "sarif"], io);
      const log = JSON.parse(io.out()) as SarifLog;
      expect(log.version).toBe("2.1.0");
      expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual([
        "http-client-without-timeout",
        "sql-string-building",
      ]);
      expect(log.runs[0]?.results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation])).toEqual([
        [
          "http-client-without-timeout",
          "warning",
          {
            artifactLocation: { uri: "services/billing/exchange_rates.py" },
            region: { startLine: 10, endLine: 10 },
          },
        ],
        [
          "sql-string-building",
          "error",
          { artifactLocation: { uri: "src/routes/users.js" }, region: { startLine: 8, endLine: 12 } },
        ],
      ]);
    });
  });

  it("says on stderr that the detectors run alone without ANTHROPIC_API_KEY", async () => {
    const io = createIo();
    const { code, report } = await runJson(["--diff", "sample.diff"], io);
    expect(code).toBe(1);
    expect(io.err()).toBe("ANTHROPIC_API_KEY is not set: running the rule-based detectors alone.\n");
    expect(summarize(report)).toEqual(ruleFindings);
  });

  describe("with the model", () => {
    const sqlInjection: ModelFindingFixture = {
      path: "src/routes/users.js",
      line: 11,
      severity: "critical",
      category: "security",
      confidence: 0.95,
      title: "SQL injection in user search",
      body: "`q` and `sort` are concatenated into the SQL text. Use a parameterized query.",
      evidence: `    const sql = "SELECT id, name, email FROM users WHERE name LIKE '%" + q + "%' ORDER BY " + sort;`,
    };
    const errorLeak: ModelFindingFixture = {
      path: "src/routes/users.js",
      line: 15,
      severity: "medium",
      category: "reliability",
      confidence: 0.9,
      title: "Database errors returned to the client",
      body: "`err.message` reaches the response body.",
      evidence: "    res.status(500).json({ error: err.message });",
    };

    it("asks Claude with the app's settings and merges its findings with the detectors'", async () => {
      const anthropic = createAnthropicMock().answer("The search route trusts its input.", [
        sqlInjection,
        errorLeak,
      ]);
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-test", MODEL_MAX_RETRIES: "0" } });
      const { code, report } = await runJson(["--diff", "sample.diff"], io);

      expect(anthropic.scope.isDone()).toBe(true);
      expect(anthropic.requests).toHaveLength(1);
      const request = anthropic.requests[0]!;
      expect(request.model).toBe("claude-sonnet-5-5");
      expect(request.tool_choice).toEqual({ type: "tool", name: "submit_review" });
      const prompt = JSON.stringify(request.messages);
      expect(prompt).toContain("src/routes/users.js");
      expect(prompt).toContain("services/billing/exchange_rates.py");
      expect(prompt).not.toContain("docs/api.md");

      expect(code).toBe(1);
      expect(summarize(report)).toEqual([
        ruleFindings[0],
        // The model confirmed the detector: one finding, the model's words, the worse severity, the rule id.
        {
          path: "src/routes/users.js",
          line: 11,
          severity: "critical",
          source: "model",
          ruleId: "sql-string-building",
        },
        { path: "src/routes/users.js", line: 15, severity: "medium", source: "model", ruleId: undefined },
      ]);
      expect(report.findings[1]?.title).toBe("SQL injection in user search");
      expect(report.model).toEqual({
        used: "claude-sonnet-5-5",
        calls: 1,
        failedCalls: 0,
        usage: { input: 1200, output: 300, cacheRead: 0, cacheWrite: 0 },
        costUsd: (1200 * 3 + 300 * 15) / 1_000_000,
        errors: [],
        summary: "The search route trusts its input.",
      });
      expect(io.err()).toBe("");
    });

    it("neutralises the model's summary as the app does (no @mentions, no outside links)", async () => {
      createAnthropicMock().answer("cc @octocat, see [the fix](https://evil.example/x).", []);
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-test", MODEL_MAX_RETRIES: "0" } });
      const { report } = await runJson(["--diff", "sample.diff"], io);
      const summary = "cc @octocat, see [the fix](https://evil.example/x).";
      expect(report.model?.summary).toBe(neutralizeModelText(summary, { maxLength: 10_000 }));
      // The mention and the link are code, not live.
      expect(report.model?.summary).toContain("`@octocat`");
      expect(report.model?.summary).not.toMatch(/\]\(https?:/);
    });

    it("drops the model's findings on lines a file the change adds does not have", async () => {
      const at = (line: number) => ({
        path: "services/billing/exchange_rates.py",
        line,
        severity: "medium",
        category: "reliability",
        confidence: 0.9,
        title: `Finding on line ${line}`,
        body: "Body.",
      });
      createAnthropicMock().answer("Two findings.", [at(3), at(500)]);
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-test", MODEL_MAX_RETRIES: "0" } });
      const { report } = await runJson(["--diff", "sample.diff"], io);
      const titles = report.findings.map((f) => f.title);
      expect(titles).toContain("Finding on line 3");
      expect(titles).not.toContain("Finding on line 500");
    });

    it("uses --model", async () => {
      const anthropic = createAnthropicMock().answer("Fine.", []);
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-test" } });
      await runJson(["--diff", "sample.diff", "--model", "claude-haiku-4-5"], io);
      expect(anthropic.requests[0]?.model).toBe("claude-haiku-4-5");
    });

    it("reports a failed model call on stderr and still prints the detectors' findings", async () => {
      const anthropic = createAnthropicMock().error(401, "authentication_error");
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-wrong", MODEL_MAX_RETRIES: "0" } });
      const { code, report } = await runJson(["--diff", "sample.diff"], io);
      expect(anthropic.scope.isDone()).toBe(true);
      expect(code).toBe(1);
      expect(summarize(report)).toEqual(ruleFindings);
      expect(report.model?.failedCalls).toBe(1);
      expect(io.err()).toContain("Warning: a model call failed: The Anthropic API rejected the key");
    });

    it("exits 3 with --fail-on-model-error when a model call failed, after printing the report", async () => {
      const anthropic = createAnthropicMock().error(401, "authentication_error");
      const io = createIo({ env: { ANTHROPIC_API_KEY: "sk-ant-wrong", MODEL_MAX_RETRIES: "0" } });
      const { code, report } = await runJson(["--diff", "sample.diff", "--fail-on-model-error"], io);
      expect(anthropic.scope.isDone()).toBe(true);
      expect(code).toBe(3);
      expect(summarize(report)).toEqual(ruleFindings);
      expect(io.err()).toContain("the model could not review the change (1 model call(s) failed)");
    });
  });

  it("exits 3 with --fail-on-model-error when no key is set", async () => {
    const io = createIo();
    const { code } = await runJson(["--diff", "sample.diff", "--fail-on-model-error"], io);
    expect(code).toBe(3);
    expect(io.err()).toContain("the model could not review the change (ANTHROPIC_API_KEY is not set)");
  });

  describe("errors (exit 2)", () => {
    it.each([
      { name: "an unknown option", argv: ["--formt", "json"], message: "Unknown option '--formt'" },
      {
        name: "a diff file that does not exist",
        argv: ["--diff", "missing.diff"],
        message: "Could not read the diff",
      },
      {
        name: "input that is not a diff",
        argv: ["--diff", "-"],
        stdin: "just text\n",
        message: "does not look like a unified diff",
      },
      {
        name: "a bad environment",
        argv: ["--diff", "sample.diff"],
        env: { MODEL_MAX_TOKENS: "lots" },
        message: "MODEL_MAX_TOKENS",
      },
    ])("$name", async ({ argv, stdin, env, message }) => {
      const io = createIo({ ...(stdin !== undefined ? { stdin } : {}), ...(env ? { env } : {}) });
      expect(await runReviewCommand(argv, io)).toBe(2);
      expect(io.err()).toContain(message);
      expect(io.out()).toBe("");
    });

    it("an invalid .github/architect.yml", async () => {
      const dir = createTempDir();
      mkdirSync(join(dir, ".github"));
      writeFileSync(join(dir, ".github", "architect.yml"), "fail_on: hgih\nfocs: [security]\n");
      const io = createIo({ cwd: dir });
      expect(await runReviewCommand(["--diff", join(fixturesDir, "sample.diff"), "--no-model"], io)).toBe(2);
      expect(io.err()).toContain("architect.yml is invalid:");
      expect(io.err()).toContain(
        '`fail_on`: expected one of critical, high, medium, low, info, never; received `"hgih"`',
      );
      expect(io.err()).toContain("unknown key `focs`; did you mean `focus`?");
    });
  });

  it("applies fail_on and paths of a local .github/architect.yml", async () => {
    const dir = createTempDir();
    mkdirSync(join(dir, ".github"));
    writeFileSync(
      join(dir, ".github", "architect.yml"),
      "fail_on: critical\npaths:\n  exclude: ['**/*.py']\n",
    );
    const { code, report } = await runJson(
      ["--diff", join(fixturesDir, "sample.diff"), "--no-model"],
      createIo({ cwd: dir }),
    );
    expect(code).toBe(0);
    expect(summarize(report)).toEqual([ruleFindings[1]]);
    expect(report.files.leftOut).toContainEqual({
      path: "services/billing/exchange_rates.py",
      reason: "excluded by paths in .github/architect.yml",
    });
  });

  it("reviews the change since the default branch in a git repository, uncommitted and untracked files included", async () => {
    const dir = createTempDir();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
        cwd: dir,
        stdio: "pipe",
      });
    git("init", "-q", "-b", "main");
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "db.js"), "module.exports = {};\n");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
    writeFileSync(
      join(dir, "src", "db.js"),
      'const db = require("pg");\nfunction find(db, name) {\n  return db.query("SELECT * FROM users WHERE name = \'" + name + "\'");\n}\nmodule.exports = { find };\n',
    );
    writeFileSync(
      join(dir, "src", "rates.py"),
      "import requests\n\n\ndef get_rates():\n    return requests.get('https://rates.example.com').json()\n",
    );
    const { code, report } = await runJson(["--no-model"], createIo({ cwd: dir }));
    expect(code).toBe(1);
    expect(report.source).toMatch(/^changes since main \(merge base [0-9a-f]{7}\)$/);
    expect(summarize(report)).toEqual([
      { path: "src/db.js", line: 3, severity: "high", source: "rule", ruleId: "sql-string-building" },
      {
        path: "src/rates.py",
        line: 5,
        severity: "medium",
        source: "rule",
        ruleId: "http-client-without-timeout",
      },
    ]);

    const noBase = createIo({ cwd: dir });
    expect(await runReviewCommand(["--no-model", "--base", "does-not-exist"], noBase)).toBe(2);
    expect(noBase.err()).toContain('Could not find the merge base of HEAD and "does-not-exist"');
  });

  it("writes progress lines on stderr only when it is a terminal", async () => {
    const io = createIo();
    io.stderr.isTTY = true;
    await runReviewCommand(["--diff", "sample.diff", "--no-model"], io);
    expect(io.err()).toBe("› Reviewing 2 server-side files (3 left out)…\n");
  });

  it("reviews nothing, and says so, when no server-side code changed", async () => {
    const docsOnly = sampleDiff.slice(
      sampleDiff.indexOf("diff --git a/docs"),
      sampleDiff.indexOf("diff --git a/services"),
    );
    const io = createIo({ stdin: docsOnly, env: { ANTHROPIC_API_KEY: "sk-ant-test" } });
    expect(await runReviewCommand(["--diff", "-"], io)).toBe(0);
    expect(io.out()).toContain("Backend Architect · no findings in 0 server-side files (stdin)");
    expect(io.out()).toContain("Model: not asked — no server-side code to review.");
  });

  it("prints its help", async () => {
    const io = createIo();
    expect(await runReviewCommand(["--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: backend-architect review [options]");
  });

  it("prints exactly the output docs/review-command.md shows for the sample", async () => {
    const docs = readFileSync(join(repoRoot, "docs", "review-command.md"), "utf8");
    const command =
      "$ npm run build && node bin/backend-architect.js review --diff test/fixtures/cli/sample.diff --no-model\n";
    const shown = docs.slice(docs.indexOf(command) + command.length, docs.indexOf("$ echo $?"));
    const io = createIo({ cwd: repoRoot });
    expect(await runReviewCommand(["--diff", "test/fixtures/cli/sample.diff", "--no-model"], io)).toBe(1);
    expect(docs).toContain(command);
    expect(io.out()).toBe(shown);
  });
});
