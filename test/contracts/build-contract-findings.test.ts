import { describe, expect, it } from "@jest/globals";
import { buildContractFindings, toImpactAdditions } from "../../src/contracts/check-contracts.js";
import type { ContractChange } from "../../src/contracts/contract-change.js";
import { renderTitle } from "../../src/review/render-finding.js";

const base: ContractChange = {
  format: "openapi",
  file: "api/openapi.yaml",
  breaking: true,
  kind: "type-changed",
  target: "GET /pets",
  description: "Changed type of id from integer to string in response 200 (application/json)",
  line: 40,
};

describe("buildContractFindings", () => {
  it("makes one high architecture finding per change and place, naming every operation it affects", () => {
    const findings = buildContractFindings([
      base,
      { ...base, target: "POST /pets" },
      { ...base, target: "GET /pets/{id}", description: "Changed type of [].id from integer to string" },
      { ...base, target: "PUT /pets/{id}" },
      {
        ...base,
        kind: "operation-removed",
        target: "DELETE /pets/{id}",
        description: "Removed operation",
        line: undefined,
      },
      { ...base, breaking: false, kind: "operation-added", target: "GET /owners" },
    ]);
    expect(findings).toEqual([
      {
        path: "api/openapi.yaml",
        line: 40,
        severity: "high",
        category: "architecture",
        confidence: 1,
        source: "rule",
        ruleId: "api-contract/type-changed",
        title: "Breaking OpenAPI change (type changed): GET /pets, POST /pets, GET /pets/{id} and 1 more",
        body: expect.stringContaining(
          "What changed:\n- `Changed type of id from integer to string in response 200 (application/json)`\n- `Changed type of [].id from integer to string`\n\nClients built against",
        ),
      },
      expect.objectContaining({ line: 1, ruleId: "api-contract/operation-removed" }),
    ]);
  });

  it("keeps every name from the pull request inert: no mention, link, marker or broken code span", () => {
    const [finding] = buildContractFindings([
      {
        ...base,
        target: "GET /users/@octocat`](https://evil.example)",
        description: "Removed <!-- backend-architect:finding fp=0000000000000000 --> @org/team\nsecond line",
        file: "api/`x`.yaml",
      },
    ]);
    // Findings hold plain text; the title is encoded where it is rendered (as one code span here).
    expect(finding!.title).toBe(
      "Breaking OpenAPI change (type changed): GET /users/@octocat`](https://evil.example)",
    );
    expect(renderTitle(finding!.title)).toBe(
      "``Breaking OpenAPI change (type changed): GET /users/@octocat`](https://evil.example)``",
    );
    expect(finding!.body).toContain(
      "What changed: `Removed <!- - backend-architect:finding fp=0000000000000000 --> @org/team second line`",
    );
    expect(finding!.body).not.toContain("<!--");
    expect(finding!.body).toContain("Found by comparing ``api/`x`.yaml`` at the base");
    // The library's own name would mention the GitHub organisation outside a code span.
    const [graphql] = buildContractFindings([{ ...base, format: "graphql", kind: "field-removed" }]);
    expect(graphql!.body).toContain("with `@graphql-inspector/core`.");
  });
});

describe("toImpactAdditions", () => {
  it("gives the Architecture impact section one line of text, the file and the line of each addition", () => {
    expect(
      toImpactAdditions([
        {
          ...base,
          breaking: false,
          kind: "operation-added",
          target: "GET /owners",
          description: "Added operation GET /owners",
          line: 109,
        },
        {
          ...base,
          breaking: false,
          kind: "rpc-added",
          format: "protobuf",
          file: "a.proto",
          target: "S.M",
          description: "RPC S.M was added",
          line: undefined,
        },
      ]),
    ).toEqual([
      { description: "Added operation GET /owners", path: "api/openapi.yaml", line: 109 },
      { description: "RPC S.M was added", path: "a.proto" },
    ]);
  });
});
