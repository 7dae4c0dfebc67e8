/**
 * Times the contract comparison (parse both versions + compare) on synthetic API descriptions of growing
 * size, up to the 1 MB cap a file may have: OpenAPI 3 (operations sharing component schemas, with allOf),
 * GraphQL SDL (object types with arguments) and protobuf (messages and a service). The head version
 * removes every tenth operation / type / message and adds a field to the others.
 *   npm run build && node lib/bench/bench-contracts.js
 * Prints one line per case, then one JSON object: [{ format, elements, bytes, ms, breaking, additions }].
 */
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { compareGraphql, parseGraphql } from "../contracts/compare-graphql.js";
import { compareOpenApi, parseOpenApi } from "../contracts/compare-openapi.js";
import { compareProtobuf, parseProtobuf } from "../contracts/compare-protobuf.js";
import type { SpecComparison } from "../contracts/contract-change.js";

function buildOpenApi(operations: number, head: boolean): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < operations; i += 1) {
    if (head && i % 10 === 0) continue;
    const properties: Record<string, unknown> = {
      id: { type: "string" },
      name: { type: "string" },
      total: { type: "integer" },
    };
    if (head) properties.note = { type: "string" };
    schemas[`Item${i}`] = {
      allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["id"], properties }],
    };
    paths[`/items${i}/{id}`] = {
      get: {
        operationId: `getItem${i}`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: `#/components/schemas/Item${i}` } } },
          },
          "404": { description: "not found" },
        },
      },
    };
  }
  schemas.Base = { type: "object", properties: { createdAt: { type: "string", format: "date-time" } } };
  return stringify({
    openapi: "3.0.3",
    info: { title: "bench", version: "1" },
    paths,
    components: { schemas },
  });
}

function buildGraphql(types: number, head: boolean): string {
  const parts: string[] = [];
  const fields: string[] = [];
  for (let i = 0; i < types; i += 1) {
    if (head && i % 10 === 0) continue;
    parts.push(
      `type Item${i} {\n  id: ID!\n  name: String\n  total(currency: String = "EUR"): Int${head ? "\n  note: String" : ""}\n}`,
    );
    fields.push(`  item${i}(id: ID!): Item${i}`);
  }
  return `type Query {\n${fields.join("\n")}\n}\n\n${parts.join("\n\n")}\n`;
}

function buildProtobuf(messages: number, head: boolean): string {
  const parts: string[] = ['syntax = "proto3";', "package bench.v1;"];
  const rpcs: string[] = [];
  for (let i = 0; i < messages; i += 1) {
    if (head && i % 10 === 0) continue;
    parts.push(
      `message Item${i} {\n  string id = 1;\n  string name = 2;\n  int64 total = 3;${head ? "\n  string note = 4;" : ""}\n}`,
    );
    rpcs.push(`  rpc GetItem${i}(Item${i}) returns (Item${i});`);
  }
  parts.push(`service Items {\n${rpcs.join("\n")}\n}`);
  return `${parts.join("\n\n")}\n`;
}

async function time(
  run: () => Promise<SpecComparison> | SpecComparison,
): Promise<{ ms: number; result: SpecComparison }> {
  await run(); // warm-up
  const start = performance.now();
  const result = await run();
  return { ms: Math.round(performance.now() - start), result };
}

const rows: {
  format: string;
  elements: number;
  bytes: number;
  ms: number;
  breaking: number;
  additions: number;
}[] = [];
const cases: {
  format: string;
  sizes: number[];
  build: (n: number, head: boolean) => string;
  compare: (base: string, head: string) => Promise<SpecComparison> | SpecComparison;
}[] = [
  {
    format: "openapi",
    sizes: [100, 1000, 2000],
    build: buildOpenApi,
    compare: (base, head) => {
      const b = parseOpenApi(base);
      const h = parseOpenApi(head);
      if (b.ok !== true || h.ok !== true) throw new Error("bench spec did not parse");
      return compareOpenApi({ file: "bench.yaml", base: b.spec, head: h.spec });
    },
  },
  {
    format: "graphql",
    sizes: [100, 1000, 5000],
    build: buildGraphql,
    compare: (base, head) => {
      const b = parseGraphql(base);
      const h = parseGraphql(head);
      if (b.ok !== true || h.ok !== true) throw new Error("bench schema did not parse");
      return compareGraphql({ file: "bench.graphql", base: b.spec, head: h.spec });
    },
  },
  {
    format: "protobuf",
    sizes: [100, 1000, 5000],
    build: buildProtobuf,
    compare: (base, head) => {
      const b = parseProtobuf(base);
      const h = parseProtobuf(head);
      if (b.ok !== true || h.ok !== true) throw new Error("bench proto did not parse");
      return compareProtobuf({ file: "bench.proto", base: b.spec, head: h.spec });
    },
  },
];

for (const { format, sizes, build, compare } of cases) {
  for (const size of sizes) {
    const base = build(size, false);
    const head = build(size, true);
    const { ms, result } = await time(() => compare(base, head));
    const changes = result.ok ? result.changes : [];
    const row = {
      format,
      elements: size,
      bytes: Buffer.byteLength(head),
      ms,
      breaking: changes.filter((c) => c.breaking).length,
      additions: changes.filter((c) => !c.breaking).length,
    };
    rows.push(row);
    console.log(
      `${format.padEnd(8)} ${String(size).padStart(5)} elements ${String(Math.round(row.bytes / 1024)).padStart(5)} KB  ${String(ms).padStart(6)} ms  ${row.breaking} breaking, ${row.additions} additions`,
    );
  }
}
console.log(JSON.stringify(rows));
