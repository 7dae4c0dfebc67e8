import { describe, expect, it } from "@jest/globals";
import { buildHelpText } from "../../src/commands/build-help-text.js";
import { defaultRepoConfig, parseRepoConfig, type RepoConfig } from "../../src/config/repo-config.js";

function parseOrThrow(raw: unknown): RepoConfig {
  const result = parseRepoConfig(raw);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.config;
}

describe("buildHelpText", () => {
  it("lists the commands, who may use them, the cooldown and the configuration", () => {
    const text = buildHelpText(defaultRepoConfig);
    expect(text).not.toContain("Unknown command");
    for (const command of [
      "`/architect`",
      "`/architect full`",
      "`/architect security`",
      "`/architect help`",
    ]) {
      expect(text).toContain(`| ${command} |`);
    }
    expect(text).toContain(
      "Commands may be used by people with the admin, maintain or write role on this repository.",
    );
    expect(text).toContain("A pull request accepts one review command every 60 seconds.");
    expect(text).toMatch(
      /<details>\n<summary>Effective configuration[^\n]*<\/summary>\n\n```yaml\n[\s\S]*\n```\n\n<\/details>$/,
    );
    expect(text).toContain("fail_on: high\n");
  });

  it("names the unknown word first", () => {
    const text = buildHelpText(defaultRepoConfig, { unknownWord: "secuirty" });
    expect(text.startsWith("Unknown command `/architect secuirty`.\n\n")).toBe(true);
  });

  it("describes turned-off commands and no cooldown", () => {
    const text = buildHelpText(parseOrThrow({ commands: { allowed_permissions: [], cooldown_seconds: 0 } }));
    expect(text).toContain(
      "Commands are turned off in this repository (`commands.allowed_permissions` is empty).",
    );
    expect(text).toContain("There is no cooldown between commands.");
  });

  it("describes a single role and a one-second cooldown", () => {
    const text = buildHelpText(
      parseOrThrow({ commands: { allowed_permissions: ["admin"], cooldown_seconds: 1 } }),
    );
    expect(text).toContain("Commands may be used by people with the admin role on this repository.");
    expect(text).toContain("A pull request accepts one review command every 1 second.");
  });

  it("contains no @mention, even from the configuration or the unknown word", () => {
    const config = parseOrThrow({
      ignore: { authors: ["@alice", "bob"] },
      instructions: "Ask @acme/backend-team before changing the schema.",
    });
    const text = buildHelpText(config, { unknownWord: "@octocat" });
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).toContain("@\u200bacme/backend-team");
  });

  it("keeps the configuration block closed when instructions contain a code fence", () => {
    const config = parseOrThrow({ instructions: "Prefer:\n```ts\nconst x = 1;\n```\n" });
    const text = buildHelpText(config);
    expect(text).toContain("````yaml\n");
    expect(text).toMatch(/\n````\n\n<\/details>$/);
  });

  it("cuts the word after /architect to a short single line", () => {
    const text = buildHelpText(defaultRepoConfig, { unknownWord: "x".repeat(100) });
    expect(text.split("\n")[0]).toBe(`Unknown command \`/architect ${"x".repeat(39)}…\`.`);
  });
});
