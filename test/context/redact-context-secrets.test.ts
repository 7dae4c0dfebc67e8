import { describe, expect, it } from "@jest/globals";
import { redactContextTexts } from "../../src/context/redact-context-secrets.js";

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
});
