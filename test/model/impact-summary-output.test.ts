import { describe, expect, it } from "@jest/globals";
import { parseReviewOutput, reviewTool } from "../../src/model/review-output-schema.js";

describe("impact_summary in the submit_review answer", () => {
  it("is offered in the tool schema as an optional string", () => {
    const schema = reviewTool.input_schema as unknown as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.properties.impact_summary).toEqual({ type: "string", maxLength: 1000 });
    expect(schema.required).not.toContain("impact_summary");
  });

  it("is read when given, trimmed and capped", () => {
    const output = parseReviewOutput({
      summary: "s",
      findings: [],
      impact_summary: `  ${"a".repeat(1_200)}  `,
    });
    expect(output.impactSummary).toBe("a".repeat(1_000));
  });

  it.each([
    { name: "absent", input: { summary: "s", findings: [] } },
    { name: "empty", input: { summary: "s", findings: [], impact_summary: "   " } },
    { name: "not a string", input: { summary: "s", findings: [], impact_summary: { text: "x" } } },
  ])("is left out when $name, without failing the answer", ({ input }) => {
    const output = parseReviewOutput(input);
    expect(output.impactSummary).toBeUndefined();
    expect(output.findings).toEqual([]);
  });
});
