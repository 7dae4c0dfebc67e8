import { describe, expect, it } from "@jest/globals";
import { buildMarkdownReport } from "../../src/cli/build-markdown-report.js";
import { buildReport, leakFinding, secretFinding, sqlFinding } from "./report-fixtures.js";

describe("buildMarkdownReport", () => {
  it("renders the review body: heading, summary, counts, findings by file, left out files, footer", () => {
    const markdown = buildMarkdownReport(buildReport({ findings: [secretFinding, sqlFinding, leakFinding] }));
    expect(markdown).toBe(
      [
        "### Backend Architect",
        "",
        "The search route builds SQL from request input.",
        "",
        "**3 findings** (1 critical, 1 high, 1 medium).",
        "",
        "#### `services/my app/config.py`",
        "",
        "- 🔴 Critical · Security — `services/my app/config.py:3` — **Hard-coded credential** _(rule-based: secret/github-token)_",
        "  This change adds a hard-coded GitHub token to the code.",
        "",
        "#### `src/routes/users.js`",
        "",
        `- 🟠 High · Security — \`src/routes/users.js:11\` — **${sqlFinding.title}** _(rule-based: sql-string-building)_`,
        // `$` is escaped: GitHub renders `$…$` as math.
        `  ${sqlFinding.body.replaceAll("$", "\\$")}`,
        "- 🟡 Medium · Reliability — `src/routes/users.js:14-15` — **Database errors returned to the client** _(confidence 90%)_",
        "  `err.message` reaches the response body.",
        "",
        "<details><summary>Left out 1 file</summary>",
        "",
        "- `docs/api.md` — documentation",
        "",
        "</details>",
        "",
        "<sub>Reviewed 2 server-side files of changes since origin/main (merge base 1a2b3c4) locally · model `claude-sonnet-5-5`: 1 call, estimated $0.0081 · 2 findings at `high` or worse.</sub>",
        "",
      ].join("\n"),
    );
  });

  it("says when there is nothing to report and the detectors ran alone", () => {
    const markdown = buildMarkdownReport(
      buildReport({ findings: [], failing: 0, leftOut: [], model: null, modelSkippedReason: "--no-model" }),
    );
    expect(markdown).toBe(
      [
        "### Backend Architect",
        "",
        "No findings in 2 server-side files.",
        "",
        "<sub>Reviewed 2 server-side files of changes since origin/main (merge base 1a2b3c4) locally · rule-based detectors only · 0 findings at `high` or worse.</sub>",
        "",
      ].join("\n"),
    );
  });
});
