import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  buildFindingMarker,
  buildReviewMarker,
  fingerprintFinding,
  normalizeTitle,
  parseFindingMarkers,
  parseReviewMarker,
} from "../../src/findings/fingerprint.js";

const sha = "0123456789abcdef0123456789abcdef01234567";
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

describe("finding markers", () => {
  it("round-trips through a comment body among other text", () => {
    const fp = fingerprintFinding(base, anchor);
    const body = `**SQL injection**\n\nUse a bound parameter.\n\n${buildFindingMarker(fp)}\n`;
    expect(buildFindingMarker(fp)).toBe(`<!-- backend-architect:finding fp=${fp} -->`);
    expect(parseFindingMarkers(body)).toEqual([fp]);
  });

  it("finds every marker once, in order", () => {
    const body = `${buildFindingMarker("aaaaaaaaaaaaaaaa")} x ${buildFindingMarker("bbbbbbbbbbbbbbbb")} ${buildFindingMarker("aaaaaaaaaaaaaaaa")}`;
    expect(parseFindingMarkers(body)).toEqual(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);
  });

  it.each([
    { name: "no marker", body: "just a comment" },
    { name: "short fingerprint", body: "<!-- backend-architect:finding fp=abc -->" },
    { name: "non-hex fingerprint", body: "<!-- backend-architect:finding fp=zzzzzzzzzzzzzzzz -->" },
    { name: "another app's marker", body: "<!-- other-bot:finding fp=aaaaaaaaaaaaaaaa -->" },
  ])("finds nothing in $name", ({ body }) => {
    expect(parseFindingMarkers(body)).toEqual([]);
  });

  it("refuses to build a marker from a malformed fingerprint", () => {
    expect(() => buildFindingMarker("not-a-fingerprint")).toThrow(TypeError);
  });
});

describe("review marker", () => {
  it("builds one hidden comment", () => {
    expect(buildReviewMarker({ sha, key: "auto:0123456789abcdef0123456789abcdef01234567" })).toBe(
      `<!-- backend-architect:review sha=${sha} key=auto:0123456789abcdef0123456789abcdef01234567 -->`,
    );
    expect(
      buildReviewMarker({ sha, key: "cmd:42", fingerprints: ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"] }),
    ).toBe(`<!-- backend-architect:review sha=${sha} key=cmd:42 fps=aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb -->`);
  });

  it.each([
    { name: "plain", data: { sha, key: "auto:abc" } },
    {
      name: "with fingerprints",
      data: { sha, key: "rerun:delivery-1.2_x", fingerprints: ["0123456789abcdef"] },
    },
    { name: "upper-case SHA", data: { sha: sha.toUpperCase(), key: "cmd:7" } },
    { name: "100-character key", data: { sha, key: "k".repeat(100) } },
  ])("round-trips $name inside a review body", ({ data }) => {
    const body = `## Backend Architect review\n\nSome text with <b>html</b> and --> arrows.\n${buildReviewMarker(data)}\nfooter`;
    expect(parseReviewMarker(body)).toEqual({
      sha: data.sha.toLowerCase(),
      key: data.key,
      fingerprints: data.fingerprints ?? [],
    });
  });

  it.each([
    { name: "short SHA", data: { sha: "abc123", key: "auto:x" } },
    { name: "non-hex SHA", data: { sha: "g".repeat(40), key: "auto:x" } },
    { name: "key with a space", data: { sha, key: "auto x" } },
    { name: "key closing the comment", data: { sha, key: "x-->" } },
    { name: "empty key", data: { sha, key: "" } },
    { name: "101-character key", data: { sha, key: "k".repeat(101) } },
    { name: "bad fingerprint", data: { sha, key: "auto:x", fingerprints: ["xyz"] } },
  ])("refuses to build a marker with a $name", ({ data }) => {
    expect(() => buildReviewMarker(data)).toThrow(TypeError);
  });

  it.each([
    { name: "no marker", body: "LGTM" },
    { name: "short SHA", body: "<!-- backend-architect:review sha=abc123 key=auto:x -->" },
    { name: "41-hex SHA", body: `<!-- backend-architect:review sha=${sha}0 key=auto:x -->` },
    { name: "missing key", body: `<!-- backend-architect:review sha=${sha} -->` },
    { name: "key with bad characters", body: `<!-- backend-architect:review sha=${sha} key=a/b -->` },
    { name: "too long key", body: `<!-- backend-architect:review sha=${sha} key=${"k".repeat(101)} -->` },
    { name: "unterminated comment", body: `<!-- backend-architect:review sha=${sha} key=auto:x` },
  ])("reads no marker from a body with a $name", ({ body }) => {
    expect(parseReviewMarker(body)).toBeNull();
  });

  it("takes the first well-formed marker", () => {
    const other = "fedcba9876543210fedcba9876543210fedcba98";
    const body = `<!-- backend-architect:review sha=bad key=x --> ${buildReviewMarker({ sha, key: "a" })} ${buildReviewMarker({ sha: other, key: "b" })}`;
    expect(parseReviewMarker(body)).toEqual({ sha, key: "a", fingerprints: [] });
  });

  it("round-trips any valid SHA and key", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{40}$/),
        fc.stringMatching(/^[A-Za-z0-9:._-]{1,100}$/),
        fc.string(),
        (anySha, key, text) => {
          expect(
            parseReviewMarker(`${text.replaceAll("<!--", "")}\n${buildReviewMarker({ sha: anySha, key })}`),
          ).toEqual({
            sha: anySha,
            key,
            fingerprints: [],
          });
        },
      ),
    );
  });
});
