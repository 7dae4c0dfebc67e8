import { createRequire } from "node:module";
import { Lang, parse, registerDynamicLanguage, type SgNode } from "@ast-grep/napi";
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

let parsedChars = 0;

/**
 * Characters `parseSource` parsed on this thread since the last call (a tree takes ~50 bytes of native memory
 * per character of source, which V8's collector does not count).
 */
export function takeParsedChars(): number {
  const chars = parsedChars;
  parsedChars = 0;
  return chars;
}

/** Trees kept by `parseSource`: the last few texts parsed on this thread. */
const recentTreesMax = 2;
const recentTrees = new Map<string, SgNode>();

/**
 * `parse(language, text).root()`, remembering the last few trees of this thread: the detectors and the
 * architecture-impact extraction read the same new side of a file one after the other, and parsing is
 * most of what either costs. A text is parsed again once it has left the small cache, so memory stays
 * bounded (trees live in native memory the garbage collector does not see).
 */
export function parseSource(language: AstGrepLanguage, text: string): SgNode {
  const key = `${String(language)}\u0000${text}`;
  const known = recentTrees.get(key);
  if (known) return known;
  const root = parse(language, text).root();
  parsedChars += text.length;
  recentTrees.set(key, root);
  if (recentTrees.size > recentTreesMax) recentTrees.delete(recentTrees.keys().next().value as string);
  return root;
}
