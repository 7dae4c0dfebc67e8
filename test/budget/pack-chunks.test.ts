import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { estimateTokens } from "../../src/budget/estimate-tokens.js";
import {
  type PackChunksResult,
  type PackFile,
  packChunks,
  packChunksInSlices,
} from "../../src/budget/pack-chunks.js";
import { orderByRisk } from "../../src/budget/rank-risk.js";
import { type Hunk, parsePatch } from "../../src/diff/parse-patch.js";
import { renderFile } from "../../src/model/render-diff.js";

/** One hunk from `+`/`-`/` ` prefixed lines, numbered from `start` on both sides. */
function makeHunk(start: number, lines: readonly string[]): Hunk {
  const hunk = parsePatch(
    `@@ -${start},${lines.length} +${start},${lines.length} @@\n${lines.join("\n")}`,
  )[0];
  if (!hunk) throw new Error(`Test hunk did not parse: ${lines.join(" / ")}`);
  return hunk;
}

const byLength = (text: string): number => text.length;

function packedHunks(result: PackChunksResult, path: string): Hunk[] {
  return result.chunks.flatMap((chunk) => chunk.files.filter((f) => f.path === path).flatMap((f) => f.hunks));
}

describe("packChunks: what is not worth a model call", () => {
  it.each([
    {
      name: "deletion-only file",
      hunks: [makeHunk(1, ["-const a = 1;", "-const b = 2;"])],
      reason: "only deletions",
    },
    {
      name: "re-spaced code",
      hunks: [makeHunk(1, ["-foo(a,b);", "+foo( a, b );", "+", " bar();"])],
      reason: "only whitespace changes",
    },
    {
      name: "re-indented JavaScript",
      hunks: [makeHunk(1, ["-if (x) {", "-return y;", "+  if (x) {", "+    return y;"])],
      reason: "only whitespace changes",
    },
    {
      name: "one hunk of each",
      hunks: [makeHunk(1, ["-a();"]), makeHunk(20, ["-b();", "+b( );"])],
      reason: "only deletions and whitespace changes",
    },
    {
      name: "no hunks (binary)",
      hunks: [],
      reason: "no diff to review (binary, or too large for GitHub to show)",
    },
  ])("skips a $name", ({ hunks, reason }) => {
    const result = packChunks({ files: [{ path: "src/a.ts", hunks }], budgetTokens: 1000, maxCalls: 2 });
    expect(result).toEqual({ chunks: [], skipped: [{ path: "src/a.ts", reason }] });
  });

  it.each([
    {
      name: "re-indented Python (indentation is syntax)",
      path: "app/a.py",
      lines: ["-return x", "+    return x"],
    },
    {
      name: "space removed between two words",
      path: "src/a.ts",
      lines: ['-const q = "a b";', '+const q = "ab";'],
    },
    { name: "deleted code with a blank line added", path: "src/a.ts", lines: ["-checkAuth(user);", "+"] },
    { name: "a duplicated line", path: "src/a.ts", lines: ["-save();", "+save();", "+save();"] },
  ])("keeps $name", ({ path, lines }) => {
    const hunk = makeHunk(1, lines);
    const result = packChunks({ files: [{ path, hunks: [hunk] }], budgetTokens: 1000, maxCalls: 1 });
    expect(result.skipped).toEqual([]);
    expect(packedHunks(result, path)).toEqual([hunk]);
  });

  it("drops only the unreviewable hunks of a file that has others", () => {
    const deletion = makeHunk(1, ["-old();"]);
    const change = makeHunk(10, ["-a();", "+b();"]);
    const result = packChunks({
      files: [{ path: "src/a.ts", hunks: [deletion, change] }],
      budgetTokens: 1000,
      maxCalls: 1,
    });
    expect(result.chunks).toEqual([
      {
        files: [{ path: "src/a.ts", hunks: [change] }],
        tokens: estimateTokens(renderFile("src/a.ts", [change])),
      },
    ]);
    expect(result.skipped).toEqual([]);
  });
});

describe("packChunks: packing", () => {
  const small = (path: string): PackFile => ({ path, hunks: [makeHunk(1, [`+${path}();`])] });

  it("puts files that fit together in one chunk, counting each file's rendered size", () => {
    const files = [small("src/a.ts"), small("src/b.ts")];
    const result = packChunks({ files, budgetTokens: 1000, maxCalls: 3, estimate: byLength });
    expect(result.chunks).toEqual([
      {
        files,
        tokens:
          renderFile("src/a.ts", files[0]!.hunks).length + renderFile("src/b.ts", files[1]!.hunks).length,
      },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it("opens a new chunk when the next file does not fit, and skips files once maxCalls chunks are full", () => {
    const files = [small("src/a.ts"), small("src/b.ts"), small("src/c.ts")];
    const oneFile = renderFile("src/a.ts", files[0]!.hunks).length;
    const result = packChunks({ files, budgetTokens: oneFile, maxCalls: 2, estimate: byLength });
    expect(result.chunks.map((chunk) => chunk.files.map((f) => f.path))).toEqual([
      ["src/a.ts"],
      ["src/b.ts"],
    ]);
    expect(result.skipped).toEqual([
      { path: "src/c.ts", reason: "token budget exhausted (max 2 model calls)" },
    ]);
  });

  it("still fills the last chunk with smaller files after a larger one did not fit", () => {
    const big: PackFile = { path: "src/auth/big.ts", hunks: [makeHunk(1, ["+x".repeat(100)])] };
    const bigTokens = renderFile(big.path, big.hunks).length;
    const smallTokens = renderFile("src/z.ts", small("src/z.ts").hunks).length;
    const result = packChunks({
      files: [small("src/z.ts"), big],
      budgetTokens: bigTokens + 10,
      maxCalls: 1,
      estimate: byLength,
    });
    expect(smallTokens + bigTokens).toBeGreaterThan(bigTokens + 10);
    // The auth file is riskier, so it is placed first; the small one no longer fits.
    expect(result.chunks.map((chunk) => chunk.files.map((f) => f.path))).toEqual([["src/auth/big.ts"]]);
    expect(result.skipped).toEqual([
      { path: "src/z.ts", reason: "token budget exhausted (max 1 model call)" },
    ]);

    const reversed = packChunks({
      files: [big, small("src/auth/a.ts"), small("src/z.ts")],
      budgetTokens: bigTokens - 1 + smallTokens,
      maxCalls: 1,
      estimate: byLength,
    });
    expect(reversed.chunks.map((chunk) => chunk.files.map((f) => f.path))).toEqual([
      ["src/auth/a.ts", "src/z.ts"],
    ]);
  });

  it("places riskier files first", () => {
    const files = [small("src/lib/format.ts"), small("src/routes/users.ts"), small("src/auth/session.ts")];
    const result = packChunks({ files, budgetTokens: 10_000, maxCalls: 1 });
    expect(result.chunks[0]!.files.map((f) => f.path)).toEqual([
      "src/auth/session.ts",
      "src/routes/users.ts",
      "src/lib/format.ts",
    ]);
  });

  it("splits a file bigger than a chunk by hunk, without cutting a hunk", () => {
    const hunks = [0, 1, 2, 3, 4].map((i) => makeHunk(100 + i * 100, [`+line${i}a();`, `+line${i}b();`]));
    const oneHunk = renderFile("src/a.ts", [hunks[0]!]).length;
    const twoHunks = renderFile("src/a.ts", hunks.slice(0, 2)).length;
    const result = packChunks({
      files: [{ path: "src/a.ts", hunks }],
      budgetTokens: twoHunks,
      maxCalls: 3,
      estimate: byLength,
    });
    expect(oneHunk).toBeLessThan(twoHunks);
    expect(result.chunks.map((chunk) => chunk.files.map((f) => f.hunks))).toEqual([
      [hunks.slice(0, 2)],
      [hunks.slice(2, 4)],
      [hunks.slice(4, 5)],
    ]);
    for (const chunk of result.chunks) {
      expect(chunk.tokens).toBe(renderFile("src/a.ts", chunk.files[0]!.hunks).length);
    }
    expect(result.skipped).toEqual([]);
  });

  it("lists the hunks of a split file that did not fit in maxCalls chunks", () => {
    const hunks = [0, 1, 2].map((i) => makeHunk(100 + i * 100, [`+line${i}();`]));
    const result = packChunks({
      files: [{ path: "src/a.ts", hunks }],
      budgetTokens: renderFile("src/a.ts", [hunks[0]!]).length,
      maxCalls: 2,
      estimate: byLength,
    });
    expect(result.chunks.map((chunk) => chunk.files[0]!.hunks)).toEqual([[hunks[0]], [hunks[1]]]);
    expect(result.skipped).toEqual([
      {
        path: "src/a.ts",
        reason: "hunks @@ -300,1 +300,1 @@ not reviewed: token budget exhausted (max 2 model calls)",
        hunks: [hunks[2]],
      },
    ]);
  });

  it("skips a hunk that alone exceeds the budget and reviews the rest of the file", () => {
    const huge = makeHunk(
      1,
      Array.from({ length: 50 }, (_, i) => `+const value${i} = compute(${i});`),
    );
    const normal = makeHunk(200, ["+ok();"]);
    const budget = 200;
    const result = packChunks({
      files: [{ path: "src/a.ts", hunks: [huge, normal] }],
      budgetTokens: budget,
      maxCalls: 2,
    });
    const hugeTokens = estimateTokens(renderFile("src/a.ts", [huge]));
    expect(hugeTokens).toBeGreaterThan(budget);
    expect(result.chunks.map((chunk) => chunk.files)).toEqual([[{ path: "src/a.ts", hunks: [normal] }]]);
    expect(result.skipped).toEqual([
      {
        path: "src/a.ts",
        reason: `hunks @@ -1,50 +1,50 @@ not reviewed: too large (${hugeTokens} tokens > budget 200)`,
        hunks: [huge],
      },
    ]);
  });

  it("skips a file whose every hunk exceeds the budget, naming its size", () => {
    const huge = makeHunk(
      1,
      Array.from({ length: 50 }, (_, i) => `+const value${i} = compute(${i});`),
    );
    const result = packChunks({
      files: [{ path: "src/a.ts", hunks: [huge] }],
      budgetTokens: 100,
      maxCalls: 2,
    });
    const tokens = estimateTokens(renderFile("src/a.ts", [huge]));
    expect(result).toEqual({
      chunks: [],
      skipped: [
        { path: "src/a.ts", reason: `too large for the token budget (${tokens} tokens > budget 100)` },
      ],
    });
  });

  it("skips everything with maxCalls 0", () => {
    const result = packChunks({ files: [small("src/a.ts")], budgetTokens: 1000, maxCalls: 0 });
    expect(result).toEqual({
      chunks: [],
      skipped: [{ path: "src/a.ts", reason: "token budget exhausted (max 0 model calls)" }],
    });
  });

  it.each([
    { name: "negative budget", budgetTokens: -1, maxCalls: 1 },
    { name: "NaN budget", budgetTokens: Number.NaN, maxCalls: 1 },
    { name: "fractional maxCalls", budgetTokens: 100, maxCalls: 1.5 },
    { name: "negative maxCalls", budgetTokens: 100, maxCalls: -1 },
  ])("rejects $name", ({ budgetTokens, maxCalls }) => {
    expect(() => packChunks({ files: [], budgetTokens, maxCalls })).toThrow(RangeError);
  });

  it("packs 3,000 files of ~30 lines within maxCalls, accounting for every file", () => {
    const files = buildLargePullRequest(3000);
    const result = packChunks({ files, budgetTokens: 60_000, maxCalls: 20 });
    expect(result.chunks.length).toBe(20);
    const packed = new Set(result.chunks.flatMap((chunk) => chunk.files.map((f) => f.path)));
    const skipped = new Set(result.skipped.map((s) => s.path));
    expect(packed.size + skipped.size).toBe(3000);
    for (const chunk of result.chunks) expect(chunk.tokens).toBeLessThanOrEqual(60_000);
  });
});

/** A pull request like a large refactor: 3,000 files, each one hunk of ~30 lines. */
function buildLargePullRequest(fileCount: number): PackFile[] {
  const dirs = ["auth", "routes", "models", "workers", "lib", "config", "services"];
  return Array.from({ length: fileCount }, (_, i) => {
    const lines = [" import { db } from '../db.js';"];
    for (let k = 0; k < 28; k++) {
      lines.push(
        k % 4 === 0
          ? `-  const old${k} = legacy(${k});`
          : `+  const value${k} = await compute${i}(input, ${k});`,
      );
    }
    lines.push(" }");
    return { path: `src/${dirs[i % dirs.length]}/file-${i}.ts`, hunks: [makeHunk(1 + (i % 50), lines)] };
  });
}

// ---- properties ----

type HunkTag = "change" | "deletion-only" | "whitespace-only";

interface GeneratedFile {
  path: string;
  hunks: Hunk[];
  tags: HunkTag[];
}

const pathArb = fc
  .tuple(
    fc.constantFrom(
      "src/auth",
      "src/routes",
      "db/migrations",
      "src/models",
      "src/workers",
      "config",
      "src/lib",
    ),
    fc.string({ unit: fc.constantFrom("a", "b", "c", "-", "_"), minLength: 1, maxLength: 8 }),
    fc.constantFrom(".ts", ".py", ".sql", ".go"),
  )
  .map(([dir, name, ext]) => `${dir}/${name}${ext}`);

const hunkSpecArb = fc.record({
  tag: fc.constantFrom<HunkTag>("change", "change", "change", "deletion-only", "whitespace-only"),
  context: fc.nat({ max: 3 }),
  changed: fc.integer({ min: 1, max: 25 }),
  width: fc.integer({ min: 1, max: 60 }),
});

/** Files whose hunks are consistently numbered; each hunk is tagged with what packChunks should see in it. */
const filesArb = fc
  .uniqueArray(fc.tuple(pathArb, fc.array(hunkSpecArb, { maxLength: 6 })), {
    selector: ([path]) => path,
    maxLength: 12,
  })
  .map((entries) =>
    entries.map(([path, specs], fileIndex): GeneratedFile => {
      let start = 1;
      const hunks: Hunk[] = [];
      for (const [hunkIndex, spec] of specs.entries()) {
        const body: string[] = [];
        for (let c = 0; c < spec.context; c++) body.push(` ctx${c}`);
        for (let k = 0; k < spec.changed; k++) {
          const code = `v${fileIndex}_${hunkIndex}_${k} = f(${"x".repeat(spec.width)})`;
          if (spec.tag === "change") body.push(`+${code}`);
          else if (spec.tag === "deletion-only") body.push(`-${code}`);
          else body.push(`-${code}`, `+${code.replaceAll(" ", "  ")}  `);
        }
        const hunk = makeHunk(start, body);
        hunks.push(hunk);
        start += body.length + 10;
      }
      return { path, hunks, tags: specs.map((spec) => spec.tag) };
    }),
  );

const estimateArb = fc.constantFrom<{ name: string; estimate?: (text: string) => number }>(
  { name: "default" },
  { name: "characters", estimate: byLength },
  { name: "characters / 4", estimate: (text) => Math.ceil(text.length / 4) },
  // Grows faster than the text: a part costs more than its hunks, so packChunks must trim its guesses.
  { name: "superlinear", estimate: (text) => text.length + Math.floor((text.length * text.length) / 4000) },
);

describe("packChunks properties", () => {
  it("never cuts, duplicates or loses a hunk, never exceeds the budget or maxCalls, keeps risk order", () => {
    fc.assert(
      fc.property(
        filesArb,
        fc.integer({ min: 20, max: 3000 }),
        fc.integer({ min: 0, max: 6 }),
        estimateArb,
        (generated, budgetTokens, maxCalls, { estimate }) => {
          const files: PackFile[] = generated.map(({ path, hunks }) => ({ path, hunks }));
          const result = packChunks({ files, budgetTokens, maxCalls, estimate });
          const measure = estimate ?? estimateTokens;

          expect(result.chunks.length).toBeLessThanOrEqual(maxCalls);
          for (const chunk of result.chunks) {
            expect(chunk.files.length).toBeGreaterThan(0);
            expect(chunk.tokens).toBeLessThanOrEqual(budgetTokens);
            const measured = chunk.files.reduce((sum, f) => sum + measure(renderFile(f.path, f.hunks)), 0);
            expect(chunk.tokens).toBe(measured);
          }

          const seen = new Set<Hunk>();
          const note = (hunk: Hunk): void => {
            expect(seen.has(hunk)).toBe(false);
            seen.add(hunk);
          };
          for (const chunk of result.chunks) for (const f of chunk.files) for (const h of f.hunks) note(h);
          for (const s of result.skipped) for (const h of s.hunks ?? []) note(h);

          for (const file of generated) {
            const kept = file.hunks.filter((_, i) => file.tags[i] === "change");
            const placed = packedHunks(result, file.path);
            const partial = result.skipped.filter((s) => s.path === file.path && s.hunks);
            const whole = result.skipped.filter((s) => s.path === file.path && !s.hunks);
            if (placed.length === 0) {
              expect(whole).toHaveLength(1);
              expect(partial).toHaveLength(0);
              continue;
            }
            expect(whole).toHaveLength(0);
            // Every kept hunk is placed or listed, in the file's order within each part; nothing else is.
            const accounted = [...placed, ...partial.flatMap((s) => s.hunks ?? [])];
            expect(new Set(accounted)).toEqual(new Set(kept));
            expect(accounted).toHaveLength(kept.length);
            for (const chunk of result.chunks) {
              for (const part of chunk.files.filter((f) => f.path === file.path)) {
                const positions = part.hunks.map((h) => file.hunks.indexOf(h));
                expect(positions).toEqual([...positions].sort((a, b) => a - b));
              }
            }
          }

          const riskOrder = orderByRisk(
            generated.map((file) => ({
              path: file.path,
              hunks: file.hunks.filter((_, i) => file.tags[i] === "change"),
            })),
          ).map((file) => file.path);
          const placedOrder = result.chunks.flatMap((chunk) =>
            chunk.files.map((f) => riskOrder.indexOf(f.path)),
          );
          expect(placedOrder).toEqual([...placedOrder].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reviews everything when the budget is ample", () => {
    fc.assert(
      fc.property(filesArb, (generated) => {
        const files = generated.map(({ path, hunks }) => ({ path, hunks }));
        const result = packChunks({ files, budgetTokens: 1_000_000, maxCalls: 1 });
        for (const file of generated) {
          const kept = file.hunks.filter((_, i) => file.tags[i] === "change");
          expect(packedHunks(result, file.path)).toEqual(kept);
        }
        expect(result.skipped.every((s) => /^only /.test(s.reason) || s.reason.startsWith("no diff"))).toBe(
          true,
        );
      }),
    );
  });
});

describe("packChunksInSlices", () => {
  it("packs exactly as packChunks, letting the event loop run between slices", async () => {
    const files: PackFile[] = Array.from({ length: 250 }, (_, i) => ({
      path: i % 3 === 0 ? `src/routes/r${i}.ts` : `src/lib/l${i}.ts`,
      hunks: [
        makeHunk(
          1,
          Array.from({ length: 1 + (i % 7) }, (_, k) => `+const v${k} = db.query(${i});`),
        ),
      ],
    }));
    const input = { files, budgetTokens: 400, maxCalls: 3, estimate: byLength };
    // Another task on the event loop: it runs once per loop turn, so only between slices.
    let ticks = 0;
    let done = false;
    const spin = () => {
      ticks += 1;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const sliced = await packChunksInSlices(input, 10);
    done = true;
    expect(sliced).toEqual(packChunks(input));
    expect(sliced.skipped.length).toBeGreaterThan(0);
    // 250 files in slices of 10: the other task ran between them.
    expect(ticks).toBeGreaterThanOrEqual(20);
  });
});
