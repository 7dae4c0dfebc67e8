import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type ArchitectureImpact, createEmptyImpact } from "../../src/impact/architecture-impact.js";
import { buildArchitectureImpact } from "../../src/impact/build-architecture-impact.js";
import { buildImpactDiagram } from "../../src/impact/build-impact-diagram.js";
import { renderImpactSection } from "../../src/impact/render-impact-section.js";
import { loadMermaidParser } from "./mermaid-parser.js";

let mermaid: Awaited<ReturnType<typeof loadMermaidParser>>;
beforeAll(async () => {
  mermaid = await loadMermaidParser();
});
afterAll(async () => {
  await mermaid.close();
});

/** The text outside inline code spans (CommonMark: a backtick run closes at the next run of the same length). */
function removeCode(markdown: string): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const char = markdown[i]!;
    if (char === "\\") {
      out += markdown.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char !== "`") {
      out += char;
      i += 1;
      continue;
    }
    const run = /^`+/.exec(markdown.slice(i))![0];
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = i + run.length;
    const end = close.exec(markdown);
    if (!end) {
      out += run;
      i += run.length;
      continue;
    }
    i = end.index + run.length;
  }
  return out;
}

function extractMermaid(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!match) throw new Error("no mermaid block");
  return match[1]!;
}

const ordersPatch = [
  "@@ -0,0 +1,9 @@",
  "+const express = require('express');",
  "+const router = express.Router();",
  "+router.get('/orders/:id', requireAuth, async (req, res) => {",
  "+  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);",
  "+  await axios.post('https://api.stripe.com/v1/charges', {}, { timeout: 5000 });",
  "+  res.json(rows[0]);",
  "+});",
  "+router.delete('/orders/:id', async (req, res) => res.sendStatus(204));",
  "+const key = process.env.STRIPE_KEY;",
].join("\n");

/** A name from the pull request that tries every way out of a Mermaid label and the Markdown around it. */
const hostile =
  'x"] --> evil["@everyone <img src=x onerror=alert(1)> ``` ](http://evil.example) %%{init}%% #35; ;\n|end';

function hostileImpact(): ArchitectureImpact {
  const impact = createEmptyImpact();
  impact.endpoints.push({
    change: "added",
    method: "GET",
    route: `/a/${hostile}`,
    framework: "Express",
    authGuard: "not-visible",
    path: `src/${hostile}.js`,
    line: 3,
  });
  impact.queries.push({ table: hostile, operation: "select", path: `src/${hostile}.js`, line: 4 });
  impact.outbound.push({
    kind: "queue",
    detail: "Kafka topic",
    name: hostile,
    path: `src/${hostile}.js`,
    line: 5,
  });
  impact.dataChanges.push({
    kind: "column",
    action: "created",
    name: hostile,
    table: hostile,
    path: "db/migrations/1.sql",
    line: 1,
    tool: "SQL",
  });
  impact.configKeys.push({ name: hostile, source: "environment", path: "src/a.js", line: 1 });
  impact.dependencies.push({
    name: hostile,
    version: hostile,
    manifest: "package.json",
    path: "package.json",
    line: 2,
  });
  impact.apiAdditions.push({ description: `New operation ${hostile}`, path: "openapi.yaml", line: 10 });
  return impact;
}

describe("the Architecture impact section", () => {
  it("renders endpoints, queries, outbound calls and configuration of a real change, with a diagram Mermaid parses", async () => {
    const impact = buildArchitectureImpact([
      { filename: "src/routes/orders.js", patch: ordersPatch },
      { filename: "public/app.css", patch: "@@ -0,0 +1 @@\n+body{}" },
    ]);
    const section = renderImpactSection(impact, {
      summary: "Adds an order API backed by Postgres and Stripe.",
    })!;
    expect(section).toContain(
      "#### Architecture impact\n\nAdds an order API backed by Postgres and Stripe\\.",
    );
    expect(section).toContain(
      "| added | GET | `/orders/:id` | `src/routes/orders.js:3` | Express | visible |",
    );
    expect(section).toContain(
      "| added | DELETE | `/orders/:id` | `src/routes/orders.js:8` | Express | ⚠️ not visible |",
    );
    expect(section).toContain("- select on `orders` — `src/routes/orders.js:4`");
    expect(section).toContain("- HTTP host `api.stripe.com` — `src/routes/orders.js:5`");
    expect(section).toContain("- environment `STRIPE_KEY` — `src/routes/orders.js:9`");
    const diagram = extractMermaid(section);
    expect(diagram.split("\n")[0]).toBe("flowchart LR");
    await expect(mermaid.parse(diagram)).resolves.toMatchObject({ diagramType: "flowchart-v2" });
    expect(diagram).toContain("client --> E1");
    expect(diagram).toContain('D1[("orders")]');
    expect(diagram).toContain('O1{{"api.stripe.com"}}');
  });

  it("is left out when the change touches nothing of the kind", () => {
    const impact = buildArchitectureImpact([
      { filename: "src/util/format.js", patch: "@@ -1 +1 @@\n-a\n+b" },
    ]);
    expect(renderImpactSection(impact)).toBeNull();
  });

  it("keeps hostile names inert: one diagram Mermaid parses, no live mention, link, HTML or fence break", async () => {
    const section = renderImpactSection(hostileImpact(), {
      summary: "cc @octocat see https://evil.example <b>x</b>",
    })!;
    const fences = section.match(/^```/gm) ?? [];
    expect(fences).toHaveLength(2); // the mermaid block opens and closes once
    const diagram = extractMermaid(section);
    await expect(mermaid.parse(diagram)).resolves.toBeDefined();
    // Exactly the nodes and edges the builder made: the name added none.
    expect(diagram.match(/-->/g)).toHaveLength(5);
    const outsideCode = removeCode(section.replace(/```mermaid[\s\S]*?```/g, ""));
    // Outside code, every `<`, `@`, `[`, `]` and `(` that survives is escaped (a backslash before it).
    expect(outsideCode).not.toMatch(/(?<!\\)[<@[\]]/);
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(/);
    expect(section).not.toContain("<!--");
    // A table row has exactly 7 unescaped pipes.
    const row = section.split("\n").find((line) => line.startsWith("| added"))!;
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(7);
  });

  it("merges nodes beyond the limit into one node per kind and stays valid", async () => {
    const impact = createEmptyImpact();
    for (let i = 0; i < 30; i += 1) {
      impact.endpoints.push({
        change: "added",
        method: "GET",
        route: `/r${i}`,
        framework: "gin",
        authGuard: "visible",
        path: `svc${i % 9}/main.go`,
        line: i + 1,
      });
      impact.queries.push({
        table: `table_${i}`,
        operation: "select",
        path: `svc${i % 9}/main.go`,
        line: i + 1,
      });
    }
    const diagram = buildImpactDiagram(impact)!;
    await expect(mermaid.parse(diagram)).resolves.toBeDefined();
    expect(diagram).toContain('Emore["22 more endpoints"]');
    expect(diagram).toContain('Smore[["3 more files"]]');
    expect(diagram).toContain('Dmore[("22 more tables")]');
    const nodeLines = diagram.split("\n").filter((line) => /^\s+\w+[[({]/.test(line));
    expect(nodeLines.length).toBeLessThanOrEqual(1 + 9 + 7 + 9);
  });

  it("stays under its length cap with hundreds of items (lists shortened, then the diagram dropped)", () => {
    const impact = createEmptyImpact();
    for (let i = 0; i < 400; i += 1) {
      impact.dependencies.push({
        name: `package-${i}-${"x".repeat(40)}`,
        version: "1.0.0",
        manifest: "package.json",
        path: "package.json",
        line: i + 1,
      });
      impact.queries.push({ table: `t${i}`, operation: "select", path: "src/q.js", line: i });
    }
    const section = renderImpactSection(impact, { maxLength: 4_000 })!;
    expect(section.length).toBeLessThanOrEqual(4_000);
    expect(section).toContain("**New dependencies** (400)");
    expect(section).toMatch(/- … and \d+ more/);
  });

  it("lists non-breaking API additions handed in by another stage", () => {
    const impact = createEmptyImpact();
    impact.apiAdditions.push({
      description: "New optional field `nickname` on `User`",
      path: "openapi.yaml",
      line: 42,
    });
    expect(renderImpactSection(impact, { diagram: false })).toBe(
      "#### Architecture impact\n\n**API additions (non-breaking)** (1)\n- New optional field \\`nickname\\` on \\`User\\` — `openapi.yaml:42`",
    );
  });
});
