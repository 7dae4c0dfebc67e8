import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { compareGraphql, parseGraphql } from "../../src/contracts/compare-graphql.js";
import { compareOpenApi, type ParsedOpenApi, parseOpenApi } from "../../src/contracts/compare-openapi.js";
import { compareProtobuf, parseProtobuf } from "../../src/contracts/compare-protobuf.js";
import type { ContractChange, SpecComparison } from "../../src/contracts/contract-change.js";

function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/contracts/${name}`, import.meta.url), "utf8");
}

function openApi(text: string): ParsedOpenApi {
  const parsed = parseOpenApi(text);
  if (parsed.ok !== true) throw new Error(`not parsed: ${JSON.stringify(parsed)}`);
  return parsed.spec;
}

function changesOf(comparison: SpecComparison): ContractChange[] {
  if (!comparison.ok) throw new Error(comparison.problem);
  return comparison.changes;
}

/** [kind, target, line] of the breaking changes, and of the additions. */
function summarize(changes: ContractChange[]) {
  const rows = (breaking: boolean) =>
    changes.filter((c) => c.breaking === breaking).map((c) => [c.kind, c.target, c.line] as const);
  return { breaking: rows(true), additions: rows(false) };
}

describe("OpenAPI 3 (petstore-expanded, OAI)", () => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());

  it("reports removed operations, new required parameters and fields, changed types and narrowed responses", async () => {
    const changes = changesOf(
      await compareOpenApi({
        file: "api/petstore.yaml",
        base: openApi(readFixture("petstore-expanded.base.yaml")),
        head: openApi(readFixture("petstore-expanded.head.yaml")),
      }),
    );
    const { breaking, additions } = summarize(changes);
    expect(breaking).toEqual([
      ["required-parameter-added", "GET /pets", 23],
      ["response-changed", "GET /pets", 124],
      ["type-changed", "GET /pets", 125],
      ["response-field-removed", "GET /pets", 132],
      ["required-field-added", "POST /pets", 131],
      ["required-field-added", "POST /pets", 135],
      ["response-changed", "POST /pets", 124],
      ["type-changed", "POST /pets", 125],
      ["response-field-removed", "POST /pets", 132],
      ["operation-removed", "DELETE /pets/{id}", 83],
      ["response-changed", "GET /pets/{id}", 124],
      ["type-changed", "GET /pets/{id}", 125],
      ["response-field-removed", "GET /pets/{id}", 132],
    ]);
    expect(additions).toEqual([
      ["response-field-added", "GET /pets", 135],
      ["response-field-added", "POST /pets", 135],
      ["response-field-added", "GET /pets/{id}", 135],
      ["operation-added", "GET /owners", 109],
    ]);
    const byKind = (kind: string) => changes.filter((c) => c.kind === kind).map((c) => c.description);
    expect(byKind("operation-removed")).toEqual(["Removed operation DELETE /pets/{id}"]);
    expect(byKind("required-parameter-added")).toEqual(["Added required query parameter `owner`"]);
    expect(byKind("type-changed")).toEqual([
      "Changed type of [].id from integer to string in response 200 (application/json)",
      "Changed type of id from integer to string in response 200 (application/json)",
      "Changed type of id from integer to string in response 200 (application/json)",
    ]);
    expect(byKind("response-field-removed")[0]).toBe(
      "Removed property [].tag in response 200 (application/json)",
    );
  });

  it("finds the line of the changed key in the head file", async () => {
    const head = readFixture("petstore-expanded.head.yaml").split("\n");
    expect(head[23 - 1]).toBe("        - name: owner");
    expect(head[125 - 1]).toBe("              type: string");
    expect(head[109 - 1]).toBe("    get:"); // the added operation
    expect(head[83 - 1]).toBe("  /pets/{id}:"); // the removed DELETE's surviving parent
  });

  it("reads Swagger 2.0 (petstore, OAI) through a conversion to OpenAPI 3", async () => {
    const changes = changesOf(
      await compareOpenApi({
        file: "swagger.yaml",
        base: openApi(readFixture("petstore-swagger2.base.yaml")),
        head: openApi(readFixture("petstore-swagger2.head.yaml")),
      }),
    );
    expect(summarize(changes).breaking).toEqual([
      ["operation-removed", "POST /pets", 16],
      ["parameter-made-required", "GET /pets", 26],
      ["response-field-removed", "GET /pets", 69],
      ["response-field-removed", "GET /pets/{petId}", 69],
    ]);
    expect(readFixture("petstore-swagger2.head.yaml").split("\n")[26 - 1]).toBe("          required: true");
  });

  it("treats an added file as all additions and a removed file as all removals", async () => {
    const spec = openApi(readFixture("petstore-expanded.base.yaml"));
    const added = summarize(changesOf(await compareOpenApi({ file: "a.yaml", base: null, head: spec })));
    expect(added.breaking).toEqual([]);
    expect(added.additions.map(([kind, target]) => `${kind} ${target}`)).toEqual([
      "operation-added GET /pets",
      "operation-added POST /pets",
      "operation-added GET /pets/{id}",
      "operation-added DELETE /pets/{id}",
    ]);
    const removed = summarize(changesOf(await compareOpenApi({ file: "a.yaml", base: spec, head: null })));
    expect(removed.breaking).toEqual([
      ["operation-removed", "GET /pets", undefined],
      ["operation-removed", "POST /pets", undefined],
      ["operation-removed", "GET /pets/{id}", undefined],
      ["operation-removed", "DELETE /pets/{id}", undefined],
    ]);
  });

  it("never follows a remote or relative $ref (no network: nock refuses every connection)", async () => {
    const base = `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /orders:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "https://attacker.example/schemas/order.yaml"
  /items:
    get:
      responses:
        "200": { $ref: "./responses.yaml#/Items" }
`;
    const parsedBase = openApi(base);
    expect(parsedBase.externalRefs).toBe(2);
    const head = base.replace(/ {2}\/items:\n[\s\S]*$/, "");
    const { breaking } = summarize(
      changesOf(await compareOpenApi({ file: "o.yaml", base: parsedBase, head: openApi(head) })),
    );
    // The removed operation's nearest surviving parent in the head is `paths:` (line 3).
    expect(breaking).toEqual([["operation-removed", "GET /items", 3]]);
  });
});

describe("OpenAPI: hostile or unusual input", () => {
  it.each([
    {
      name: "broken YAML",
      text: "openapi: 3.0.0\npaths: [\n  - a: b\n c",
      problem: /^is not valid YAML or JSON \(near line \d+\)$/,
    },
    {
      name: "an alias bomb",
      text: `openapi: 3.0.0\na: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`,
      problem: /^could not be read as YAML or JSON/,
    },
    {
      name: "too many nodes",
      text: JSON.stringify({
        openapi: "3.0.0",
        paths: {},
        "x-big": Array.from({ length: 210_000 }, () => ({})),
      }),
      problem: /^has more than 200,000 nodes; not compared$/,
    },
  ])("$name is a problem in our words", ({ text, problem }) => {
    const parsed = parseOpenApi(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.problem).toMatch(problem);
  });

  it.each([
    { name: "a Kubernetes manifest", text: "apiVersion: v1\nkind: Service\n" },
    { name: "a JSON list", text: "[1, 2, 3]" },
    { name: "an AsyncAPI document", text: "asyncapi: 2.6.0\n" },
  ])("$name is not an API description", ({ text }) => {
    expect(parseOpenApi(text)).toEqual({ ok: "not-api" });
  });

  it("reads JSON and finds lines in it", async () => {
    const base = JSON.stringify(
      {
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {
          "/a": { get: { responses: { "200": { description: "ok" } } } },
          "/b": { get: { responses: { "200": { description: "ok" } } } },
        },
      },
      null,
      2,
    );
    const head = base.replace('"/b"', '"/c"');
    const { breaking, additions } = summarize(
      changesOf(await compareOpenApi({ file: "o.json", base: openApi(base), head: openApi(head) })),
    );
    expect(breaking).toEqual([["operation-removed", "GET /b", 7]]);
    expect(additions).toEqual([["operation-added", "GET /c", 18]]);
    expect(head.split("\n")[7 - 1]).toContain('"paths"');
    expect(head.split("\n")[18 - 1]).toContain('"get"');
  });
});

describe("GraphQL (swapi-graphql schema)", () => {
  it("reports every breaking change @graphql-inspector/core rates breaking, on the head's lines", async () => {
    const parse = (name: string) => {
      const parsed = parseGraphql(readFixture(name));
      if (parsed.ok !== true) throw new Error("not parsed");
      return parsed.spec;
    };
    const changes = changesOf(
      await compareGraphql({
        file: "schema.graphql",
        base: parse("swapi.base.graphql"),
        head: parse("swapi.head.graphql"),
      }),
    );
    expect(summarize(changes)).toEqual({
      breaking: [
        ["field-removed", "Film.producers", 6],
        ["field-type-changed", "Person.height", 57],
        ["field-argument-type-changed", "Root.person.id", 73],
      ],
      additions: [["field-added", "PageInfo.totalCount", 48]],
    });
    expect(changes.find((c) => c.kind === "field-type-changed")?.description).toBe(
      "Field 'Person.height' changed type from 'Int' to 'Float'",
    );
    const head = readFixture("swapi.head.graphql").split("\n");
    expect(head[57 - 1]).toBe("  height: Float");
    expect(head[73 - 1]).toBe("  person(id: ID!, personID: ID): Person");
  });

  it("compares one file of a split schema (extend type of a type defined elsewhere, types from other files)", async () => {
    const base = parseGraphql("extend type Query {\n  order(id: ID!): Order\n  orders: [Order!]!\n}\n");
    const head = parseGraphql("extend type Query {\n  order(id: ID!): Order\n}\n");
    if (base.ok !== true || head.ok !== true) throw new Error("not parsed");
    const { breaking } = summarize(
      changesOf(await compareGraphql({ file: "q.graphql", base: base.spec, head: head.spec })),
    );
    expect(breaking).toEqual([["field-removed", "Query.orders", 1]]);
  });

  it.each([
    {
      name: "a syntax error",
      text: "type Query {\n  a: String\n  b(: Int\n}",
      expected: { ok: false, problem: "is not valid GraphQL (syntax error near line 3)" },
    },
    {
      name: "operations only (a client query file)",
      text: "query Q { film { title } }",
      expected: { ok: "not-api" },
    },
    {
      name: "more tokens than the limit",
      text: `type Query {\n${Array.from({ length: 70_000 }, (_, i) => `  f${i}: String`).join("\n")}\n}`,
      expected: { ok: false, problem: "has more than 200,000 tokens; not compared" },
    },
  ])("$name", ({ text, expected }) => {
    expect(parseGraphql(text)).toEqual(expected);
  });
});

describe("protobuf (grpc-go route_guide.proto)", () => {
  const parse = (name: string) => {
    const parsed = parseProtobuf(readFixture(name));
    if (parsed.ok !== true) throw new Error("not parsed");
    return parsed.spec;
  };

  it("reports removed, renumbered and retyped fields and changed rpcs structurally", () => {
    const changes = changesOf(
      compareProtobuf({
        file: "route_guide.proto",
        base: parse("route_guide.base.proto"),
        head: parse("route_guide.head.proto"),
      }),
    );
    expect(summarize(changes)).toEqual({
      breaking: [
        ["rpc-streaming-changed", "RouteGuide.ListFeatures", 30],
        ["field-removed", "RouteNote.message", 69],
        ["field-type-changed", "RouteSummary.distance", 85],
        ["field-renumbered", "RouteSummary.elapsed_time", 88],
      ],
      additions: [["rpc-added", "RouteGuide.DeleteFeature", 39]],
    });
    const head = readFixture("route_guide.head.proto").split("\n");
    expect(head[85 - 1]).toBe("  int64 distance = 3;");
    expect(head[88 - 1]).toBe("  int32 elapsed_time = 5;");
    expect(head[69 - 1]).toBe("message RouteNote {");
  });

  it("reports removed messages, enums, enum values, services and a changed package", () => {
    const base = parseProtobuf(`syntax = "proto3";
package shop.v1;
enum Status { STATUS_UNSPECIFIED = 0; ACTIVE = 1; CLOSED = 2; }
message Order { string id = 1; map<string, int32> lines = 2; repeated string tags = 3; }
message Refund { string id = 1; }
service Orders { rpc Get(Order) returns (Order); }
service Refunds { rpc Make(Refund) returns (Refund); }
`);
    const head = parseProtobuf(`syntax = "proto3";
package shop.v1;
enum Status { STATUS_UNSPECIFIED = 0; ACTIVE = 1; }
message Order { string id = 1; map<string, int64> lines = 2; string tags = 3; }
service Orders { rpc Get(Order) returns (Refund); }
`);
    if (base.ok !== true || head.ok !== true) throw new Error("not parsed");
    expect(
      summarize(changesOf(compareProtobuf({ file: "o.proto", base: base.spec, head: head.spec }))).breaking,
    ).toEqual([
      ["enum-value-removed", "Status.CLOSED", 3],
      ["field-type-changed", "Order.lines", 4],
      ["field-label-changed", "Order.tags", 4],
      ["message-removed", "Refund", undefined],
      ["rpc-signature-changed", "Orders.Get", 5],
      ["service-removed", "Refunds", undefined],
    ]);
    const moved = parseProtobuf(
      'syntax = "proto3";\npackage shop.v2;\nenum Status { STATUS_UNSPECIFIED = 0; ACTIVE = 1; }\n',
    );
    if (moved.ok !== true) throw new Error("not parsed");
    expect(
      summarize(changesOf(compareProtobuf({ file: "o.proto", base: head.spec, head: moved.spec })))
        .breaking[0],
    ).toEqual(["package-changed", "shop.v2", undefined]);
  });

  it("says where a syntax error is, in its own words", () => {
    expect(parseProtobuf('syntax = "proto3";\nmessage A {\n  string a = ;\n}\n')).toEqual({
      ok: false,
      problem: "is not valid protobuf (syntax error near line 3)",
    });
  });
});
