import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { parseRepoConfig } from "../../src/config/repo-config.js";

describe("second_look and architecture_impact in architect.yml", () => {
  it("defaults: second look on, threshold 0.8, the environment's verifier model; impact section with diagram", () => {
    const result = parseRepoConfig({});
    if (!result.ok) throw new Error("defaults must parse");
    expect(result.config.second_look).toEqual({ enabled: true, confidence_below: 0.8 });
    expect(result.config.architecture_impact).toEqual({ enabled: true, diagram: true });
  });

  it("reads every key", () => {
    const result = parseRepoConfig(
      parse(
        "second_look:\n  enabled: false\n  model: claude-haiku-4-5\n  confidence_below: 0.5\narchitecture_impact:\n  enabled: true\n  diagram: false\n",
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.config.second_look).toEqual({
      enabled: false,
      model: "claude-haiku-4-5",
      confidence_below: 0.5,
    });
    expect(result.config.architecture_impact).toEqual({ enabled: true, diagram: false });
  });

  it.each([
    {
      name: "a threshold above 1",
      raw: { second_look: { confidence_below: 2 } },
      path: "second_look.confidence_below",
    },
    {
      name: "a model that is not a Claude id",
      raw: { second_look: { model: "gpt-4" } },
      path: "second_look.model",
    },
    { name: "enabled as a string", raw: { second_look: { enabled: "yes" } }, path: "second_look.enabled" },
    {
      name: "an unknown key of architecture_impact",
      raw: { architecture_impact: { mermaid: true } },
      path: "architecture_impact.mermaid",
    },
  ])("rejects $name with the key's path", ({ raw, path }) => {
    const result = parseRepoConfig(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([path]);
  });

  it("suggests the section for a misplaced key", () => {
    const result = parseRepoConfig({ confidence_below: 0.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toContain("second_look.confidence_below");
  });
});
