import { type Change, CriticalityLevel, diff } from "@graphql-inspector/core";
import {
  buildASTSchema,
  type DefinitionNode,
  type DocumentNode,
  GraphQLSchema,
  Kind,
  type Location,
  type NameNode,
  parse,
  visit,
} from "graphql";
import { type ContractChange, type SpecComparison, toKebabCase } from "./contract-change.js";

/** Lexer tokens at most: graphql-js stops parsing past this (bounds a hostile file's cost). */
const maxTokens = 200_000;

const builtInScalars = new Set(["String", "Int", "Float", "Boolean", "ID"]);

export interface ParsedGraphql {
  schema: GraphQLSchema;
  /** Definitions by name (type, extension), for finding lines. */
  document: DocumentNode;
}

export type GraphqlParse =
  | { ok: true; spec: ParsedGraphql }
  | { ok: false; problem: string }
  | { ok: "not-api" };

/**
 * Parses GraphQL SDL into a schema. A file may be one part of a schema split over several files: types
 * it uses but does not define become placeholder scalars, and `extend type X` of a type defined
 * elsewhere stands for that type. A document of operations only (queries, fragments) is not a schema.
 */
export function parseGraphql(text: string): GraphqlParse {
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens });
  } catch (error) {
    if (error instanceof Error && /more th\w+ \d+ tokens/.test(error.message)) {
      return { ok: false, problem: `has more than ${maxTokens.toLocaleString("en")} tokens; not compared` };
    }
    const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line;
    return {
      ok: false,
      problem: line ? `is not valid GraphQL (syntax error near line ${line})` : "is not valid GraphQL",
    };
  }
  const typeSystem = document.definitions.filter(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION,
  );
  if (typeSystem.length === 0) return { ok: "not-api" };
  try {
    const completed = completeDocument(typeSystem);
    const schema = buildASTSchema(completed, { assumeValid: true, assumeValidSDL: true });
    return { ok: true, spec: { schema, document: { ...document, definitions: typeSystem } } };
  } catch {
    return { ok: false, problem: "is GraphQL that could not be built into a schema" };
  }
}

const extensionToDefinition: Partial<Record<Kind, Kind>> = {
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
};

function completeDocument(definitions: DefinitionNode[]): DocumentNode {
  const defined = new Set<string>();
  for (const definition of definitions) {
    if (!(definition.kind in extensionToDefinition) && "name" in definition && definition.name) {
      defined.add(definition.name.value);
    }
  }
  const completed: DefinitionNode[] = [];
  for (const definition of definitions) {
    const asDefinition = extensionToDefinition[definition.kind];
    if (asDefinition && "name" in definition && definition.name && !defined.has(definition.name.value)) {
      defined.add(definition.name.value);
      completed.push({ ...definition, kind: asDefinition } as DefinitionNode);
    } else completed.push(definition);
  }
  const used = new Set<string>();
  visit(
    { kind: Kind.DOCUMENT, definitions: completed },
    {
      NamedType(node) {
        used.add(node.name.value);
      },
    },
  );
  for (const name of used) {
    if (defined.has(name) || builtInScalars.has(name)) continue;
    completed.push({ kind: Kind.SCALAR_TYPE_DEFINITION, name: { kind: Kind.NAME, value: name } });
  }
  return { kind: Kind.DOCUMENT, definitions: completed };
}

/**
 * Compares two versions of a GraphQL schema with @graphql-inspector/core; every change it rates
 * breaking is a break, and additions are listed. `null` stands for a file absent on that side.
 */
export async function compareGraphql(params: {
  file: string;
  base: ParsedGraphql | null;
  head: ParsedGraphql | null;
}): Promise<SpecComparison> {
  const before = params.base?.schema ?? new GraphQLSchema({});
  const after = params.head?.schema ?? new GraphQLSchema({});
  let changes: Change[];
  try {
    changes = await diff(before, after);
  } catch {
    return { ok: false, problem: "could not be compared (the schema comparison failed)" };
  }
  const lines = params.head ? indexLines(params.head.document) : new Map<string, Place>();
  const result: ContractChange[] = [];
  for (const change of changes) {
    const breaking = change.criticality.level === CriticalityLevel.Breaking;
    const type = String(change.type);
    if (!breaking && !isListedAddition(change, type)) continue;
    const target = change.path ?? "";
    const place = findPlace(lines, target);
    result.push({
      format: "graphql",
      file: params.file,
      breaking,
      kind: toKebabCase(type),
      target,
      description: change.message,
      ...(place ? { line: place.line, endLine: place.endLine } : {}),
    });
  }
  return { ok: true, changes: result };
}

/** Additions of schema elements (types, fields, arguments, enum values…), not of descriptions or directives. */
function isListedAddition(change: Change, type: string): boolean {
  return (
    change.criticality.level !== CriticalityLevel.Breaking &&
    type.endsWith("_ADDED") &&
    !/DESCRIPTION|DEPRECATION|DIRECTIVE_USAGE|DEFAULT/.test(type)
  );
}

/** `Type`, `Type.field`, `Type.field.arg`, `Enum.VALUE`, `@directive` → line in the head file. */
interface Place {
  line: number;
  endLine: number;
}

function indexLines(document: DocumentNode): Map<string, Place> {
  const lines = new Map<string, Place>();
  const put = (key: string, node: { name: NameNode; loc?: Location | undefined }) => {
    if (lines.has(key) || !node.name.loc) return;
    const line = node.name.loc.startToken.line;
    lines.set(key, { line, endLine: Math.max(line, node.loc?.endToken.line ?? line) });
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) {
      put(`@${definition.name.value}`, definition);
      for (const arg of definition.arguments ?? []) put(`@${definition.name.value}.${arg.name.value}`, arg);
      continue;
    }
    if (!("name" in definition) || !definition.name) continue;
    const typeName = definition.name.value;
    put(typeName, definition as { name: NameNode; loc?: Location });
    if ("fields" in definition) {
      for (const field of definition.fields ?? []) {
        put(`${typeName}.${field.name.value}`, field);
        if ("arguments" in field) {
          for (const arg of field.arguments ?? [])
            put(`${typeName}.${field.name.value}.${arg.name.value}`, arg);
        }
      }
    }
    if ("values" in definition) {
      for (const value of definition.values ?? []) put(`${typeName}.${value.name.value}`, value);
    }
  }
  return lines;
}

function findPlace(lines: Map<string, Place>, path: string): Place | undefined {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n -= 1) {
    const place = lines.get(parts.slice(0, n).join("."));
    if (place !== undefined) return place;
  }
  return undefined;
}
