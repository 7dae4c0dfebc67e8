import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { fingerprintFinding, normalizeTitle } from "../../src/findings/fingerprint.js";

const base = { category: "security", path: "src/routes/users.ts", title: "SQL injection in user lookup" };
const anchor = ["  const rows = await db.query('SELECT * FROM users WHERE id = ' + id);"];

describe("fingerprintFinding", () => {
  it("is 16 lower-case hex characters", () => {
    expect(fingerprintFinding(base, anchor)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    {
      name: "the code moved and was re-indented",
      finding: base,
      lines: ["const rows = await db.query('SELECT * FROM users WHERE id = ' + id)"],
    },
    {
      name: "whitespace inside the line changed",
      finding: base,
      lines: ["  const rows  =  await db.query('SELECT * FROM users WHERE id = ' + id) ;"],
    },
    {
      name: "a trailing comma instead of a semicolon",
      finding: base,
      lines: ["  const rows = await db.query('SELECT * FROM users WHERE id = ' + id),"],
    },
    {
      name: "the title cites another line number",
      finding: { ...base, title: "SQL injection in user lookup (line 42)" },
      lines: anchor,
    },
    {
      name: "the title cites a line range",
      finding: { ...base, title: "SQL injection in user lookup, lines 12-14" },
      lines: anchor,
    },
    {
      name: "the title's case and punctuation changed",
      finding: { ...base, title: "SQL Injection in user-lookup!" },
      lines: anchor,
    },
    { name: "blank anchor lines", finding: base, lines: ["", ...anchor, "   "] },
    {
      name: "the title is worded differently",
      finding: { ...base, title: "Unsafe string concatenation into SQL" },
      lines: anchor,
    },
  ])("stays the same when $name", ({ finding, lines }) => {
    expect(fingerprintFinding(finding, lines)).toBe(fingerprintFinding(base, anchor));
  });

  it.each([
    { name: "category", finding: { ...base, category: "reliability" }, lines: anchor },
    { name: "path", finding: { ...base, path: "src/routes/orders.ts" }, lines: anchor },
    {
      name: "code",
      finding: base,
      lines: ["const rows = await db.query('SELECT * FROM orders WHERE id = ' + id);"],
    },
    { name: "extra anchor line", finding: base, lines: [...anchor, "return rows;"] },
  ])("changes with the $name", ({ finding, lines }) => {
    expect(fingerprintFinding(finding, lines)).not.toBe(fingerprintFinding(base, anchor));
  });

  it("never depends on line numbers: the same finding shifted by N lines keeps its fingerprint", () => {
    const file = ["import x from 'x';", "function a() {", "  return db.query(sql + id);", "}"];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 }), (shift, lineNumber) => {
        const shifted = [...Array.from({ length: shift }, (_, i) => `// filler ${i}`), ...file];
        const before = fingerprintFinding({ ...base, title: `Concatenated SQL at line ${lineNumber}` }, [
          file[2]!,
        ]);
        const after = fingerprintFinding(
          { ...base, title: `Concatenated SQL at line ${lineNumber + shift}` },
          [shifted[2 + shift]!],
        );
        expect(after).toBe(before);
      }),
    );
  });
});

describe("normalizeTitle", () => {
  it.each([
    { title: "N+1 query in OrderService.list (line 12)", expected: "n query in orderservice list" },
    { title: "Missing auth check — lines 3 to 9", expected: "missing auth check" },
    { title: "Race on L42-L44", expected: "race on" },
    { title: "  Unbounded   retry loop  ", expected: "unbounded retry loop" },
  ])("$title → $expected", ({ title, expected }) => {
    expect(normalizeTitle(title)).toBe(expected);
  });
});
