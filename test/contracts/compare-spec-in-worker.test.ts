import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { stringify } from "yaml";
import { compareSpecInWorker } from "../../src/contracts/compare-spec-in-worker.js";

function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/contracts/${name}`, import.meta.url), "utf8");
}

/** An OpenAPI description with `operations` operations, each with its own allOf schema. */
function buildLargeOpenApi(operations: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    Base: { type: "object", properties: { at: { type: "string" } } },
  };
  for (let i = 0; i < operations; i += 1) {
    schemas[`Item${i}`] = {
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { type: "object", properties: { id: { type: "string" } } },
      ],
    };
    paths[`/items${i}`] = {
      get: {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: `#/components/schemas/Item${i}` } } },
          },
        },
      },
    };
  }
  return stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths, components: { schemas } });
}

const limits = { timeoutMs: 60_000, maxHeapMb: 512 };

describe("compareSpecInWorker", () => {
  it("compares in a worker thread and returns the same changes", async () => {
    const result = await compareSpecInWorker(
      {
        format: "protobuf",
        file: "route_guide.proto",
        baseText: readFixture("route_guide.base.proto"),
        headText: readFixture("route_guide.head.proto"),
      },
      limits,
    );
    expect(result?.ok && result.changes.map((c) => c.kind)).toEqual([
      "rpc-streaming-changed",
      "rpc-added",
      "field-removed",
      "field-type-changed",
      "field-renumbered",
    ]);
  });

  it("says null for a file that is no API description, and names a parse problem", async () => {
    expect(
      await compareSpecInWorker(
        { format: "openapi", file: "k8s.yaml", baseText: "kind: Service\n", headText: "kind: Pod\n" },
        limits,
      ),
    ).toBeNull();
    expect(
      await compareSpecInWorker(
        { format: "graphql", file: "s.graphql", baseText: null, headText: "type Query {" },
        limits,
      ),
    ).toEqual({
      ok: false,
      problem: "the version in this pull request is not valid GraphQL (syntax error near line 1)",
    });
  });

  it("ends a comparison that runs past its time limit and says so", async () => {
    const base = buildLargeOpenApi(400);
    const result = await compareSpecInWorker(
      { format: "openapi", file: "big.yaml", baseText: base, headText: base.replace("/items1:", "/itemsX:") },
      { timeoutMs: 300, maxHeapMb: 512 },
    );
    expect(result).toEqual({ ok: false, problem: "not compared: the comparison took longer than 300 ms" });
  });
});
