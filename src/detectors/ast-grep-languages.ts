import { createRequire } from "node:module";
import { Lang, parse, registerDynamicLanguage } from "@ast-grep/napi";
import type { DetectorLanguage } from "./detector.js";

const require = createRequire(import.meta.url);

/** A language name ast-grep parses (built-in `Lang` or a registered dynamic one). */
export type AstGrepLanguage = Parameters<typeof parse>[0];
let registered = false;

/**
 * Registers Python, Go and Java with ast-grep, once per process (ast-grep allows a single call).
 * Tolerates another module having registered them already.
 */
export function ensureAstGrepLanguages(): void {
  if (registered) return;
  try {
    registerDynamicLanguage({
      python: require("@ast-grep/lang-python"),
      go: require("@ast-grep/lang-go"),
      java: require("@ast-grep/lang-java"),
    });
  } catch (error) {
    // Someone else registered first: fine if the languages parse.
    try {
      parse("python", "");
    } catch {
      throw new Error("Failed to register Python, Go and Java with ast-grep", { cause: error });
    }
  }
  registered = true;
}

const astGrepLanguage: Record<Exclude<DetectorLanguage, "sql">, AstGrepLanguage> = {
  javascript: Lang.JavaScript,
  typescript: Lang.TypeScript,
  tsx: Lang.Tsx,
  python: "python",
  go: "go",
  java: "java",
};

/** The ast-grep language that parses `language`; undefined for languages read as text (`sql`). */
export function toAstGrepLanguage(language: DetectorLanguage): AstGrepLanguage | undefined {
  return language === "sql" ? undefined : astGrepLanguage[language];
}
