import { describe, expect, it } from "@jest/globals";
import type { Finding } from "../../src/findings/finding.js";
import { createMetrics } from "../../src/ops/metrics.js";
import { countSecondLookOutcomes, type SecondLookReport } from "../../src/review/take-second-look.js";

const finding = (severity: Finding["severity"], title: string): Finding => ({
  path: "a.js",
  line: 1,
  severity,
  category: "security",
  confidence: 0.5,
  title,
  body: "",
  source: "model",
});

describe("countSecondLookOutcomes", () => {
  it("counts kept, lowered, withdrawn and unverified findings, and withdrawn ones by severity", async () => {
    const report: SecondLookReport = {
      status: "ran",
      modelId: "claude-haiku-5-5",
      checked: 6,
      calls: 2,
      failedCalls: 1,
      usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 },
      costUsd: 0,
      errors: ["x"],
      keptUnverified: 2,
      withdrawn: [
        { finding: finding("high", "a"), reason: "r" },
        { finding: finding("high", "b"), reason: "r" },
      ],
      lowered: [{ finding: finding("low", "c"), from: "critical", reason: "r" }],
      ignoredRaises: 0,
      unknownIds: 0,
    };
    const counted = countSecondLookOutcomes(report);
    expect(counted).toEqual({
      outcomes: { kept: 1, lowered: 1, withdrawn: 2, unverified: 2 },
      withdrawnBySeverity: { high: 2 },
    });
    // The counters exist under the names the README documents.
    const metrics = createMetrics();
    for (const [outcome, n] of Object.entries(counted.outcomes))
      metrics.secondLookFindings.inc({ outcome }, n);
    metrics.findingsWithdrawn.inc({ severity: "high" }, 2);
    const text = await metrics.registry.metrics();
    expect(text).toContain('architect_second_look_findings_total{outcome="withdrawn"} 2');
    expect(text).toContain('architect_findings_withdrawn_total{severity="high"} 2');
  });

  it("counts nothing when the second look did not run", () => {
    expect(countSecondLookOutcomes({ status: "off", reason: "turned off" }).outcomes).toEqual({
      kept: 0,
      lowered: 0,
      withdrawn: 0,
      unverified: 0,
    });
  });
});
