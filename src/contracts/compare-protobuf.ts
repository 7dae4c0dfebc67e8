import protobuf from "protobufjs";
import type { ContractChange, SpecComparison } from "./contract-change.js";

/** Elements at most per file (messages, fields, enum values, rpcs); bounds a hostile file's cost. */
const maxElements = 50_000;

interface FieldShape {
  name: string;
  type: string;
  label: "repeated" | "map" | "single";
}
interface MessageShape {
  kind: "message";
  /** By field number. */
  fields: Map<number, FieldShape>;
}
interface EnumShape {
  kind: "enum";
  /** Value name → number. */
  values: Map<string, number>;
}
interface MethodShape {
  requestType: string;
  responseType: string;
  requestStream: boolean;
  responseStream: boolean;
}
interface ServiceShape {
  kind: "service";
  methods: Map<string, MethodShape>;
}
type ElementShape = MessageShape | EnumShape | ServiceShape;

export interface ParsedProtobuf {
  packageName: string;
  /** By name relative to the package (`Order`, `Order.Item`, `OrderService`). */
  elements: Map<string, ElementShape>;
  /** Relative element path (`Order.total`, `OrderService.Get`, `Status.ACTIVE`) → its lines in the file. */
  lines: Map<string, { line: number; endLine: number }>;
}

export type ProtobufParse = { ok: true; spec: ParsedProtobuf } | { ok: false; problem: string };

/**
 * Parses a .proto file with protobufjs (syntax only: imports are not loaded, types are compared by the
 * names the file writes) and records the line of every message, field, enum value, service and rpc.
 */
export function parseProtobuf(text: string): ProtobufParse {
  let parsed: protobuf.IParserResult;
  try {
    parsed = protobuf.parse(text, { keepCase: true });
  } catch (error) {
    const line = /line (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    return {
      ok: false,
      problem: line ? `is not valid protobuf (syntax error near line ${line})` : "is not valid protobuf",
    };
  }
  const packageName = parsed.package ?? "";
  const elements = new Map<string, ElementShape>();
  const prefix = packageName ? `.${packageName}.` : ".";
  // Breadth first, in file order: changes are reported in the order the file declares its elements.
  const queue: protobuf.ReflectionObject[] = [...(parsed.root.nestedArray ?? [])];
  let count = 0;
  for (let next = 0; next < queue.length; next += 1) {
    const object = queue[next] as protobuf.ReflectionObject;
    count += 1;
    if (count > maxElements)
      return {
        ok: false,
        problem: `has more than ${maxElements.toLocaleString("en")} elements; not compared`,
      };
    const name = object.fullName.startsWith(prefix)
      ? object.fullName.slice(prefix.length)
      : object.fullName.slice(1);
    if (object instanceof protobuf.Type) {
      const fields = new Map<number, FieldShape>();
      for (const field of object.fieldsArray) {
        const label = field instanceof protobuf.MapField ? "map" : field.repeated ? "repeated" : "single";
        const type = field instanceof protobuf.MapField ? `map<${field.keyType}, ${field.type}>` : field.type;
        fields.set(field.id, { name: field.name, type, label });
        count += 1;
      }
      elements.set(name, { kind: "message", fields });
    } else if (object instanceof protobuf.Enum) {
      elements.set(name, { kind: "enum", values: new Map(Object.entries(object.values)) });
      count += Object.keys(object.values).length;
    } else if (object instanceof protobuf.Service) {
      const methods = new Map<string, MethodShape>();
      for (const method of object.methodsArray) {
        methods.set(method.name, {
          requestType: method.requestType,
          responseType: method.responseType,
          requestStream: Boolean(method.requestStream),
          responseStream: Boolean(method.responseStream),
        });
      }
      elements.set(name, { kind: "service", methods });
    }
    if (object instanceof protobuf.Namespace) queue.push(...object.nestedArray);
  }
  return { ok: true, spec: { packageName, elements, lines: indexLines(text) } };
}

/**
 * Compares two versions of a .proto file structurally, by the rules of wire and generated-code
 * compatibility: removed or renumbered fields, changed field types or cardinality, removed enum values,
 * messages, enums, services and rpcs, changed rpc signatures, a changed package. `null` stands for a file
 * absent on that side.
 */
export function compareProtobuf(params: {
  file: string;
  base: ParsedProtobuf | null;
  head: ParsedProtobuf | null;
}): SpecComparison {
  const { file } = params;
  const base = params.base ?? emptyProto(params.head?.packageName ?? "");
  const head = params.head ?? emptyProto(base.packageName);
  const changes: ContractChange[] = [];
  const placeOf = (path: string): { line: number; endLine: number } | undefined => {
    const parts = path.split(".");
    for (let n = parts.length; n > 0; n -= 1) {
      const place = head.lines.get(parts.slice(0, n).join("."));
      if (place !== undefined) return place;
    }
    return undefined;
  };
  const add = (breaking: boolean, kind: string, target: string, description: string, at = target) => {
    const place = params.head ? placeOf(at) : undefined;
    changes.push({
      format: "protobuf",
      file,
      breaking,
      kind,
      target,
      description,
      ...(place ? { line: place.line, endLine: place.endLine } : {}),
    });
  };

  if (params.base && params.head && base.packageName !== head.packageName) {
    add(
      true,
      "package-changed",
      head.packageName,
      `Package changed from ${base.packageName || "(none)"} to ${head.packageName || "(none)"}: every message and service gets a new full name`,
      "",
    );
  }
  for (const [name, before] of base.elements) {
    const after = head.elements.get(name);
    const parent = name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : "";
    if (!after || after.kind !== before.kind) {
      // Report only the outermost removed element.
      if (parent && !head.elements.has(parent) && base.elements.has(parent)) continue;
      add(true, `${before.kind}-removed`, name, `${capitalize(before.kind)} ${name} was removed`, parent);
      continue;
    }
    if (before.kind === "message" && after.kind === "message") compareMessage(name, before, after, add);
    if (before.kind === "enum" && after.kind === "enum") compareEnum(name, before, after, add);
    if (before.kind === "service" && after.kind === "service") compareService(name, before, after, add);
  }
  for (const [name, after] of head.elements) {
    if (!base.elements.has(name))
      add(false, `${after.kind}-added`, name, `${capitalize(after.kind)} ${name} was added`);
  }
  return { ok: true, changes };
}

type Add = (breaking: boolean, kind: string, target: string, description: string, at?: string) => void;

function compareMessage(name: string, before: MessageShape, after: MessageShape, add: Add): void {
  const headNumberByName = new Map([...after.fields].map(([number, field]) => [field.name, number]));
  for (const [number, field] of before.fields) {
    const now = after.fields.get(number);
    const target = `${name}.${field.name}`;
    if (!now) {
      const moved = headNumberByName.get(field.name);
      if (moved !== undefined) {
        add(
          true,
          "field-renumbered",
          target,
          `Field ${target} changed number from ${number} to ${moved}: old and new clients read each other's data as unknown or wrong fields`,
        );
      } else {
        add(
          true,
          "field-removed",
          target,
          `Field ${target} (number ${number}) was removed: clients that send or read it lose it; reserve the number and name so they are never reused`,
          name,
        );
      }
      continue;
    }
    const nowTarget = `${name}.${now.name}`;
    if (now.name !== field.name) {
      add(
        true,
        "field-renamed",
        nowTarget,
        `Field number ${number} of ${name} was renamed from ${field.name} to ${now.name}: JSON and generated code break`,
      );
    }
    if (now.type !== field.type) {
      add(
        true,
        "field-type-changed",
        nowTarget,
        `Field ${nowTarget} changed type from ${field.type} to ${now.type}`,
      );
    }
    if (now.label !== field.label) {
      add(
        true,
        "field-label-changed",
        nowTarget,
        `Field ${nowTarget} changed from ${field.label} to ${now.label}`,
      );
    }
  }
  const baseNames = new Set([...before.fields.values()].map((field) => field.name));
  for (const [number, field] of after.fields) {
    if (!before.fields.has(number) && !baseNames.has(field.name)) {
      add(
        false,
        "field-added",
        `${name}.${field.name}`,
        `Field ${name}.${field.name} (number ${number}) was added`,
      );
    }
  }
}

function compareEnum(name: string, before: EnumShape, after: EnumShape, add: Add): void {
  for (const [value, number] of before.values) {
    const now = after.values.get(value);
    const target = `${name}.${value}`;
    if (now === undefined)
      add(true, "enum-value-removed", target, `Enum value ${target} (${number}) was removed`, name);
    else if (now !== number)
      add(
        true,
        "enum-value-renumbered",
        target,
        `Enum value ${target} changed number from ${number} to ${now}`,
      );
  }
  for (const [value, number] of after.values) {
    if (!before.values.has(value))
      add(false, "enum-value-added", `${name}.${value}`, `Enum value ${name}.${value} (${number}) was added`);
  }
}

function compareService(name: string, before: ServiceShape, after: ServiceShape, add: Add): void {
  for (const [method, shape] of before.methods) {
    const now = after.methods.get(method);
    const target = `${name}.${method}`;
    if (!now) {
      add(true, "rpc-removed", target, `RPC ${target} was removed`, name);
      continue;
    }
    if (now.requestType !== shape.requestType || now.responseType !== shape.responseType) {
      add(
        true,
        "rpc-signature-changed",
        target,
        `RPC ${target} changed from (${shape.requestType}) returns (${shape.responseType}) to (${now.requestType}) returns (${now.responseType})`,
      );
    }
    if (now.requestStream !== shape.requestStream || now.responseStream !== shape.responseStream) {
      add(
        true,
        "rpc-streaming-changed",
        target,
        `RPC ${target} changed streaming (request ${describeStream(shape.requestStream)} → ${describeStream(now.requestStream)}, response ${describeStream(shape.responseStream)} → ${describeStream(now.responseStream)})`,
      );
    }
  }
  for (const method of after.methods.keys()) {
    if (!before.methods.has(method))
      add(false, "rpc-added", `${name}.${method}`, `RPC ${name}.${method} was added`);
  }
}

function describeStream(stream: boolean): string {
  return stream ? "stream" : "unary";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function emptyProto(packageName: string): ParsedProtobuf {
  return { packageName, elements: new Map(), lines: new Map() };
}

/**
 * Lines of named elements, from protobufjs's tokenizer (which skips comments and strings): a stack of
 * `message`/`enum`/`service` blocks, rpcs by name, fields and enum values by the name before `=`.
 */
function indexLines(text: string): Map<string, { line: number; endLine: number }> {
  const lines = new Map<string, { line: number; endLine: number }>();
  const stack: { name: string | null; key: string | null }[] = [];
  const scope = () => stack.flatMap((frame) => (frame.name === null ? [] : [frame.name]));
  const record = (name: string, line: number): string => {
    const key = [...scope(), name].join(".");
    if (!lines.has(key)) lines.set(key, { line, endLine: line });
    return key;
  };
  let pending: { name: string | null; key: string | null } | undefined;
  let previous: string | null = null;
  try {
    const tokens = protobuf.tokenize(text, false);
    for (let token = tokens.next(); token !== null; token = tokens.next()) {
      if (token === "message" || token === "enum" || token === "service") {
        const name = tokens.next();
        if (name === null) break;
        pending = { name, key: record(name, tokens.line) };
      } else if (token === "rpc") {
        const name = tokens.next();
        if (name === null) break;
        pending = { name: null, key: record(name, tokens.line) };
      } else if (token === "{") {
        stack.push(pending ?? { name: null, key: null });
        pending = undefined;
      } else if (token === "}") {
        const frame = stack.pop();
        const place = frame?.key ? lines.get(frame.key) : undefined;
        if (place) place.endLine = Math.max(place.line, tokens.line);
      } else if (token === ";") {
        pending = undefined;
      } else if (token === "=" && previous !== null && /^[A-Za-z_]\w*$/.test(previous)) {
        record(previous, tokens.line);
      }
      previous = token;
    }
  } catch {
    // The parser accepted the file; a tokenizer hiccup only costs line numbers.
  }
  return lines;
}
