import { describe, expect, it } from "@jest/globals";
import { redactPullText } from "../../src/security/redact-pull-text.js";

// Test keys in the shapes the scanner knows (not real credentials).
const githubToken = `ghp_${"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}`;
const awsKey = "AKIAQWERTYUIOPASDFGH";

describe("redactPullText", () => {
  it.each([
    {
      name: "a token in the description",
      pull: { title: "Wire the client", body: `Use this token for now:\n${githubToken}\nThanks` },
      expected: {
        title: "Wire the client",
        body: "Use this token for now:\n[REDACTED_SECRET]\nThanks",
        redacted: 1,
      },
    },
    {
      name: "a key in the title",
      pull: { title: `Add ${awsKey} to config`, body: null },
      expected: { title: "Add [REDACTED_SECRET] to config", body: null, redacted: 1 },
    },
    {
      name: "nothing secret",
      pull: { title: "Refactor", body: "Moves code.\r\nNo secrets." },
      expected: { title: "Refactor", body: "Moves code.\nNo secrets.", redacted: 0 },
    },
  ])("$name", async ({ pull, expected }) => {
    expect(await redactPullText(pull)).toEqual(expected);
  });
});
