import type { DetectorLanguage } from "./detector.js";

const languageByExtension: Record<string, DetectorLanguage> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  py: "python",
  go: "go",
  java: "java",
  sql: "sql",
};

/** The detector language of a path, from its extension; undefined for anything the detectors do not read. */
export function detectLanguage(path: string): DetectorLanguage | undefined {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return undefined;
  if (name.endsWith(".d.ts") || name.endsWith(".d.mts") || name.endsWith(".d.cts")) return undefined;
  return languageByExtension[name.slice(dot + 1).toLowerCase()];
}

const migrationPathPattern =
  /(^|\/)(migrations?|migrate|db\/migrate|alembic\/versions|schema-migrations)\/|(^|\/)\d{4,}[-_][\w-]*\.(js|mjs|cjs|ts|mts|cts|sql|py)$/i;

/** True for schema migration files: under a migrations folder, or named `<timestamp>_<name>.<ext>`. */
export function isMigrationPath(path: string): boolean {
  return migrationPathPattern.test(path);
}
