import { describe, expect, it } from "@jest/globals";
import { nPlusOne } from "../../src/detectors/n-plus-one.js";
import { runDetectors } from "../../src/detectors/run-detectors.js";
import { buildAddedFile } from "./build-added-file.js";

function findLines(code: string): number[] {
  return runDetectors([buildAddedFile("shop/views.py", code)], { detectors: [nPlusOne] }).map((f) => f.line);
}

describe("n-plus-one: Django lazy loads in loops", () => {
  it("reports a related manager queried once per row", () => {
    const code =
      "def report(request):\n    for order in Order.objects.filter(paid=True):\n        total += order.lines.count()\n";
    expect(findLines(code)).toEqual([3]);
  });

  it("reports a foreign key read per row of a queryset without select_related", () => {
    const code =
      "def report(request):\n    orders = Order.objects.all()\n    for order in orders:\n        rows.append(order.customer.name)\n";
    expect(findLines(code)).toEqual([4]);
  });

  it.each([
    {
      name: "select_related on the queryset",
      code: "def report(request):\n    orders = Order.objects.select_related('customer')\n    for order in orders:\n        rows.append(order.customer.name)\n",
    },
    {
      name: "attribute reads on a plain list",
      code: "def report(items):\n    for item in items:\n        rows.append(item.price.amount)\n",
    },
  ])("does not report $name", ({ code }) => {
    expect(findLines(code)).toEqual([]);
  });
});

describe("n-plus-one: queries fired without await", () => {
  const findJsLines = (code: string): number[] =>
    runDetectors([buildAddedFile("src/import.js", code)], { detectors: [nPlusOne] }).map((f) => f.line);

  it.each([
    { name: "a while loop", code: "while (more()) {\n  client.query('INSERT INTO t VALUES (1)');\n}\n" },
    {
      name: "a filter callback",
      code: "items.filter((item) => {\n  pool.query('INSERT INTO t VALUES ($1)', [item.id]);\n  return item.ok;\n});\n",
    },
    {
      name: "a reduce callback",
      code: "items.reduce((acc, item) => {\n  db.execute('UPDATE t SET n = n + 1');\n  return acc;\n}, []);\n",
    },
  ])("reports a query statement in $name", ({ code }) => {
    expect(findJsLines(code)).toEqual([2]);
  });

  it.each([
    {
      name: "a query in a lambda the loop stores",
      code: "for (const id of ids) {\n  jobs.push(() => client.query('INSERT INTO t VALUES ($1)', [id]));\n}\n",
    },
    { name: "RegExp exec in a while loop", code: "while ((m = re.exec(text))) {\n  re.exec(text);\n}\n" },
    {
      name: "a query statement outside any loop",
      code: "function f() {\n  client.query('INSERT INTO t VALUES (1)');\n}\n",
    },
  ])("does not report $name", ({ code }) => {
    expect(findJsLines(code)).toEqual([]);
  });
});
