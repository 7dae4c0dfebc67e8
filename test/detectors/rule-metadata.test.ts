import { describe, expect, it } from "@jest/globals";
import { detectorIds } from "../../src/detectors/registry.js";
import { getRuleMetadata, toCweTag } from "../../src/detectors/rule-metadata.js";

describe("getRuleMetadata", () => {
  it.each(detectorIds)("gives detector %s a class, a CWE, a precision and a problem severity", (id) => {
    const metadata = getRuleMetadata(id);
    expect(metadata?.problemClass).toMatch(/^[a-z-]+$/);
    expect(metadata?.cwes.length).toBeGreaterThan(0);
    expect(["very-high", "high", "medium", "low"]).toContain(metadata?.precision);
    expect(["error", "warning", "recommendation"]).toContain(metadata?.problemSeverity);
  });

  it("scores every secret-scan rule as a hard-coded secret (CWE-798) and knows no model rule", () => {
    expect(getRuleMetadata("secret/github-token")).toMatchObject({
      problemClass: "hardcoded-secret",
      cwes: [798],
    });
    expect(getRuleMetadata("model/security")).toBeUndefined();
  });

  it("spells CWE tags as CodeQL does", () => {
    expect(toCweTag(89)).toBe("external/cwe/cwe-089");
    expect(toCweTag(1088)).toBe("external/cwe/cwe-1088");
  });
});
