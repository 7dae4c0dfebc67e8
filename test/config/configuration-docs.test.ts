import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { defaultRepoConfig, parseRepoConfig, repoConfigSchema } from "../../src/config/repo-config.js";

function readProjectFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
}

/** `auto_review.enabled`, …: every key a user can set (lists of mappings count as one key). */
function listKeyPaths(): string[] {
  const paths: string[] = [];
  for (const [key, schema] of Object.entries(repoConfigSchema.shape)) {
    const value = defaultRepoConfig[key as keyof typeof defaultRepoConfig];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const nested of Object.keys(value)) paths.push(`${key}.${nested}`);
    } else {
      expect(schema).toBeDefined();
      paths.push(key);
    }
  }
  return paths;
}

describe("architect.example.yml", () => {
  const text = readProjectFile("architect.example.yml");

  it("is a valid configuration equal to the defaults", () => {
    expect(parseRepoConfig(parse(text))).toEqual({ ok: true, config: defaultRepoConfig });
  });

  it("mentions every key", () => {
    for (const path of listKeyPaths()) {
      const key = path.split(".").pop() ?? path;
      expect({ path, found: new RegExp(`^\\s*#?\\s*${key}:`, "m").test(text) }).toEqual({
        path,
        found: true,
      });
    }
  });
});

describe("docs/configuration.md", () => {
  const text = readProjectFile("docs/configuration.md");

  it("has a table row for every key", () => {
    expect(listKeyPaths()).toContain("model");
    for (const path of listKeyPaths()) {
      expect({ path, found: text.includes(`| \`${path}\` |`) }).toEqual({ path, found: true });
    }
  });

  it("shows a valid example", () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const { _extends: _ignored, ...rest } = parse(example ?? "") as Record<string, unknown>;
    expect(parseRepoConfig(rest).ok).toBe(true);
  });
});
