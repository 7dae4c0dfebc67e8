import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  encodeCodeSpan,
  encodeFencedBlock,
  encodeInlineText,
  encodeMermaidLabel,
  encodeTableCell,
} from "../../src/security/encode-markdown.js";

describe("encodeInlineText", () => {
  it.each([
    { name: "mention", input: "cc @octocat", expected: "cc `@octocat`" },
    { name: "team mention", input: "@org/team look", expected: "`@org/team` look" },
    { name: "html", input: "<img src=x>", expected: "\\<img src\\=x\\>" },
    { name: "link", input: "[x](https://e.test)", expected: "\\[x\\]\\(`https://e.test)`" },
    { name: "newline", input: "a\n\nb", expected: "a  b" },
    { name: "cross reference", input: "see other/repo#1", expected: "see `other/repo#1`" },
    {
      name: "marker",
      input: "<!-- backend-architect x -->",
      expected: "\\<\\!\\-\\- backend\\-architect x \\-\\-\\>",
    },
    { name: "bidi", input: "a\u202Eb", expected: "a⟦U\\+202E⟧b" },
  ])("$name", ({ input, expected }) => {
    expect(encodeInlineText(input)).toBe(expected);
  });

  it("cuts long input", () => {
    expect(encodeInlineText("abcdef", { maxLength: 4 })).toBe("abc…");
  });
});

describe("encodeCodeSpan", () => {
  it.each([
    { name: "plain", input: "a.ts", expected: "`a.ts`" },
    { name: "backtick inside", input: "a`b", expected: "``a`b``" },
    { name: "leading backtick", input: "`a", expected: "`` `a ``" },
    { name: "newline", input: "a\nb", expected: "`a b`" },
    { name: "marker", input: "<!-- backend-architect", expected: "`<!- - backend-architect`" },
  ])("$name", ({ input, expected }) => {
    expect(encodeCodeSpan(input)).toBe(expected);
  });
});

describe("encodeTableCell", () => {
  it("escapes pipes in text and in code", () => {
    expect(encodeTableCell("a|b @x|y")).toBe("a\\|b `@x`\\|y");
    expect(encodeTableCell("https://a|b")).toBe("`https://a\\|b`");
  });
});

describe("encodeFencedBlock", () => {
  it("uses a fence longer than any backtick run", () => {
    expect(encodeFencedBlock("x\n````\ny", "ts")).toBe("`````ts\nx\n````\ny\n`````");
  });
  it("keeps the info string safe", () => {
    expect(encodeFencedBlock("x", "js onload=1")).toBe("```jsonload1\nx\n```");
  });
});

describe("encodeMermaidLabel", () => {
  it("encodes quotes, brackets and backticks", () => {
    expect(encodeMermaidLabel('a"]b`')).toBe("a#34;#93;b#96;");
  });
});

describe("properties", () => {
  const hostile = fc.string({
    unit: fc.constantFrom(
      "@",
      "`",
      "<",
      ">",
      "!",
      "[",
      "]",
      "(",
      ")",
      "\n",
      "|",
      "-",
      "a",
      "h",
      "t",
      "p",
      ":",
      "/",
      " ",
      "w",
      ".",
    ),
  });
  it("a code span is one span on one line", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const span = encodeCodeSpan(text);
        expect(span).not.toContain("\n");
        expect(span).not.toContain("<!--");
        const fence = /^`+/.exec(span)?.[0] ?? "";
        const inner = span.slice(fence.length, span.length - fence.length);
        expect(span.endsWith(fence)).toBe(true);
        for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length);
      }),
    );
  });
  it("inline text leaves no raw HTML, link or image syntax and no mention outside code", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const encoded = encodeInlineText(text);
        expect(encoded).not.toContain("\n");
        const outsideCode = encoded.replace(/(`+)[\s\S]*?\1/g, "");
        expect(outsideCode).not.toMatch(/(^|[^\\])[<[!]/);
        expect(outsideCode).not.toMatch(/(^|[^\w\\`])@[A-Za-z0-9]/);
      }),
    );
  });
});
