import type { LocalReport } from "../../src/cli/build-local-report.js";
import { sqlStringBuilding } from "../../src/detectors/sql-string-building.js";
import type { ReconciledFinding } from "../../src/review/reconcile-findings.js";

/** A rule-based security finding (a registered detector). */
export const sqlFinding: ReconciledFinding = {
  path: "src/routes/users.js",
  line: 11,
  severity: "high",
  category: "security",
  confidence: 0.85,
  title: sqlStringBuilding.title,
  body: sqlStringBuilding.body,
  evidence: `    const sql = "SELECT id FROM users WHERE name LIKE '%" + q + "%'";`,
  source: "rule",
  ruleId: "sql-string-building",
  fingerprint: "1111aaaa2222bbbb",
  identity: fixtureIdentity("1111aaaa2222bbbb"),
};

/** A model finding over a range, with a suggestion. */
export const leakFinding: ReconciledFinding = {
  path: "src/routes/users.js",
  line: 14,
  endLine: 15,
  severity: "medium",
  category: "reliability",
  confidence: 0.9,
  title: "Database errors returned to the client",
  body: "`err.message` reaches the response body.",
  suggestion: "    next(err);",
  source: "model",
  fingerprint: "3333cccc4444dddd",
  identity: fixtureIdentity("3333cccc4444dddd"),
};

/** A hard-coded secret: a rule id outside the detector registry. */
export const secretFinding: ReconciledFinding = {
  path: "services/my app/config.py",
  line: 3,
  severity: "critical",
  category: "security",
  confidence: 0.95,
  title: "Hard-coded credential",
  body: "This change adds a hard-coded GitHub token to the code.",
  evidence: 'TOKEN = "[REDACTED_SECRET]"',
  source: "rule",
  ruleId: "secret/github-token",
  fingerprint: "5555eeee6666ffff",
  identity: fixtureIdentity("5555eeee6666ffff"),
};

/** A model security finding of low severity. */
export const modelSecurityFinding: ReconciledFinding = {
  path: "src/routes/users.js",
  line: 8,
  severity: "low",
  category: "security",
  confidence: 0.7,
  title: "Search term is not length-limited",
  body: "A very long `q` makes the LIKE scan expensive.",
  source: "model",
  fingerprint: "7777aaaa8888bbbb",
  identity: fixtureIdentity("7777aaaa8888bbbb"),
};

export function buildReport(overrides: Partial<LocalReport> = {}): LocalReport {
  return {
    source: "changes since origin/main (merge base 1a2b3c4)",
    findings: [modelSecurityFinding, sqlFinding, leakFinding, secretFinding],
    minConfidence: 0.6,
    belowConfidence: 0,
    failOn: "high",
    failing: 2,
    reviewedPaths: ["services/my app/config.py", "src/routes/users.js"],
    leftOut: [{ path: "docs/api.md", reason: "documentation" }],
    model: {
      id: "claude-sonnet-5-5",
      calls: 1,
      failedCalls: 0,
      usage: { input: 1200, output: 300, cacheRead: 0, cacheWrite: 0 },
      costUsd: 0.0081,
      errors: [],
      summaries: ["The search route builds SQL from request input."],
      notShown: [],
      rejected: 0,
    },
    modelSkippedReason: null,
    ...overrides,
  };
}

/** A fixed identity whose primary key is `fingerprint` (the reports only print keys). */
function fixtureIdentity(fingerprint: string): ReconciledFinding["identity"] {
  return { keys: [fingerprint], places: [], categoryKind: "", legacyKeys: [], title: "" };
}
