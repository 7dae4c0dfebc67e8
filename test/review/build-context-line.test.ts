import { describe, expect, it } from "@jest/globals";
import { buildContextCostNote, buildContextLine } from "../../src/review/build-context-line.js";
import type { ContextReport } from "../../src/review/gather-context.js";

const none = { count: 0, tokens: 0 };
const ran: ContextReport = {
  status: "ran",
  filesRead: 12,
  sent: {
    enclosing: { count: 2, tokens: 410 },
    definition: { count: 3, tokens: 1250 },
    usage: none,
    data_model: { count: 1, tokens: 300 },
    map: { count: 1, tokens: 90 },
  },
  promptTokens: 2300,
  leftOut: { count: 2, tokens: 1900, paths: ["src/a`b.ts", "db/migrations/001.sql"] },
  notes: ["src/x.ts: Failed to read the blob 1234567 of acme/shop-api <img src=x>"],
  githubRequests: 9,
  cachedReads: 4,
  exploration: { turns: 2, toolCalls: 3, tokens: 4100, githubRequests: 1, stoppedBy: ["6 tool turns"] },
};

describe("buildContextLine", () => {
  it("says what was read and sent by kind, what the budget left out, the exploration and the requests", () => {
    expect(buildContextLine(ran)).toBe(
      [
        "Context: 12 files read, 2,050 tokens sent — enclosing code 2 (410 tokens), definitions 3 (1,250 tokens), data model 1 (300 tokens), repository map 1 (90 tokens). Left out for the budget: 2 excerpts (1,900 tokens) from ``src/a`b.ts``, `db/migrations/001.sql`. Exploration: 2 tool turns, 3 tool calls, 4,100 tokens; stopped at 6 tool turns. GitHub requests for context: 9 (4 files from the cache).",
        "> ⚠️ Context incomplete: src\\/x\\.ts\\: Failed to read the blob 1234567 of acme\\/shop\\-api \\<img src\\=x\\>",
      ].join("\n"),
    );
    expect(buildContextCostNote(ran)).toBe(
      " Repository context (excerpts and their framing): about 2,300 of the input tokens (estimated).",
    );
  });

  it("says why there was no context", () => {
    const off: ContextReport = {
      status: "off",
      reason: "repository context is off for this repository (context.enabled is false)",
    };
    expect(buildContextLine(off)).toBe(
      "Context: none — repository context is off for this repository \\(context\\.enabled is false\\).",
    );
    expect(buildContextCostNote(off)).toBe("");
  });
});
