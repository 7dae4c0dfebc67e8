import { Lang } from "@ast-grep/napi";
import { describe, expect, it } from "@jest/globals";
import {
  ensureAstGrepLanguages,
  parseSource,
  takeParsedChars,
} from "../../src/detectors/ast-grep-languages.js";

describe("parseSource", () => {
  it("parses a text once while it is among the last two, and counts the characters it parsed", () => {
    ensureAstGrepLanguages();
    takeParsedChars();
    const a = "const a = db.query(sql);\n";
    const b = "def f():\n    return 1\n";
    const first = parseSource(Lang.TypeScript, a);
    expect(first.kind()).toBe("program");
    // The detectors and then the impact extraction read the same new side: one tree for both.
    expect(parseSource(Lang.TypeScript, a)).toBe(first);
    expect(parseSource("python", b).kind()).toBe("module");
    expect(takeParsedChars()).toBe(a.length + b.length);
    expect(takeParsedChars()).toBe(0);
    // The same text in another language is another tree.
    expect(parseSource(Lang.JavaScript, a)).not.toBe(first);
    parseSource("go", "package main\n");
    parseSource("java", "class A {}\n");
    // `a` has left the cache (two trees are kept): parsed again, and counted again.
    takeParsedChars();
    expect(parseSource(Lang.TypeScript, a)).not.toBe(first);
    expect(takeParsedChars()).toBe(a.length);
  });
});
