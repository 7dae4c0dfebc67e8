import { describe, expect, it } from "@jest/globals";
import { neutralizeModelText } from "../../src/security/neutralize-model-text.js";
import { stripCode } from "./strip-code.js";

const opts = { owner: "acme", repo: "shop", maxLength: 65_536 };
const neutralize = (text: string) => neutralizeModelText(text, opts);

describe("neutralizeModelText", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    // Mentions
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
    { name: "backslash-escaped mention is still neutralised", input: "\\@octocat", expected: "`@octocat`" },
    {
      name: "HTML-entity mention is neutralised",
      input: "&#64;octocat &#x40;hubot &commat;x",
      expected: "`@octocat` `@hubot` `@x`",
    },
    {
      name: "e-mail address stays",
      input: "mail a@b.com or first.last@example.org",
      expected: "mail a@b.com or first.last@example.org",
    },
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
    { name: "lone @ stays", input: "a @ b", expected: "a @ b" },
    { name: "mention next to a code span stays separate", input: "`x`@a", expected: "`x` `@a`" },
    // Links
    {
      name: "link to an outside host becomes text and a code span",
      input: "see [the fix](https://evil.example/x)",
      expected: "see the fix (`https://evil.example/x`)",
    },
    {
      name: "link into the repository stays live",
      input: "see [a.ts](https://github.com/acme/shop/blob/main/a.ts#L3)",
      expected: "see [a.ts](https://github.com/acme/shop/blob/main/a.ts#L3)",
    },
    {
      name: "owner and repo match case-insensitively",
      input: "[x](https://github.com/ACME/Shop/pull/1)",
      expected: "[x](https://github.com/ACME/Shop/pull/1)",
    },
    {
      name: "link title is dropped from an allowed link",
      input: '[x](https://github.com/acme/shop "approve")',
      expected: "[x](https://github.com/acme/shop)",
    },
    {
      name: "look-alike repository is outside",
      input: "[x](https://github.com/acme/shop-evil)",
      expected: "x (`https://github.com/acme/shop-evil`)",
    },
    {
      name: "look-alike host is outside",
      input: "[x](https://github.com.evil.example/acme/shop)",
      expected: "x (`https://github.com.evil.example/acme/shop`)",
    },
    {
      name: "user-info trick is outside",
      input: "[x](https://github.com@evil.example/acme/shop)",
      expected: "x (`https://github.com@evil.example/acme/shop`)",
    },
    {
      name: "path traversal out of the repository is outside",
      input: "[x](https://github.com/acme/shop/../../evil/x)",
      expected: "x (`https://github.com/acme/shop/../../evil/x`)",
    },
    {
      name: "http is outside",
      input: "[x](http://github.com/acme/shop)",
      expected: "x (`http://github.com/acme/shop`)",
    },
    {
      name: "javascript: link is inert",
      input: "[click](javascript:alert(1))",
      expected: "click (`javascript:alert(1)`)",
    },
    {
      name: "image to an outside host is inert",
      input: "![pixel](https://evil.example/p.png)",
      expected: "pixel (`https://evil.example/p.png`)",
    },
    {
      name: "link text with a mention is neutralised too",
      input: "[@octocat](https://evil.example)",
      expected: "`@octocat` (`https://evil.example`)",
    },
    {
      name: "bare URL becomes a code span",
      input: "go to https://evil.example/a?b=1.",
      expected: "go to `https://evil.example/a?b=1`.",
    },
    {
      name: "bare www URL becomes a code span",
      input: "visit www.evil.example now",
      expected: "visit `www.evil.example` now",
    },
    {
      name: "bare URL into the repository stays",
      input: "https://github.com/acme/shop/pull/2",
      expected: "https://github.com/acme/shop/pull/2",
    },
    {
      name: "autolink becomes a code span",
      input: "<https://evil.example/x>",
      expected: "`https://evil.example/x`",
    },
    {
      name: "reference definition cannot form",
      input: "[a][r]\n\n[r]: https://evil.example",
      expected: "\\[a\\]\\[r\\]\n\n\\[r\\]: `https://evil.example`",
    },
    {
      name: "URL in parentheses keeps the closing paren outside",
      input: "(see https://evil.example/x)",
      expected: "(see `https://evil.example/x`)",
    },
    {
      name: "cross-repository reference is neutralised",
      input: "like other/repo#12 and acme/shop#3",
      expected: "like `other/repo#12` and acme/shop#3",
    },
    // HTML
    {
      name: "img tag is escaped",
      input: "<img src=x onerror=alert(1)>",
      expected: "&lt;img src=x onerror=alert(1)>",
    },
    {
      name: "script tag is escaped",
      input: "<script>alert(1)</script>",
      expected: "&lt;script>alert(1)&lt;/script>",
    },
    {
      name: "iframe and anchor are escaped",
      input: '<iframe src="https://evil.example"></iframe><a href="x">y</a>',
      expected: '&lt;iframe src="`https://evil.example`">&lt;/iframe>&lt;a href="x">y&lt;/a>',
    },
    { name: "generics render as text", input: "returns List<String>", expected: "returns List&lt;String>" },
    { name: "HTML comment is removed", input: "ok<!-- hidden --> done", expected: "ok done" },
    { name: "unterminated HTML comment is removed", input: "ok<!-- hidden", expected: "ok" },
    { name: "forged marker is removed", input: "x\n<!-- backend-architect sha=1 -->", expected: "x\n" },
    {
      name: "forged marker inside a code span goes with the comment",
      input: "`<!-- backend-architect sha=1 -->`",
      expected: "\\`\\`",
    },
    {
      name: "unterminated forged marker inside a code span is defused",
      input: "`<!-- backend-architect` `x`",
      expected: "\\`",
    },
    {
      name: "forged marker inside a fence is defused",
      input: "```\n<!-- backend-architect -->\n```",
      expected: "```\n[forged marker removed] -->\n```",
    },
    // Code
    {
      name: "suggestion block is kept byte for byte",
      input: "Fix:\n```suggestion\nconst url = `https://x/$" + "{id}`; // @todo [a](b) <b>\n```\nDone.",
      expected: "Fix:\n```suggestion\nconst url = `https://x/$" + "{id}`; // @todo [a](b) <b>\n```\nDone.",
    },
    {
      name: "unclosed fence is closed",
      input: "Use:\n```suggestion\nconst x = 1;",
      expected: "Use:\n```suggestion\nconst x = 1;\n```",
    },
    { name: "unclosed tilde fence is closed with tildes", input: "~~~~\ncode", expected: "~~~~\ncode\n~~~~" },
    { name: "longer closing fence closes", input: "```\na\n`````\n@x", expected: "```\na\n`````\n`@x`" },
    {
      name: "bidi character in a suggestion is made visible",
      input: "```suggestion\nif (a\u202e) {}\n```",
      expected: "```suggestion\nif (a⟦U+202E⟧) {}\n```",
    },
    {
      name: "unmatched backtick is escaped so it cannot pair with ours",
      input: "a ` b @c",
      expected: "a \\` b `@c`",
    },
    { name: "code span on one line is kept", input: "call `foo()` now", expected: "call `foo()` now" },
    { name: "double-backtick span is kept", input: "``a ` b``", expected: "``a ` b``" },
    { name: "fence inside a list item cannot open", input: "- ```\n@x", expected: "- \\`\\`\\`\n`@x`" },
    { name: "tilde run in prose cannot open a fence", input: "\u200b~~~\n@x", expected: "\\~~~\n`@x`" },
    // Hidden characters and line endings
    { name: "zero-width characters in prose are removed", input: "ap\u200bprove", expected: "approve" },
    { name: "CRLF becomes LF", input: "a\r\nb", expected: "a\nb" },
    {
      name: "ordinary markdown is unchanged",
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
      expected: `${"a".repeat(36)} … (truncated)`,
    },
    {
      name: "cut inside a fence: fence closed before the suffix",
      input: `\`\`\`\n${"a".repeat(100)}`,
      maxLength: 40,
      expected: `\`\`\`\n${"a".repeat(18)}\n\`\`\`\n… (truncated)`,
    },
    { name: "expansion is accounted for", input: "@a ".repeat(40), maxLength: 40 },
    { name: "tiny cap", input: "abcdef", maxLength: 3, expected: "… (" },
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

  it("is stable on its own output for prose without links", () => {
    const once = neutralize("cc @a and @b/c, see `x` and <b>");
    expect(neutralize(once)).toBe(once);
  });
});
