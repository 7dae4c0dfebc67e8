import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { defaultRepoConfig, parseRepoConfig, type RepoConfig } from "../config/repo-config.js";
import { CliError } from "./cli-error.js";

export interface LocalRepoConfig {
  config: RepoConfig;
  /** The file read, or null when there is none (the defaults apply). */
  path: string | null;
  /** Things the user should know (an `_extends` that is not followed locally). */
  notes: string[];
}

/**
 * Reads `<root>/.github/architect.yml` from the working tree (not the default branch, as the app does: a
 * local run is for trying changes) and validates it like the app. No file: the defaults. An unreadable or
 * invalid file is a CliError listing every problem.
 */
export async function loadLocalRepoConfig(root: string): Promise<LocalRepoConfig> {
  const path = join(root, ".github", "architect.yml");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { config: defaultRepoConfig, path: null, notes: [] };
    }
    throw new CliError(`Could not read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const notes: string[] = [];
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "_extends" in raw) {
    const { _extends: extended, ...rest } = raw as Record<string, unknown>;
    notes.push(
      `${path}: _extends (${JSON.stringify(extended)}) is not followed by a local review; only the keys of this file apply.`,
    );
    raw = rest;
  }
  const result = parseRepoConfig(raw);
  if (!result.ok) {
    const problems = result.errors.map((error) => `  - ${error.message}`).join("\n");
    throw new CliError(
      `${path} is invalid:\n${problems}\nFix the file, or move it away to use the defaults.`,
    );
  }
  return { config: result.config, path, notes };
}
