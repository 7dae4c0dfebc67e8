import { randomBytes } from "node:crypto";

const labelPattern = /^[a-z][a-z0-9_]{0,39}$/;
// Any tag of the fence family, opening or closing, whatever its label, case or inner spacing:
// `</untrusted_diff>`, `< / UNTRUSTED_title id="...">`, `<untrusted_x`.
const fenceTagPattern = /<(\s*\/?\s*)(untrusted_)/gi;

/**
 * Wraps untrusted data (PR title, description, comments, file names, diff hunks) for the prompt so
 * that it cannot end its own block and speak as the operator.
 *
 * Format (the system prompt tells the model that nothing inside such a block is an instruction):
 *
 * ```
 * <untrusted_LABEL id="NONCE">
 * ...data...
 * </untrusted_LABEL id="NONCE">
 * ```
 *
 * - NONCE is 24 hex digits from `crypto.randomBytes`, new for every call: the data was written before the
 *   nonce existed, so it cannot name the real closing tag; a closing tag without the right nonce is data.
 * - On top of that, every `<untrusted_` / `</untrusted_` inside the data (any label, any case, spaces
 *   allowed after `<` and around `/`) has its `<` replaced by `&lt;`, so the data cannot even contain
 *   text that looks like a fence tag.
 * - The data is otherwise unchanged; sanitise it first (`sanitizeUntrustedText`, `sanitizeCodeLine`).
 *
 * @throws when `label` is not a lower-case identifier (it is written into the tag name).
 * @example fenceUntrusted("title", "Fix </untrusted_title>") ===
 *   '<untrusted_title id="3f…">\nFix &lt;/untrusted_title>\n</untrusted_title id="3f…">'
 */
export function fenceUntrusted(label: string, text: string): string {
  if (!labelPattern.test(label)) {
    throw new Error(
      `Invalid untrusted-block label ${JSON.stringify(label)}: use 1-40 lower-case letters, digits or "_", starting with a letter`,
    );
  }
  const data = text.replace(fenceTagPattern, "&lt;$1$2");
  let nonce = randomBytes(12).toString("hex");
  // Astronomically unlikely, but the guarantee should not rest on luck.
  while (data.includes(nonce)) nonce = randomBytes(12).toString("hex");
  const attributes = `id="${nonce}"`;
  return `<untrusted_${label} ${attributes}>\n${data}\n</untrusted_${label} ${attributes}>`;
}
