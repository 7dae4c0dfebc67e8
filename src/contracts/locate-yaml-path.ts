import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

const maxRefHops = 20;

/**
 * The line (1-based) of the element at `path`, and the last line of its value, in a parsed YAML or JSON document, or of its deepest
 * ancestor that exists: the changed key itself when it is there, its parent when it was removed.
 * Local `$ref`s (`#/components/schemas/Pet`) are followed, since the comparing library sees through them;
 * segments the document does not have are skipped (so an OpenAPI 3 path such as
 * `responses.200.content.application/json.schema` still finds a Swagger 2 response's `schema`).
 */
export function locateYamlPath(
  doc: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<string | number>,
  /** The added value, when the last segment is a list index: the item equal to it (or a parameter of the same `name`/`in`) is found by value, since a diff's index need not be its place in the file. */
  added?: unknown,
): { line: number; endLine: number } | undefined {
  let node: Node | null = doc.contents;
  let offset: number | undefined;
  let endOffset: number | undefined;
  let hops = 0;
  for (let i = 0; i < path.length && node; ) {
    const key = path[i] as string | number;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (pair) {
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = (pair.value as Node | null) ?? null;
        endOffset = node?.range?.[1] ?? endOffset;
        i += 1;
        continue;
      }
      const ref = node.items.find((item) => isScalar(item.key) && item.key.value === "$ref");
      const target = ref && isScalar(ref.value) ? String(ref.value.value) : "";
      if (target.startsWith("#/") && hops < maxRefHops) {
        hops += 1;
        node = resolvePointer(doc, target);
        continue;
      }
    } else if (isSeq(node) && /^\d+$/.test(String(key))) {
      const byValue =
        i === path.length - 1 && added !== undefined ? findItem(node.items as Node[], added) : undefined;
      const item = byValue ?? (node.items[Number(key)] as Node | undefined);
      if (item) {
        offset = item.range?.[0] ?? offset;
        endOffset = item.range?.[1] ?? endOffset;
        node = item;
        i += 1;
        continue;
      }
    }
    // Not in this document: skip the segment (a shape the other version or format has).
    i += 1;
  }
  if (offset === undefined) return undefined;
  const line = lineCounter.linePos(offset).line;
  if (endOffset === undefined || endOffset <= offset) return { line, endLine: line };
  // The end offset is just past the value: at the start of the next line when the value ends with one.
  const end = lineCounter.linePos(endOffset);
  return { line, endLine: Math.max(line, end.col === 1 ? end.line - 1 : end.line) };
}

function findItem(items: Node[], added: unknown): Node | undefined {
  if (typeof added === "object" && added !== null && "name" in added) {
    const { name, in: location } = added as { name: unknown; in?: unknown };
    return items.find(
      (item) =>
        isMap(item) && item.get("name") === name && (location === undefined || item.get("in") === location),
    );
  }
  return items.find((item) => isScalar(item) && item.value === added);
}

function resolvePointer(doc: Document, pointer: string): Node | null {
  const segments = pointer
    .slice(2)
    .split("/")
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~"));
  const node = doc.getIn(segments, true);
  return node && typeof node === "object" ? (node as Node) : null;
}
