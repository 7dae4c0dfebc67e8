import { describe, expect, it } from "@jest/globals";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { unboundedQuery } from "../../src/detectors/unbounded-query.js";
import { buildAddedFile } from "./build-added-file.js";

function run(path: string, code: string) {
  return runDetectors([buildAddedFile(path, code)], { detectors: [unboundedQuery] }).map((f) => ({
    line: f.line,
    severity: f.severity,
  }));
}

describe("unbounded-query", () => {
  it("reports an ORM read of a whole table outside a visible handler, at low severity", () => {
    const code = "export async function listUsers() {\n  return User.findAll();\n}\n";
    expect(run("src/users.ts", code)).toEqual([{ line: 2, severity: "low" }]);
  });

  it("reports it at the detector's severity inside a route handler", () => {
    const code = 'router.get("/users", async (req, res) => {\n  res.json(await User.findAll());\n});\n';
    expect(run("src/routes.ts", code)).toEqual([{ line: 2, severity: "medium" }]);
  });

  it.each([
    {
      name: "a filter on an identifying key",
      code: 'router.get("/orders", async (req, res) => {\n  res.json(await Order.find({ customerId: id }));\n});\n',
    },
    {
      name: "a filter scoped to the caller",
      code: 'router.get("/orders", async (req, res) => {\n  res.json(await Order.findAll({ where: { owner: req.user.name } }));\n});\n',
    },
    {
      name: "a NoSQL $where predicate (an injection question, not a size one)",
      code: 'router.get("/u", async (req, res) => {\n  res.json(await User.find({ $where: "this.age > 1" }));\n});\n',
    },
    {
      name: "a SELECT whose WHERE is concatenated on",
      code: 'router.get("/u", async (req, res) => {\n  await db.query("SELECT * FROM users" + " WHERE id = $1", [req.params.id]);\n});\n',
    },
    {
      name: "a SELECT over a dynamic table name",
      code: 'router.get("/u", async (req, res) => {\n  await db.query("SELECT * FROM " + table);\n});\n',
    },
    { name: "a SQL string outside any handler", code: 'const sql = "SELECT * FROM users";\n' },
  ])("does not report $name", ({ code }) => {
    expect(run("src/routes.ts", code)).toEqual([]);
  });
});
