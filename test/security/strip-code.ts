/**
 * Removes fenced blocks and code spans from markdown: what remains is what GitHub scans for mentions,
 * links and HTML. Deliberately simple; the cases it is used on are written to be unambiguous.
 */
export function stripCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, "");
}
