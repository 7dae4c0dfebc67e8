import { describe, expect, it } from "@jest/globals";
import { neutralizeModelText } from "../../src/security/neutralize-model-text.js";
import { stripCode } from "./strip-code.js";

const opts = { owner: "acme", repo: "shop", maxLength: 65_536 };
const neutralize = (text: string) => neutralizeModelText(text, opts);

describe("neutralizeModelText", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    // Mentions and references
    {
      name: "user mention becomes a code span",
      input: "cc @octocat please",
      expected: "cc `@octocat` please",
    },
    {
      name: "team mention becomes a code span",
      input: "@acme/security-team look",
      expected: "`@acme/security-team` look",
    },
    { name: "mention after punctuation", input: "(@a) x.@b", expected: "(`@a`) x.`@b`" },
    {
      name: "backslash-escaped mention is still neutralised",
      input: "\\@octocat",
      expected: "\\\\`@octocat`",
    },
    {
      name: "HTML-entity mention shows as written, undecoded",
      input: "&#64;octocat &commat;x",
      expected: "\\&\\#64;octocat \\&commat;x",
    },
    { name: "e-mail address becomes code", input: "mail a@b.com", expected: "mail `a@b.com`" },
    {
      name: "mention inside a code span stays",
      input: "use `@Injectable()` here",
      expected: "use `@Injectable()` here",
    },
    {
      name: "decorator in a fenced block stays",
      input: "```ts\n@Controller()\nclass A {}\n```",
      expected: "```ts\n@Controller()\nclass A {}\n```",
    },
    { name: "lone @ is escaped", input: "a @ b", expected: "a \\@ b" },
    { name: "mention next to a code span stays separate", input: "`x`@a", expected: "`x` `@a`" },
    {
      name: "cross-repository references become code",
      input: "like other/repo#12 and acme/shop#3",
      expected: "like `other/repo#12` and `acme/shop#3`",
    },
    // Links and images: no link is left live, inside the repository or out
    {
      name: "markdown link becomes escaped text and code",
      input: "see [the fix](https://evil.example/x)",
      expected: "see \\[the fix\\](`https://evil.example/x)`",
    },
    {
      name: "link into the repository is shown as code too",
      input: "[a.ts](https://github.com/acme/shop/blob/main/a.ts#L3)",
      expected: "\\[a.ts\\](`https://github.com/acme/shop/blob/main/a.ts#L3)`",
    },
    {
      name: "javascript: link is inert",
      input: "[click](javascript:alert(1))",
      expected: "\\[click\\](`javascript:alert(1))`",
    },
    {
      name: "image is inert",
      input: "![pixel](https://evil.example/p.png)",
      expected: "\\!\\[pixel\\](`https://evil.example/p.png)`",
    },
    {
      name: "bare www URL becomes a code span",
      input: "visit www.evil.example now",
      expected: "visit `www.evil.example` now",
    },
    {
      name: "autolink becomes a code span",
      input: "<https://evil.example/x>",
      expected: "&lt;`https://evil.example/x>`",
    },
    {
      name: "reference definition cannot form",
      input: "[a][r]\n\n[r]: https://evil.example",
      expected: "\\[a\\]\\[r\\]\n\n\\[r\\]: `https://evil.example`",
    },
    // HTML and hidden content
    {
      name: "img tag is escaped",
      input: "<img src=x onerror=alert(1)>",
      expected: "&lt;img src=x onerror=alert(1)\\>",
    },
    {
      name: "script tag is escaped",
      input: "<script>alert(1)</script>",
      expected: "&lt;script\\>alert(1)&lt;/script\\>",
    },
    { name: "generics render as text", input: "returns List<String>", expected: "returns List&lt;String\\>" },
    { name: "HTML comment is removed", input: "ok<!-- hidden --> done", expected: "ok done" },
    { name: "unterminated HTML comment is removed", input: "ok<!-- hidden", expected: "ok" },
    { name: "forged marker is removed", input: "x\n<!-- backend-architect sha=1 -->", expected: "x\n" },
    {
      name: "forged marker inside a fence is defused",
      input: "```\n<!-- backend-architect -->\n```",
      expected: "```\n<!- - backend-architect -->\n```",
    },
    // Code
    {
      name: "a suggestion block in prose is shown as plain code, never offered to commit",
      input: "Fix:\n```suggestion\nconst url = `https://x/$" + "{id}`; // @todo [a](b) <b>\n```\nDone.",
      expected: "Fix:\n```\nconst url = `https://x/${id}`; // @todo [a](b) <b>\n```\nDone.",
    },
    {
      name: "unclosed fence is closed",
      input: "Use:\n```ts\nconst x = 1;",
      expected: "Use:\n```ts\nconst x = 1;\n```",
    },
    { name: "tilde fence becomes a backtick fence", input: "~~~~\ncode", expected: "```\ncode\n```" },
    { name: "longer closing fence closes", input: "```\na\n`````\n@x", expected: "```\na\n```\n`@x`" },
    {
      name: "bidi character in a code block is made visible",
      input: "```\nif (a\u202e) {}\n```",
      expected: "```\nif (a⟦U+202E⟧) {}\n```",
    },
    { name: "unmatched backtick is escaped", input: "a ` b @c", expected: "a \\` b `@c`" },
    { name: "code span on one line is kept", input: "call `foo()` now", expected: "call `foo()` now" },
    { name: "double-backtick span is kept", input: "``a ` b``", expected: "``a ` b``" },
    { name: "fence inside a list item cannot open", input: "- ```\n@x", expected: "- \\`\\`\\`\n`@x`" },
    { name: "zero-width characters are made visible", input: "ap\u200bprove", expected: "ap⟦U+200B⟧prove" },
    { name: "CRLF becomes LF", input: "a\r\nb", expected: "a\nb" },
    {
      name: "bold, inline code and list items keep their shape",
      input: "**Risk:** the `retry` loop\n\n- item 1\n- item 2",
      expected: "**Risk:** the `retry` loop\n\n- item 1\n- item 2",
    },
  ];

  it.each(cases)("$name", ({ input, expected }) => {
    expect(neutralize(input)).toBe(expected);
  });

  const lengthCases = [
    { name: "fits: untouched", input: "a".repeat(50), maxLength: 50, expected: "a".repeat(50) },
    {
      name: "too long: cut with the suffix",
      input: "a".repeat(60),
      maxLength: 50,
      expected: `${"a".repeat(36)}\n… (truncated)`,
    },
    {
      name: "cut inside a fence: fence closed before the suffix",
      input: `\`\`\`\n${"a".repeat(100)}`,
      maxLength: 40,
      expected: `\`\`\`\n${"a".repeat(18)}\n\`\`\`\n… (truncated)`,
    },
    { name: "expansion is accounted for", input: "@a ".repeat(40), maxLength: 40 },
    { name: "tiny cap", input: "abcdef".repeat(3), maxLength: 3, expected: "… (" },
  ];

  it.each(lengthCases)("$name", ({ input, maxLength, expected }) => {
    const result = neutralizeModelText(input, { ...opts, maxLength });
    if (expected !== undefined) expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(maxLength);
  });

  it("a cut never leaves a live mention behind", () => {
    for (let maxLength = 14; maxLength < 80; maxLength++) {
      const result = neutralizeModelText("x `a` @octocat `b` @hubot end ".repeat(3), { ...opts, maxLength });
      expect(result.length).toBeLessThanOrEqual(maxLength);
      expect(stripCode(result)).not.toMatch(/(?<![\w`])@[a-z]/);
    }
  });
});
