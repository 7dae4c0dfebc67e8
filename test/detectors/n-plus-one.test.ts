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
