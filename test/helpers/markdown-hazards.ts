import MarkdownIt from "markdown-it";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/**
 * A GFM-like renderer for tests: CommonMark + tables + raw HTML + autolinks of URLs with a scheme or
 * `www.` and of e-mail addresses (GitHub's extended autolinks; bare domains are not linked on GitHub).
 */
export function createRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
  return md;
}

const renderer = createRenderer();

export function parseMarkdown(markdown: string): Token[] {
  return renderer.parse(markdown, {});
}

/** Every token, inline children included, in document order. */
export function flattenTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => [token, ...(token.children ? flattenTokens(token.children) : [])]);
}

// GitHub's post-render filters, on text outside code: @user / @org/team, owner/repo#1, owner#1, owner/repo@sha.
const mentionInText = /(?:^|[^A-Za-z0-9_`])@[A-Za-z0-9]/;
const crossReferenceInText = /[A-Za-z0-9][\w.-]*\/[\w.-]+[#@][\w-]+|\b[A-Za-z0-9][\w-]*#\d+/;

/**
 * What GitHub would act on in posted Markdown: live mentions and cross-repository references, links out of
 * `owner/repo`, images, raw HTML and HTML comments. The app's own trailing marker is allowed when
 * `allowTrailingMarker` is set (and checked to be the only `<!--`).
 */
export function findMarkdownHazards(
  markdown: string,
  options: { owner?: string; repo?: string; allowTrailingMarker?: boolean } = {},
): string[] {
  const problems: string[] = [];
  let body = markdown;
  if (options.allowTrailingMarker) {
    body = body.replace(/\n*<!-- backend-architect:(review|finding) v2 [^<>]* -->\s*$/, "");
  }
  if (/<!--/.test(body)) problems.push("HTML comment opening `<!--`");
  const inside = `https://github.com/${options.owner ?? "acme"}/${options.repo ?? "shop-api"}/`;
  const tokens = flattenTokens(parseMarkdown(body));
  let text = "";
  const flushText = () => {
    if (mentionInText.test(text)) problems.push(`mention in ${JSON.stringify(text.slice(0, 80))}`);
    const reference = crossReferenceInText.exec(text);
    if (reference) problems.push(`cross-reference ${reference[0]}`);
    text = "";
  };
  for (const token of tokens) {
    if (token.type === "text") {
      text += token.content;
      continue;
    }
    if (token.type === "softbreak" || token.type === "hardbreak") {
      text += "\n";
      continue;
    }
    flushText();
    if (token.type === "image") problems.push(`image ${token.attrGet("src")}`);
    // The app's own layout tags (`<details>`, `<summary>`, `<sub>`) are allowed; nothing else.
    const html = token.content.replace(/<\/?(?:details|summary|sub|code)>/g, "");
    if ((token.type === "html_inline" || token.type === "html_block") && /[<>]/.test(html))
      problems.push(`raw HTML ${token.content.slice(0, 40)}`);
    if (token.type === "link_open") {
      const href = String(token.attrGet("href") ?? "");
      if (!href.startsWith(inside)) problems.push(`link ${href}`);
    }
  }
  flushText();
  return problems;
}

/** The text a reader sees in an inline context: text and code-span contents, in order. */
export function renderInlineText(markdown: string): { text: string; types: string[] } {
  const tokens = flattenTokens(parseMarkdown(markdown)).filter((t) => t.type !== "inline");
  const shown = tokens
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("");
  return { text: shown, types: tokens.map((t) => t.type) };
}
