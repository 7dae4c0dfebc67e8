import { describe, expect, it } from "@jest/globals";
import { defaultRepoConfig } from "../../src/config/repo-config.js";
import { buildCheckOutput, buildReviewBody, type ReviewReport } from "../../src/review/build-report.js";

function report(overrides: Partial<ReviewReport>): ReviewReport {
  return {
    headSha: "c0ffee5a1d2e3f405162738495a6b7c8d9e0f1a2",
    scope: { mode: "full", reason: "first review" },
    reviewedPaths: ["src/a.js"],
    leftOut: [],
    notShownToModel: [],
    findings: [],
    placed: { inline: [], inBody: [], lowConfidence: [] },
    history: { stillOpen: 0, resolved: 0, alreadyPosted: 0 },
    model: { status: "skipped", reason: "no key" },
    rejected: [],
    config: defaultRepoConfig,
    failOn: "high",
    ...overrides,
  };
}

describe("the impact section in the review body and the check run", () => {
  it("goes right after the summary, and into the check run as a section", () => {
    const impactSection = "#### Architecture impact\n\n**Endpoints** (1)";
    const body = buildReviewBody({
      report: report({ impactSection }),
      summary: "Summary.",
      marker: "<!-- m -->",
    });
    expect(body).toBe(
      "### Backend Architect\n\nSummary.\n\n#### Architecture impact\n\n**Endpoints** (1)\n\n<sub>Reviewed 1 server-side file at c0ffee5 (full review). Details, skipped files and cost are in the “Backend Architect” check run.</sub>\n\n<!-- m -->",
    );
    expect(buildCheckOutput(report({ impactSection })).summary).toContain(
      "### Architecture impact\n\n**Endpoints** (1)",
    );
  });

  it("is left out of a body it would push past GitHub's limit", () => {
    const impactSection = `#### Architecture impact\n\n${"x".repeat(61_000)}`;
    const body = buildReviewBody({ report: report({ impactSection }), summary: "", marker: "" });
    expect(body).not.toContain("Architecture impact");
    expect(body.length).toBeLessThan(65_536);
  });
});
