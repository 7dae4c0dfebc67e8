import { describe, expect, it } from "@jest/globals";
import { estimateCostUsd, getModelPrice, modelPrices } from "../../src/model/prices.js";

const million = { input: 1_000_000, output: 1_000_000, cacheRead: 1_000_000, cacheWrite: 1_000_000 };

describe("getModelPrice", () => {
  it.each([
    { model: "claude-sonnet-5-5", price: { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 } },
    {
      model: "claude-sonnet-4-5-20250929",
      price: { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
    },
    { model: "claude-opus-5-5", price: { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } },
    { model: "claude-opus-4-5-20251101", price: { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } },
    { model: "claude-opus-4-1", price: { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 } },
    { model: "claude-haiku-5-5", price: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 } },
    { model: "claude-haiku-4-5-20251001", price: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 } },
    { model: "claude-sonnet-4-5-latest", price: { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 } },
    { model: "Claude-Opus-9", price: { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } },
    {
      model: "some-proxy/claude-haiku-next",
      price: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
    },
  ])("$model", ({ model, price }) => {
    expect(getModelPrice(model)).toEqual(price);
  });

  it("knows no price for a model of no known family", () => {
    expect(getModelPrice("claude-mythos-5")).toBeUndefined();
  });

  it("prices cache writes at 1.25 × input and cache reads at 0.1 × input for every model", () => {
    for (const price of Object.values(modelPrices)) {
      expect(price.cacheWrite).toBeCloseTo(price.input * 1.25);
      expect(price.cacheRead).toBeCloseTo(price.input * 0.1);
    }
  });
});

describe("estimateCostUsd", () => {
  it.each([
    { model: "claude-sonnet-5-5", usage: million, expected: 3 + 15 + 0.3 + 3.75 },
    { model: "claude-opus-5-5", usage: million, expected: 5 + 25 + 0.5 + 6.25 },
    { model: "claude-haiku-5-5", usage: million, expected: 1 + 5 + 0.1 + 1.25 },
    {
      model: "claude-sonnet-5-5",
      usage: { input: 12_000, output: 1_500, cacheRead: 40_000, cacheWrite: 0 },
      expected: (12_000 * 3 + 1_500 * 15 + 40_000 * 0.3) / 1e6,
    },
    { model: "claude-haiku-5-5", usage: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, expected: 0 },
    {
      model: "unknown-model",
      usage: { input: 1_000_000, output: 0, cacheRead: 0, cacheWrite: 0 },
      expected: 3,
    },
  ])("$model: $expected USD", ({ model, usage, expected }) => {
    expect(estimateCostUsd(model, usage)).toBeCloseTo(expected, 10);
  });
});
