/** The API description formats this app compares. */
export type SpecFormat = "openapi" | "graphql" | "protobuf";

/**
 * One difference between the base and head versions of an API description. Every string except `kind`
 * and `format` comes from the pull request (names of paths, types, fields) and is untrusted: encode it
 * before it reaches Markdown.
 */
export interface ContractChange {
  format: SpecFormat;
  /** The API description file (head path; the base path for a removed file). */
  file: string;
  breaking: boolean;
  /** kebab-case, e.g. `operation-removed`; the finding's rule id is `api-contract/<kind>`. */
  kind: string;
  /** Where in the API: `DELETE /pets/{id}`, `Query.user`, `shop.v1.Order.total`. */
  target: string;
  /** What changed, in one sentence (the comparing library's words, or ours for protobuf). */
  description: string;
  /** Line of the changed element (or its nearest surviving parent) in the head file, when found. */
  line?: number;
  /** Last line of that element in the head file: a removal happened somewhere in `line..endLine`. */
  endLine?: number;
}

/** The result of comparing one file: its changes, or why it could not be compared (our words). */
export type SpecComparison = { ok: true; changes: ContractChange[] } | { ok: false; problem: string };

/** Turns `FIELD_REMOVED` or `fieldRemoved` into `field-removed`. */
export function toKebabCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
}
