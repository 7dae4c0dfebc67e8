import { describe, expect, it } from "@jest/globals";
import { redactContextTexts } from "../../src/context/redact-context-secrets.js";
import { toContextLine } from "../../src/context/render-context.js";

// Built from parts: no secret-shaped literal in the repository.
const join = (...parts: string[]) => parts.join("");
const githubToken = join("ghp_", "aB3dE5gH7jK9mN1pQ3sT", "5vX7zA9cE1gI3kM5");
const awsAccessKeyId = join("AKIA", "Z7QW3RT5", "YU8IO2PL");

describe("redactContextTexts", () => {
  it("redacts values after line numbers and search-hit prefixes, keeps the prefixes, and counts per text", async () => {
    const { texts, redacted } = await redactContextTexts([
      `12: const client = new Octokit({ auth: "${githubToken}" });\n13: export { client };`,
      `src/aws.ts:3: const id = "${awsAccessKeyId}";\nsrc/aws.ts:4: const region = "eu-west-1";`,
      "1: export const answer = 42;",
    ]);
    expect(texts).toEqual([
      '12: const client = new Octokit({ auth: "[REDACTED_SECRET]" });\n13: export { client };',
      'src/aws.ts:3: const id = "[REDACTED_SECRET]";\nsrc/aws.ts:4: const region = "eu-west-1";',
      "1: export const answer = 42;",
    ]);
    expect(redacted).toEqual([1, 1, 0]);
  });

  it("cuts a long line between words, so that no part of a key across the limit is shown", async () => {
    const padding = `const note = "${"a ".repeat(165)}";`;
    // The token starts at character 383 and runs past 400.
    const line = `${padding} const client = new Octokit({ auth: "${githubToken}" });`;
    const cut = toContextLine(line);
    expect(cut).toBe(`${padding} const client = new Octokit({ auth: " [cut]`);
    expect(cut.length).toBeLessThanOrEqual(407);
    expect(cut).not.toContain("ghp_");
    // A line that is one word is left out whole.
    expect(toContextLine("x".repeat(1000))).toBe(" [cut]");
  });
});
