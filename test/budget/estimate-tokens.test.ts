import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createTokenCalibrator, estimateTokens } from "../../src/budget/estimate-tokens.js";
import { parsePatch } from "../../src/diff/parse-patch.js";
import { renderFile } from "../../src/model/render-diff.js";

describe("estimateTokens", () => {
  it.each([
    { name: "empty text", text: "", expected: 0 },
    { name: "one letter", text: "a", expected: 1 },
    { name: "one space", text: " ", expected: 1 },
    { name: "a short word with a leading space is one token", text: " the", expected: 1 },
    { name: "identifier split every 4 characters", text: "getUserPermissions", expected: 5 },
    { name: "punctuation is ~0.75 a character", text: "();", expected: 3 },
    { name: "a newline is a token", text: "\n\n", expected: 2 },
    { name: "indentation is cheap", text: "                x", expected: 3 },
    { name: "non-ASCII costs a token a code unit", text: "日本語", expected: 3 },
  ])("$name", ({ text, expected }) => {
    expect(estimateTokens(text)).toBe(expected);
  });

  it("is an integer between 1 and the length for any non-empty text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "binary" }), (text) => {
        const tokens = estimateTokens(text);
        expect(Number.isInteger(tokens)).toBe(true);
        expect(tokens).toBeGreaterThanOrEqual(1);
        expect(tokens).toBeLessThanOrEqual(text.length);
      }),
    );
  });

  it("counts code denser than English prose, around 2.5 to 4.5 characters a token", () => {
    const prose =
      "The reviewer reads the change, looks for architectural problems and writes a short explanation for each one.";
    const code = renderFile(
      "src/routes/users.ts",
      parsePatch(
        [
          "@@ -10,4 +10,6 @@ export function registerUserRoutes(app: Express) {",
          '   app.get("/users/:id", async (req, res) => {',
          "-    const user = await db.query('SELECT * FROM users WHERE id = ' + req.params.id);",
          '+    const user = await db.query("SELECT * FROM users WHERE id = $1", [req.params.id]);',
          '+    if (!user) return res.status(404).json({ error: "not found" });',
          "     res.json(user);",
          "   });",
        ].join("\n"),
      ),
    );
    const proseRatio = prose.length / estimateTokens(prose);
    const codeRatio = code.length / estimateTokens(code);
    expect(codeRatio).toBeLessThan(proseRatio);
    expect(codeRatio).toBeGreaterThan(2);
    expect(codeRatio).toBeLessThan(4.5);
    expect(proseRatio).toBeGreaterThan(3);
    expect(proseRatio).toBeLessThan(6);
  });

  it("handles a multi-megabyte string", () => {
    const text = "const value = compute(input);\n".repeat(100_000);
    expect(estimateTokens(text)).toBe(estimateTokens("const value = compute(input);\n") * 100_000);
  });
});

describe("createTokenCalibrator", () => {
  it("starts at 1 and takes the first observation as it is", () => {
    const calibrator = createTokenCalibrator();
    expect(calibrator.getFactor()).toBe(1);
    calibrator.record(1000, 1200);
    expect(calibrator.getFactor()).toBeCloseTo(1.2);
  });

  it("moves by alpha towards later observations", () => {
    const calibrator = createTokenCalibrator({ alpha: 0.5 });
    calibrator.record(100, 100);
    calibrator.record(100, 150);
    expect(calibrator.getFactor()).toBeCloseTo(1.25);
  });

  it.each([
    { name: "far above", estimated: 100, actual: 1000, expected: 2 },
    { name: "far below", estimated: 1000, actual: 10, expected: 0.5 },
  ])("clamps an observation $name the range", ({ estimated, actual, expected }) => {
    const calibrator = createTokenCalibrator();
    calibrator.record(estimated, actual);
    expect(calibrator.getFactor()).toBe(expected);
  });

  it.each([
    { name: "zero estimate", estimated: 0, actual: 10 },
    { name: "zero actual", estimated: 10, actual: 0 },
    { name: "negative", estimated: -5, actual: 10 },
    { name: "NaN", estimated: Number.NaN, actual: 10 },
    { name: "infinity", estimated: 10, actual: Number.POSITIVE_INFINITY },
  ])("ignores an invalid observation: $name", ({ estimated, actual }) => {
    const calibrator = createTokenCalibrator();
    calibrator.record(estimated, actual);
    expect(calibrator.getFactor()).toBe(1);
    calibrator.record(100, 110);
    expect(calibrator.getFactor()).toBeCloseTo(1.1);
  });

  it("rejects an alpha outside (0, 1]", () => {
    expect(() => createTokenCalibrator({ alpha: 0 })).toThrow(RangeError);
    expect(() => createTokenCalibrator({ alpha: 1.5 })).toThrow(RangeError);
  });

  it("keeps the factor within [0.5, 2] for any observations", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ noNaN: false }), fc.double({ noNaN: false }))),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (observations, alpha) => {
          const calibrator = createTokenCalibrator({ alpha });
          for (const [estimated, actual] of observations) calibrator.record(estimated, actual);
          expect(calibrator.getFactor()).toBeGreaterThanOrEqual(0.5);
          expect(calibrator.getFactor()).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
