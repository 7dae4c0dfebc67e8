import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  encodeCodeSpan,
  encodeFencedBlock,
  encodeInlineText,
  encodeMermaidLabel,
  encodeTableCell,
  showInvisibleCharacters,
} from "../../src/security/encode-markdown.js";
import { neutralizeModelText } from "../../src/security/neutralize-model-text.js";
import {
  findMarkdownHazards,
  flattenTokens,
  parseMarkdown,
  renderInlineText,
} from "../helpers/markdown-hazards.js";

// Fragments an attacker would combine, plus arbitrary text.
const fragment = fc.oneof(
  fc.constantFrom(
    "@",
    "@octocat",
    "@org/team",
    "octocat",
    "\\@x",
    "&#64;y",
    "&commat;z",
    "<",
    ">",
    "<img src=x onerror=alert(1)>",
    "<a href='https://evil.test'>",
    "<script>",
    "!",
    "[",
    "]",
    "(",
    ")",
    "![i](https://evil.test/i.png)",
    "[l](https://evil.test)",
    "[r]: https://evil.test",
    "http://",
    "HTTPS://EVIL.TEST/x",
    "https://evil.test",
    "www.evil.test",
    "WWW.evil.test",
    "javascript:alert(1)",
    "mailto:a@b.test",
    "user@example.com",
    "`",
    "``",
    "```",
    "~~~",
    "\n",
    "\n\n",
    "\r\n",
    "\u2028",
    "<!--",
    "-->",
    "<!-- backend-architect:review v2 sha=",
    "backend-architect:finding",
    "|",
    "\\",
    "#12",
    "other/repo#1",
    "acme/shop-api#3",
    "other#4",
    "*",
    "_",
    " ",
    "    ",
    "\t",
    "\u202E",
    "\u200B",
    "\u2066",
    ":",
    ".",
    "-",
    "1.",
    "#",
    "&",
    "&lt;",
    "=",
    '"',
    "'",
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
);
const hostile = fc.array(fragment, { maxLength: 24 }).map((parts) => parts.join(""));
const runs = { numRuns: 2_000 };

/** What an inline encoder promises to show: the input on one line, invisible characters made visible. */
function expectedInline(text: string): string {
  return showInvisibleCharacters(text.replace(/\r\n?|\n|\u2028|\u2029/g, " "));
}

describe("Markdown encoder properties (markdown-it, GFM autolinks, raw HTML on)", () => {
  it("inline text: nothing live, and it renders as the literal text", () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const encoded = encodeInlineText(input);
        expect(encoded).not.toMatch(/[\n\r]/);
        expect(findMarkdownHazards(encoded)).toEqual([]);
        // In a paragraph after some words, as in a list item of a review body.
        expect(findMarkdownHazards(`- **Title** — ${encoded}`)).toEqual([]);
        const rendered = renderInlineText(`x ${encoded}`);
        const squash = (text: string) => text.replace(/\s+/g, " ").trim();
        // Code spans defuse `<!--` as `<!- -`; escaped text shows it as written.
        expect(squash(rendered.text.replaceAll("<!- -", "<!--"))).toBe(squash(`x ${expectedInline(input)}`));
      }),
      runs,
    );
  });

  it("code span: exactly one span whose content is the text on one line", () => {
    fc.assert(
      fc.property(hostile, (input) => {
        const encoded = encodeCodeSpan(input);
        const tokens = flattenTokens(parseMarkdown(`see ${encoded} here`)).filter((t) => t.type !== "inline");
        const spans = tokens.filter((t) => t.type === "code_inline");
        expect(spans).toHaveLength(1);
        const shown = expectedInline(input).replace(/<!--/g, "<!- -");
        // CommonMark strips one space on each side when both are there (the padding).
        if (shown.trim() === "") expect(spans[0]!.content.trim()).toBe("");
        else expect([shown, shown.replace(/^ (.*) $/s, "$1")]).toContain(spans[0]!.content);
        expect(findMarkdownHazards(`see ${encoded} here`)).toEqual([]);
        expect(encoded).not.toMatch(/<!--/);
      }),
      runs,
    );
  });

  it("table cell: one cell per encoded value, nothing live", () => {
    fc.assert(
      fc.property(hostile, hostile, (left, right) => {
        const table = `| A | B |\n| --- | --- |\n| ${encodeTableCell(left)} | ${encodeTableCell(right)} |`;
        const cells = flattenTokens(parseMarkdown(table)).filter((t) => t.type === "td_open");
        expect(cells).toHaveLength(2);
        expect(findMarkdownHazards(table)).toEqual([]);
      }),
      runs,
    );
  });

  it("fenced block: one fence whose content is the text, nothing after it swallowed", () => {
    fc.assert(
      fc.property(hostile, fc.string({ maxLength: 10 }), (input, language) => {
        const markdown = `${encodeFencedBlock(input, language)}\n\nafter @octocat`;
        const tokens = parseMarkdown(markdown);
        const fences = tokens.filter((t) => t.type === "fence");
        expect(fences).toHaveLength(1);
        const expected = showInvisibleCharacters(input.replace(/\r\n?/g, "\n")).replace(/<!--/g, "<!- -");
        expect(fences[0]!.content).toBe(`${expected}\n`);
        // The paragraph after the block is still a paragraph: the fence closed.
        expect(tokens.at(-1)?.type).toBe("paragraph_close");
        expect(markdown).not.toMatch(/<!--/);
      }),
      runs,
    );
  });

  it("Mermaid label: only letters, digits, spaces, _ . , : / - and entity codes", () => {
    fc.assert(
      fc.property(hostile, (input) => {
        expect(encodeMermaidLabel(input)).toMatch(/^(?:[A-Za-z0-9 _.,:/-]|#\d+;)*$/);
      }),
      runs,
    );
  });
});

describe("model prose (neutralizeModelText) properties", () => {
  it("nothing live and no marker opening, whatever the model wrote", () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 20, max: 400 }), (input, maxLength) => {
        const out = neutralizeModelText(input, { owner: "acme", repo: "shop-api", maxLength });
        expect(out.length).toBeLessThanOrEqual(maxLength);
        expect(findMarkdownHazards(out)).toEqual([]);
        expect(out).not.toMatch(/<!--/);
        // Whatever follows it in a body is still outside any code block.
        const tokens = parseMarkdown(`${out}\n\nafter`);
        expect(tokens.at(-1)?.type).toBe("paragraph_close");
      }),
      runs,
    );
  });
});
