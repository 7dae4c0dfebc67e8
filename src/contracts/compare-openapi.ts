import { apiCompare, type Diff } from "api-smart-diff";
import s2o from "swagger2openapi";
import { type Document, LineCounter, parseDocument } from "yaml";
import type { ContractChange, SpecComparison } from "./contract-change.js";
import { locateYamlPath } from "./locate-yaml-path.js";

/** More nodes than this and the document is not compared (bounds the time a hostile file can cost). */
const maxNodes = 200_000;
/** allOf/oneOf/anyOf merging is where schema comparison can explode. */
const maxCombiners = 2_000;
const maxAliases = 100;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ParsedOpenApi {
  dialect: "openapi3" | "swagger2";
  /** The document with every non-local `$ref` cut off (nothing is ever fetched). */
  value: JsonObject;
  doc: Document;
  lineCounter: LineCounter;
  externalRefs: number;
}

export type OpenApiParse =
  | { ok: true; spec: ParsedOpenApi }
  | { ok: false; problem: string }
  | { ok: "not-api" };

/** Parses YAML or JSON text and recognises an OpenAPI 3.x or Swagger 2.0 document. */
export function parseOpenApi(text: string): OpenApiParse {
  const lineCounter = new LineCounter();
  let doc: Document;
  let value: unknown;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line;
      return { ok: false, problem: `is not valid YAML or JSON (near line ${line})` };
    }
    value = doc.toJS({ maxAliasCount: maxAliases });
  } catch {
    return { ok: false, problem: `could not be read as YAML or JSON (too many aliases, or malformed)` };
  }
  if (!isObject(value)) return { ok: "not-api" };
  const dialect =
    typeof value.openapi === "string" && /^3\.\d/.test(value.openapi)
      ? "openapi3"
      : value.swagger === "2.0"
        ? "swagger2"
        : null;
  if (!dialect) return { ok: "not-api" };
  const cut = cutExternalRefs(value);
  if (!cut.ok) return { ok: false, problem: cut.problem };
  return { ok: true, spec: { dialect, value, doc, lineCounter, externalRefs: cut.externalRefs } };
}

/**
 * Compares two versions of an OpenAPI description with api-smart-diff. `null` stands for a file that
 * does not exist on that side (added or removed by the pull request).
 */
export async function compareOpenApi(params: {
  file: string;
  base: ParsedOpenApi | null;
  head: ParsedOpenApi | null;
}): Promise<SpecComparison> {
  const { file, base, head } = params;
  let before: JsonObject;
  let after: JsonObject;
  try {
    before = base ? await toOpenApi3(base) : emptySpec();
    after = head ? await toOpenApi3(head) : emptySpec();
  } catch {
    return {
      ok: false,
      problem: "is a Swagger 2.0 document that could not be converted to OpenAPI 3 for comparison",
    };
  }
  let diffs: Diff[];
  try {
    diffs = apiCompare(before, after).diffs;
  } catch {
    return { ok: false, problem: "could not be compared (the comparison failed on its structure)" };
  }
  const changes: ContractChange[] = [];
  for (const diff of diffs) {
    const change = toContractChange(file, diff, head);
    if (change) changes.push(change);
  }
  return { ok: true, changes };
}

function toContractChange(file: string, diff: Diff, head: ParsedOpenApi | null): ContractChange | null {
  const path = diff.path.map((segment) => String(segment));
  // Component schemas are reported where operations use them; the bare component diffs repeat them.
  if (path[0] !== "paths" && path[0] !== "security") return null;
  if (diff.type === "annotation" || diff.type === "unclassified" || diff.type === "deprecated") return null;
  const breaking = diff.type === "breaking" || isBreakingForClients(diff, path);
  if (!breaking && diff.action !== "add") return null;
  const kind = getKind(diff, path, breaking);
  if (!breaking && !listedAdditions.has(kind)) return null;
  // A removed element is not in the head: point at its parent there.
  const located = diff.action === "remove" ? diff.path.slice(0, -1) : diff.path;
  const place = head
    ? locateYamlPath(head.doc, head.lineCounter, located, diff.action === "add" ? diff.after : undefined)
    : undefined;
  return {
    format: "openapi",
    file,
    breaking,
    kind,
    target: getTarget(path),
    description: buildDescription(diff, path),
    ...(place ? { line: place.line, endLine: place.endLine } : {}),
  };
}

/**
 * Two changes api-smart-diff lets pass that break clients of an API description: a property dropped
 * from a response (it reads a response schema like any JSON schema, where dropping a property is
 * allowed; the clients reading it lose the field), and a changed `type` of a response field.
 */
function isBreakingForClients(diff: Diff, path: string[]): boolean {
  if (path[0] !== "paths" || path[3] !== "responses") return false;
  if (diff.action === "remove" && path[path.length - 2] === "properties") return true;
  return diff.action === "replace" && path[path.length - 1] === "type" && path.includes("schema");
}

/** Additions worth listing in the Architecture impact section (not every added annotation). */
const listedAdditions = new Set([
  "path-added",
  "operation-added",
  "parameter-added",
  "response-added",
  "response-field-added",
  "request-field-added",
  "enum-value-added",
  "security-added",
]);

function getKind(diff: Diff, path: string[], breaking: boolean): string {
  const last = path[path.length - 1] ?? "";
  const parent = path[path.length - 2] ?? "";
  const action = diff.action;
  if (path[0] === "security") return breaking ? "security-changed" : "security-added";
  if (path.length === 2) return action === "add" ? "path-added" : "path-removed";
  if (path.length === 3) return action === "add" ? "operation-added" : "operation-removed";
  const section = path[3];
  if (last === "type" && action === "replace") return "type-changed";
  if (path.includes("enum")) return action === "add" ? "enum-value-added" : "enum-value-removed";
  if (section === "responses") {
    if (path.length === 5) return action === "add" ? "response-added" : "response-removed";
    if (parent === "properties") return action === "add" ? "response-field-added" : "response-field-removed";
    return breaking ? "response-changed" : "response-extended";
  }
  if (section === "parameters") {
    if (path.length === 5) {
      if (action === "remove") return "parameter-removed";
      return breaking ? "required-parameter-added" : "parameter-added";
    }
    if (last === "required") return "parameter-made-required";
    return breaking ? "parameter-changed" : "parameter-extended";
  }
  if (section === "requestBody") {
    if (parent === "required" || last === "required")
      return breaking ? "required-field-added" : "field-made-optional";
    if (parent === "properties") {
      if (action === "add") return breaking ? "required-field-added" : "request-field-added";
      return "request-field-removed";
    }
    return breaking ? "request-body-changed" : "request-body-extended";
  }
  return breaking ? "incompatible-change" : "addition";
}

const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function getTarget(path: string[]): string {
  if (path[0] !== "paths") return path.join(".");
  const route = path[1] ?? "";
  const method = path[2];
  return method && methods.has(method) ? `${method.toUpperCase()} ${route}` : route;
}

const actionWords: Record<Diff["action"], string> = {
  add: "Added",
  remove: "Removed",
  replace: "Changed",
  rename: "Renamed",
};

/**
 * The library's sentence, or ours where it has none (it annotates a schema it already met through
 * another operation as a bare "annotation (key)"): the same change then reads the same in every
 * operation, so the review can group them.
 */
function buildDescription(diff: Diff, path: string[]): string {
  const text = (diff.description ?? "").replace(/^\[(Added|Removed|Replaced|Renamed)\]\s*/, "$1 ");
  const schemaAt = path.indexOf("schema");
  const inBody = path[3] === "responses" || path[3] === "requestBody";
  if (schemaAt === -1 || !inBody) {
    return text.trim() !== "" ? text : `${actionWords[diff.action]} ${path.slice(1).join(" › ")}`;
  }
  const where = describeLocation(path);
  const key = path.at(-1);
  const parent = path.at(-2);
  const value = diff.action === "remove" ? diff.before : diff.after;
  if (parent === "required") {
    const owner = describeSchemaPath(path.slice(schemaAt + 1, -2));
    const field = owner ? `${owner}.${String(value)}` : String(value);
    return `${diff.action === "remove" ? "Made optional" : "Made required"}: ${field} in ${where}`;
  }
  if (parent === "enum") {
    const field = describeSchemaPath(path.slice(schemaAt + 1, -2)) || "the body";
    return `${actionWords[diff.action]} enum value ${String(value)} of ${field} in ${where}`;
  }
  const field = describeSchemaPath(path.slice(schemaAt + 1)) || "the body";
  if (parent === "properties") return `${actionWords[diff.action]} property ${field} in ${where}`;
  if (diff.action === "replace") {
    return `Changed ${key} of ${field} from ${String(diff.before)} to ${String(diff.after)} in ${where}`;
  }
  return `${actionWords[diff.action]} ${key} of ${field} in ${where}`;
}

/** `items.allOf.0.properties.id.type` → `[].id` (the field a client sees). */
function describeSchemaPath(segments: string[]): string {
  const names: string[] = [];
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment === "items") names.push("[]");
    else if (segment === "properties" && i + 1 < segments.length) {
      names.push(segments[i + 1] as string);
      i += 1;
    }
  }
  return names.join(".").replace(/\.\[\]/g, "[]");
}

function describeLocation(path: string[]): string {
  if (path[3] === "responses") return `response ${path[4]} (${path[6] ?? "any content"})`;
  if (path[3] === "requestBody") return `the request body (${path[5] ?? "any content"})`;
  if (path[3] === "parameters") return "a parameter";
  return path.slice(1, 4).join(" ");
}

async function toOpenApi3(spec: ParsedOpenApi): Promise<JsonObject> {
  if (spec.dialect === "openapi3") return spec.value;
  // resolve: false — external references are never fetched (and were cut off before).
  const converted = await s2o.convertObj(structuredClone(spec.value) as never, {
    resolve: false,
    resolveInternal: false,
    patch: true,
    warnOnly: true,
  });
  const openapi = converted.openapi as unknown;
  if (!isObject(openapi)) throw new Error("Swagger 2.0 conversion produced no document");
  return openapi;
}

function emptySpec(): JsonObject {
  return { openapi: "3.0.0", info: { title: "", version: "" }, paths: {} };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Walks the document once (iteratively: a deeply nested hostile file cannot overflow the stack), counts
 * its nodes and combiners against the caps, and replaces every `$ref` that is not local (`./other.yaml`,
 * `https://…`) with a marker, so that no library can try to load it.
 */
function cutExternalRefs(
  root: JsonObject,
): { ok: true; externalRefs: number } | { ok: false; problem: string } {
  const stack: Json[] = [root];
  const seen = new Set<object>();
  let nodes = 0;
  let combiners = 0;
  let externalRefs = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    nodes += 1;
    if (nodes > maxNodes)
      return { ok: false, problem: `has more than ${maxNodes.toLocaleString("en")} nodes; not compared` };
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) {
      node["x-unresolved-ref"] = node.$ref;
      delete node.$ref;
      externalRefs += 1;
    }
    for (const key of ["allOf", "oneOf", "anyOf"]) if (Array.isArray(node[key])) combiners += 1;
    if (combiners > maxCombiners) {
      return {
        ok: false,
        problem: `has more than ${maxCombiners.toLocaleString("en")} allOf/oneOf/anyOf schemas; not compared`,
      };
    }
    for (const value of Object.values(node)) stack.push(value);
  }
  return { ok: true, externalRefs };
}
