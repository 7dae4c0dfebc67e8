import { Window } from "happy-dom";

/**
 * Mermaid's own parser (the `mermaid` package, as GitHub's renderer uses it), run in Node: mermaid's
 * sanitiser (DOMPurify) needs a `window`, which happy-dom provides. Parsing needs no layout or SVG.
 */
export async function loadMermaidParser(): Promise<{
  parse(text: string): Promise<unknown>;
  close(): Promise<void>;
}> {
  const window = new Window();
  const g = globalThis as unknown as { window?: unknown; document?: unknown };
  g.window = window;
  g.document = window.document;
  const { default: mermaid } = await import("mermaid");
  return {
    parse: (text) => mermaid.parse(text, { suppressErrors: false }),
    close: async () => {
      await window.happyDOM.close();
    },
  };
}
